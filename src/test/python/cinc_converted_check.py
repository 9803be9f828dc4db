"""Checks a CinC 2017 dataset converted by the kit against the raw files, with numpy (and scipy) alone: every window in
signals.npy must equal the int16 samples of its record (MATLAB v4 file, 24-byte header) from its start, zero-padded
to the window length; labels.npy must hold the record's REFERENCE-v3.csv class (N, A, O, ~ = 0..3). With --rate, the
record is first resampled by scipy.signal.resample_poly from 300 Hz in millivolts and the window compared as float32
mV. Prints "ok <rows>".

Usage: /usr/bin/python3 cinc_converted_check.py <dataset folder> <cinc folder holding REFERENCE-v3.csv>
       [--rate HZ] [--records N (default: every record in REFERENCE-v3.csv)]
"""
import argparse
import csv
import fractions
import pathlib

import numpy as np

parser = argparse.ArgumentParser()
parser.add_argument("dataset", type=pathlib.Path)
parser.add_argument("root", type=pathlib.Path)
parser.add_argument("--rate", type=float)
parser.add_argument("--records", type=int)
args = parser.parse_args()

signals = np.load(args.dataset / "signals.npy", mmap_mode="r")
labels = np.load(args.dataset / "labels.npy")
rows = list(csv.DictReader(open(args.dataset / "metadata.csv", newline="")))
reference = dict(csv.reader(open(args.root / "REFERENCE-v3.csv", newline="")))
classes = ["N", "A", "O", "~"]
assert signals.shape[1] == 1, signals.shape
assert signals.dtype == (np.float32 if args.rate else np.int16), signals.dtype
width = signals.shape[2]
raw = {}
for i, row in enumerate(rows):
    rec = row["record_id"]
    if rec not in raw:
        counts = np.fromfile(args.root / (rec + ".mat"), dtype="<i2", offset=24)
        if args.rate:
            from scipy.signal import resample_poly
            ratio = fractions.Fraction(args.rate / 300).limit_denominator(1000)
            raw[rec] = resample_poly(counts / 1000.0, ratio.numerator, ratio.denominator)
        else:
            raw[rec] = counts
    start = int(float(row["start"]))
    expected = np.zeros(width, dtype=signals.dtype)
    piece = raw[rec][start:start + width]
    expected[:len(piece)] = piece
    if args.rate:
        assert np.allclose(signals[i, 0], expected, rtol=0, atol=1e-5), \
            f"row {i} ({row['id']}) differs by {np.abs(signals[i, 0] - expected).max()} mV"
    else:
        assert np.array_equal(signals[i, 0], expected), f"row {i} ({row['id']}) differs"
    assert labels[i] == classes.index(reference[rec]), f"row {i} label {labels[i]} but {rec} is {reference[rec]}"
assert set(raw) <= set(reference), "records that REFERENCE-v3.csv does not list"
assert len(raw) == (args.records or len(reference)), f"{len(raw)} records converted"
print("ok", len(rows))
