"""numpy peer of DataBench read: every row of a memory-mapped .npy copied into a float32 array, best of N passes."""
import sys
import time

import numpy as np

path, order, repeats = sys.argv[1], sys.argv[2], int(sys.argv[3])
a = np.load(path, mmap_mode="r")
rows = a.shape[0]
visit = np.arange(rows)
if order == "random":
    np.random.default_rng(7).shuffle(visit)
best, checksum = float("inf"), 0.0
for _ in range(repeats):
    start = time.perf_counter()
    for r in visit:
        row = np.array(a[r], dtype=np.float32)  # a copy, as the Java side copies into a float[]
        checksum += float(row.flat[0])
    best = min(best, time.perf_counter() - start)
print(f"numpy {order} {a[0].nbytes * rows / 1e6 / best:.1f} MB/s (checksum {checksum:.3f})")
