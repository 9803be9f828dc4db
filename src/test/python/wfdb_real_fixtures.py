"""Reference values for the real WFDB files in shared/data, read with numpy alone (no WFDB library): the first
samples and per-lead sums of a few PTB-XL and CinC 2017 records, and the CinC records whose header "initial value"
differs from the first sample, and the groups of byte-identical CinC signal files.
Writes src/test/resources/fixtures/wfdb/real.json.

Run: /usr/bin/python3 src/test/python/wfdb_real_fixtures.py [shared folder, default ../shared]
"""
import hashlib
import json
import pathlib
import sys

import numpy as np

repo = pathlib.Path(__file__).resolve().parents[3]
shared = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else repo.parent / "shared"
ptb = shared / "data" / "ptbxl-500"
cinc = shared / "data" / "cinc2017" / "training"


def summary(signals, gain):
    return {"first": signals[:, :5].tolist(), "sums": signals.astype(np.int64).sum(axis=1).tolist(),
            "mv_max": (signals.max(axis=1) / gain).tolist(), "length": signals.shape[1]}


out = {"ptbxl": {}, "cinc": {}}
for rel, n in [("records100/00000/00001_lr", 1000), ("records100/00000/00500_lr", 1000),
               ("records500/00000/00001_hr", 5000)]:
    raw = np.fromfile(ptb / (rel + ".dat"), dtype="<i2").reshape(n, 12).T  # frame-interleaved 12 leads
    out["ptbxl"][rel] = summary(raw, 1000.0)
for name in ["A00001", "A00013", "A08528"]:
    if (cinc / (name + ".mat")).exists():
        out["cinc"][name] = summary(np.fromfile(cinc / (name + ".mat"), dtype="<i2", offset=24)[None, :], 1000.0)
mismatch = []
for hea in sorted(cinc.glob("*.hea")):
    init = int(hea.read_text().splitlines()[1].split()[5])
    first = int(np.fromfile(hea.with_suffix(".mat"), dtype="<i2", count=1, offset=24)[0])
    if init != first:
        mismatch.append(hea.stem)
out["cinc_initial_value_mismatch"] = mismatch
by_hash = {}
for mat in sorted(cinc.glob("*.mat")):
    by_hash.setdefault(hashlib.sha256(mat.read_bytes()).hexdigest(), []).append(mat.stem)
out["cinc_identical_groups"] = sorted(g for g in by_hash.values() if len(g) > 1)
target = repo / "src" / "test" / "resources" / "fixtures" / "wfdb" / "real.json"
target.write_text(json.dumps(out))
print("wrote", target, len(mismatch), "initial-value mismatches;", out["cinc_identical_groups"])
