"""Reference values for the org.ecgkit.plot tests, from matplotlib, numpy and scipy.

Run with Debian's interpreter:  /usr/bin/python3 src/test/python/plot_fixtures.py
Writes small CSV files under src/test/resources/fixtures/plot/.
"""
import os

import numpy as np
from matplotlib import colormaps
from scipy import signal

OUT = os.path.join(os.path.dirname(__file__), "..", "resources", "fixtures", "plot")
os.makedirs(OUT, exist_ok=True)
rng = np.random.default_rng(20170)


def save(name, array, header):
    np.savetxt(os.path.join(OUT, name), array, delimiter=",", header=header, comments="", fmt="%.9g")


# matplotlib's viridis as 8-bit RGB, the way matplotlib itself quantises it (cmap(i, bytes=True)).
viridis = colormaps["viridis"](np.arange(256), bytes=True)[:, :3]
save("viridis.csv", viridis, "r,g,b")

# A test waveform: 4 s at 250 Hz, 1 mV at 5 Hz + 0.3 mV at 17 Hz + 0.5 mV offset + a little noise.
fs = 250.0
t = np.arange(1000) / fs
x = (0.5 + np.sin(2 * np.pi * 5 * t) + 0.3 * np.sin(2 * np.pi * 17 * t)
     + 0.01 * rng.standard_normal(t.size)).astype(np.float32)
save("waveform.csv", x, "mV")

# One-sided amplitude spectrum of the mean-removed signal: 2|X_k|/N (|X_0|/N and |X_N/2|/N unchanged).
xd = x.astype(np.float64) - x.mean(dtype=np.float64)
amplitude = np.abs(np.fft.rfft(xd)) / xd.size
amplitude[1:-1] *= 2
save("fft_amplitude.csv", np.column_stack([np.fft.rfftfreq(xd.size, 1 / fs), amplitude]), "hz,mV")

# Power spectrogram: Hann window, 128 samples, half overlap, no detrending, one-sided PSD.
f, tt, sxx = signal.spectrogram(x.astype(np.float64), fs=fs, window="hann", nperseg=128, noverlap=64,
                                detrend=False, scaling="density", mode="psd")
save("spectrogram_frequencies.csv", f, "hz")
save("spectrogram_times.csv", tt, "s")
save("spectrogram_psd.csv", sxx, "psd rows=frequency columns=frame")

# Histogram with 40 equal bins over [min, max] (numpy's convention: the last bin includes max).
samples = (0.2 * rng.standard_normal(2000)).astype(np.float32)
counts, edges = np.histogram(samples, bins=40, range=(float(samples.min()), float(samples.max())))
save("histogram_samples.csv", samples, "mV")
save("histogram_counts.csv", np.column_stack([edges[:-1], counts]), "left_edge,count")
