"""matplotlib peer for bench/plot_render.sh: the same 12-lead spectrogram grids, drawn and saved as PNG.

Like PlotBenchmark: 3 x 4 panels, viridis, nearest-cell shading, one shared colour bar, ticks and labels;
cold = first figure in this process, warm = median of 15 repetitions (draw + PNG encode into memory).
"""
import io
import time

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

rng = np.random.default_rng(0)


def grid(values, freqs, times):
    fig, axes = plt.subplots(3, 4, figsize=(12.5, 4.7), dpi=100, sharex=True, sharey=True)
    vmax = values.max()
    vmin = vmax - 80
    for lead in range(12):
        ax = axes[lead % 3, lead // 3]
        mesh = ax.pcolormesh(times, freqs, values[lead], shading="nearest", cmap="viridis", vmin=vmin, vmax=vmax)
        ax.set_title(f"lead {lead + 1}", fontsize=9)
    fig.colorbar(mesh, ax=axes, label="power (dB)")
    fig.supxlabel("time (s)")
    fig.supylabel("frequency (Hz)")
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    plt.close(fig)


def bench(freq_bins, frames, fs):
    values = (-60 + 10 * rng.standard_normal((12, freq_bins, frames))).astype(np.float32)
    freqs = np.linspace(0, fs / 2, freq_bins)
    times = (np.arange(frames) + 1) * (10 / (frames + 1))
    start = time.perf_counter()
    grid(values, freqs, times)
    cold = (time.perf_counter() - start) * 1000
    warm = []
    for _ in range(15):
        start = time.perf_counter()
        grid(values, freqs, times)
        warm.append((time.perf_counter() - start) * 1000)
    name = f"spectrogram grid 12 x {freq_bins} x {frames}"
    print(f"{name:<44} {cold:10.1f} {'-':>10} {np.median(warm):12.1f}")


print(f"{'figure (matplotlib ' + matplotlib.__version__ + ', Agg)':<44} {'cold ms':>10} {'warm ms':>10} {'warm+png ms':>12}")
bench(129, 38, 500)
bench(33, 30, 100)
