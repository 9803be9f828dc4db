"""Checks a CinC 2017 dataset converted by the kit against the raw files, with numpy alone: every window in
signals.npy must equal the int16 samples of its record (MATLAB v4 file, 24-byte header) from its start, zero-padded
to the window length; labels.npy must hold the record's REFERENCE-v3.csv class (N, A, O, ~ = 0..3). Prints "ok <rows>".

Usage: /usr/bin/python3 cinc_converted_check.py <dataset folder> <cinc folder holding REFERENCE-v3.csv>
"""
import csv
import pathlib
import sys

import numpy as np

dataset, root = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
signals = np.load(dataset / "signals.npy", mmap_mode="r")
labels = np.load(dataset / "labels.npy")
rows = list(csv.DictReader(open(dataset / "metadata.csv", newline="")))
reference = dict(csv.reader(open(root / "REFERENCE-v3.csv", newline="")))
classes = ["N", "A", "O", "~"]
assert signals.dtype == np.int16 and signals.shape[1] == 1, (signals.dtype, signals.shape)
width = signals.shape[2]
raw = {}
for i, row in enumerate(rows):
    rec = row["record_id"]
    if rec not in raw:
        raw[rec] = np.fromfile(root / (rec + ".mat"), dtype="<i2", offset=24)
    start = int(float(row["start"]))
    expected = np.zeros(width, dtype=np.int16)
    piece = raw[rec][start:start + width]
    expected[:len(piece)] = piece
    assert np.array_equal(signals[i, 0], expected), f"row {i} ({row['id']}) differs"
    assert labels[i] == classes.index(reference[rec]), f"row {i} label {labels[i]} but {rec} is {reference[rec]}"
assert set(raw) == set(reference), "not every record was converted"
print("ok", len(rows))
