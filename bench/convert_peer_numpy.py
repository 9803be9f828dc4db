"""Python peer of the kit's CinC 2017 conversion, with numpy: read every record (MATLAB v4 .mat, int16 after a
24-byte header), cut the same windows (30 s every 15 s, last one end-aligned, short records zero-padded), and write
signals.npy (int16), labels.npy and metadata.csv. Prints "numpy cinc2017: <windows> windows in <s> s".

Usage: /usr/bin/python3 bench/convert_peer_numpy.py CINC_FOLDER OUTPUT
"""
import csv
import pathlib
import sys
import time

import numpy as np

start = time.perf_counter()
root, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
out.mkdir(parents=True, exist_ok=True)
window, stride = 9000, 4500
classes = ["N", "A", "O", "~"]
rows, labels, meta = [], [], []
for rec, label in csv.reader(open(root / "REFERENCE-v3.csv", newline="")):
    x = np.fromfile(root / (rec + ".mat"), dtype="<i2", offset=24)
    if len(x) <= window:
        starts = [0]
    else:
        starts = list(range(0, len(x) - window + 1, stride))
        if starts[-1] + window < len(x):
            starts.append(len(x) - window)
    for w, s in enumerate(starts):
        piece = np.zeros(window, dtype=np.int16)
        chunk = x[s:s + window]
        piece[:len(chunk)] = chunk
        rows.append(piece)
        labels.append(classes.index(label))
        meta.append((f"{rec}_{w}", rec, s))
np.save(out / "signals.npy", np.stack(rows)[:, None, :])
np.save(out / "labels.npy", np.array(labels, dtype=np.int32))
with open(out / "metadata.csv", "w", newline="") as f:
    writer = csv.writer(f)
    writer.writerow(["id", "record_id", "start"])
    writer.writerows(meta)
print(f"numpy cinc2017: {len(rows)} windows in {time.perf_counter() - start:.2f} s")
