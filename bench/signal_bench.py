"""scipy's side of bench/signal-bench.sh: the same workloads as org.ecgkit.cli.SignalBench, timed in this process
(one thread) and in a process pool (all cores), then printed beside the Java figures with ratios.

Run it through bench/signal-bench.sh, with Debian's /usr/bin/python3.
"""
import argparse
import json
import multiprocessing
import os
import time

import numpy as np
import scipy
from scipy import signal

LEADS = 12
POOL = 64
WINDOWS = 5  # best of five windows, as SignalBench: the figure least disturbed by other work on a shared machine


def records(rate, dtype):
    rng = np.random.default_rng(42)
    t = np.arange(10 * rate) / rate
    phases = rng.uniform(0, 2 * np.pi, size=(POOL, LEADS, 1))
    x = np.sin(2 * np.pi * 1.2 * t + phases) + 0.1 * rng.standard_normal((POOL, LEADS, t.size))
    return x.astype(dtype)


def workloads(rate):
    sos = signal.butter(4, [0.5, 40], btype="bandpass", fs=rate, output="sos")
    return {
        f"spectrogram {rate} Hz": lambda r: signal.spectrogram(r, fs=rate, axis=-1),
        f"band-pass {rate} Hz": lambda r: signal.sosfiltfilt(sos, r, axis=-1),
    }


_worker = {}


def _init(rate, dtype, name):
    _worker["records"] = records(rate, dtype)
    _worker["work"] = workloads(rate)[name]


def _run_chunk(indices):
    for i in indices:
        _worker["work"](_worker["records"][i])
    return len(indices)


def best_rate(run_all, seconds):
    """Records per second, best of WINDOWS windows; run_all processes the pool once and returns the count."""
    best = 0
    for _ in range(WINDOWS):
        done, start = 0, time.perf_counter()
        while time.perf_counter() - start < seconds / WINDOWS:
            done += run_all()
        best = max(best, done / (time.perf_counter() - start))
    return best


def single(rate, dtype, name, seconds):
    data = records(rate, dtype)
    work = workloads(rate)[name]
    for r in data[:8]:
        work(r)

    def run_all():
        for r in data:
            work(r)
        return len(data)
    return best_rate(run_all, seconds)


def parallel(rate, dtype, name, seconds, cores):
    chunks = [list(range(k, POOL, cores)) for k in range(cores)]
    with multiprocessing.Pool(cores, initializer=_init, initargs=(rate, dtype, name)) as pool:
        pool.map(_run_chunk, chunks)  # warm-up, and every worker has built its records
        return best_rate(lambda: sum(pool.map(_run_chunk, chunks)), seconds)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--java", required=True, help="JSON written by SignalBench --out")
    parser.add_argument("--seconds", type=float, default=3)
    args = parser.parse_args()
    with open(args.java) as f:
        java = json.load(f)
    cores = java["cores"]
    java_rate = {(r["workload"], r["threads"]): r["records_per_second"] for r in java["results"]}
    print(f"\n12-lead 10 s records per second; {cores} cores; Java {java['java']}, scipy {scipy.__version__}, "
          f"numpy {np.__version__}; scipy on float64 input (ecgkit computes in double precision too)")
    print(f"{'workload':<20} {'threads':>7} {'ecgkit':>10} {'scipy':>10} {'ecgkit/scipy':>13}")
    for rate in (100, 500):
        for name in workloads(rate):
            for threads in sorted({1, cores}):
                if threads == 1:
                    theirs = single(rate, np.float64, name, args.seconds)
                else:
                    theirs = parallel(rate, np.float64, name, args.seconds, threads)
                ours = java_rate[(name, threads)]
                print(f"{name:<20} {threads:>7} {ours:>10.0f} {theirs:>10.0f} {ours / theirs:>12.2f}x", flush=True)


if __name__ == "__main__":
    multiprocessing.set_start_method("fork")
    main()
