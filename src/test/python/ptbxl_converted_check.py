"""Checks a PTB-XL dataset converted by the kit against the raw WFDB files, with numpy alone: every row of
signals.npy must equal the int16 samples of the record named in metadata.csv (frame-interleaved .dat, 12 leads), and
signal_scale must turn them into mV. Prints "ok <rows>".

Usage: /usr/bin/python3 ptbxl_converted_check.py <dataset folder> <ptb-xl folder> <lr|hr>
"""
import csv
import json
import pathlib
import sys

import numpy as np

dataset, root, rate = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]), sys.argv[3]
manifest = json.loads((dataset / "manifest.json").read_text())
signals = np.load(dataset / "signals.npy", mmap_mode="r")
rows = list(csv.DictReader(open(dataset / "metadata.csv", newline="")))
assert signals.dtype == np.int16, signals.dtype
assert abs(manifest["signal_scale"] - 0.001) < 1e-12, manifest["signal_scale"]
assert len(rows) == signals.shape[0], (len(rows), signals.shape)
samples = {"lr": 1000, "hr": 5000}[rate]
for i, row in enumerate(rows):
    ecg_id = int(row["id"])
    raw = np.fromfile(root / f"records{100 if rate == 'lr' else 500}" / f"{ecg_id // 1000 * 1000:05d}"
                      / f"{ecg_id:05d}_{rate}.dat", dtype="<i2").reshape(samples, 12).T
    assert np.array_equal(signals[i], raw), f"row {i} (ecg_id {ecg_id}) differs from the .dat file"
print("ok", len(rows))
