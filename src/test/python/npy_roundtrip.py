"""numpy side of the NPY round-trip test.

write DIR: writes one file per dtype with known values (and a big-endian and a Fortran-order file).
check DIR: reads the files the Java side wrote back and prints OK name for each file equal to the original.
"""
import sys
from pathlib import Path

import numpy as np

DTYPES = ["float32", "float64", "int8", "uint8", "int16", "int32", "int64", "bool"]


def values(dtype):
    rng = np.random.default_rng(42)
    shape = (5, 3, 7)
    if dtype == "bool":
        return rng.integers(0, 2, size=shape).astype(bool)
    if dtype.startswith("float"):
        a = rng.normal(size=shape).astype(dtype) * 1000
        a[0, 0, :3] = [0.0, -0.0, np.finfo(dtype).tiny]
        return a
    info = np.iinfo(dtype)
    # int64 is read as double: exact up to 2^53
    lo, hi = (-2**53, 2**53) if dtype == "int64" else (info.min, info.max)
    a = rng.integers(lo, hi, size=shape, endpoint=True).astype(dtype)
    a.flat[0], a.flat[1] = lo, hi
    return a


def main():
    mode, directory = sys.argv[1], Path(sys.argv[2])
    if mode == "write":
        for d in DTYPES:
            np.save(directory / f"{d}.npy", values(d))
        np.save(directory / "big_endian.npy", values("float32").astype(">f4"))
        np.save(directory / "fortran.npy", np.asfortranarray(values("float32")))
        np.save(directory / "vector.npy", np.arange(11, dtype=np.int64))
        np.save(directory / "complex.npy", np.zeros(3, dtype=np.complex64))
    else:
        for d in DTYPES:
            back = np.load(directory / f"java_{d}.npy")
            original = values(d)
            same = back.dtype == original.dtype and back.shape == original.shape and np.array_equal(back, original)
            print(("OK " if same else "DIFFERENT ") + d)


main()
