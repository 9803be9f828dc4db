"""Reference values for org.ecgkit.signal, computed with Debian's scipy/numpy/sklearn.

Run with Debian's interpreter (the pyenv python3 on PATH lacks these packages):

    /usr/bin/python3 src/test/python/signal_fixtures.py

It writes small .npy files and cases.json under src/test/resources/fixtures/signal/. The inputs are real ECG
(scipy.misc.electrocardiogram, MIT-BIH record 208 at 360 Hz) resampled to 500 and 100 Hz, with mains hum and baseline
drift added so the filters have something to remove. Inputs are stored as float32, as ecgkit stores signals; every
reference is computed in float64 from those float32 values.
"""
import json
import os
import warnings

import numpy as np
import scipy
from scipy import signal
from sklearn.preprocessing import StandardScaler

from scipy.misc import electrocardiogram

warnings.filterwarnings("ignore", message=".*electrocardiogram has been deprecated", category=DeprecationWarning)

OUT = os.path.join(os.path.dirname(__file__), "..", "resources", "fixtures", "signal")
os.makedirs(OUT, exist_ok=True)
cases = {"scipy": scipy.__version__, "numpy": np.__version__, "filters": [], "resample": [], "spectrogram": [],
         "fft_features": [], "standardizer": []}


def save(name, array):
    np.save(os.path.join(OUT, name), np.ascontiguousarray(array))  # C order: the Java side reads row-major
    return name


def make_input(rate, leads):
    ecg = electrocardiogram()
    rng = np.random.default_rng(2017)
    rows = []
    for lead in range(leads):
        segment = ecg[3600 * (lead + 2): 3600 * (lead + 3)]  # 10 s at 360 Hz
        x = signal.resample_poly(segment, rate, 360)
        t = np.arange(x.size) / rate
        x = x + 0.3 * np.sin(2 * np.pi * 0.2 * t + lead)  # baseline wander
        if rate / 2 > 50:
            x = x + 0.05 * np.sin(2 * np.pi * 50 * t)  # mains hum
        x = x + 0.01 * rng.standard_normal(x.size)
        rows.append(x)
    return np.asarray(rows, dtype=np.float32)


inputs = {500: make_input(500, 1), 100: make_input(100, 2)}
for rate, x in inputs.items():
    save(f"input_{rate}hz.npy", x)


def input_name(rate):
    return f"input_{rate}hz.npy"


# --- zero-phase filters: butter(..., output='sos') + sosfiltfilt; iirnotch + filtfilt -------------------------------
def butter_case(name, rate, order, band, btype):
    x = inputs[rate].astype(np.float64)
    sos = signal.butter(order, band, btype=btype, fs=rate, output="sos")
    y = signal.sosfiltfilt(sos, x, axis=-1)
    cases["filters"].append({"name": name, "kind": "butter", "btype": btype, "order": order,
                             "band": list(np.atleast_1d(band).astype(float)), "rate": rate,
                             "input": input_name(rate), "sos": sos.tolist(),
                             "output": save(f"filter_{name}.npy", y)})


def notch_case(name, rate, freq, q):
    x = inputs[rate].astype(np.float64)
    b, a = signal.iirnotch(freq, q, fs=rate)
    y = signal.filtfilt(b, a, x, axis=-1)
    cases["filters"].append({"name": name, "kind": "notch", "freq": freq, "q": q, "rate": rate,
                             "input": input_name(rate), "sos": [list(b) + list(a)],
                             "output": save(f"filter_{name}.npy", y)})


butter_case("bandpass_default_500", 500, 4, [0.5, 40], "bandpass")
butter_case("highpass_baseline_500", 500, 2, 0.5, "highpass")
butter_case("lowpass_odd_500", 500, 5, 40, "lowpass")
butter_case("bandpass_default_100", 100, 4, [0.5, 40], "bandpass")
butter_case("highpass_odd_100", 100, 3, 0.7, "highpass")
butter_case("bandpass_order3_100", 100, 3, [5, 15], "bandpass")
notch_case("notch50_500", 500, 50.0, 30.0)
notch_case("notch30_100", 100, 30.0, 10.0)

# forward-only pass (sosfilt from rest) for the section arithmetic on its own
sos = signal.butter(4, [0.5, 40], btype="bandpass", fs=100, output="sos")
cases["sosfilt"] = {"sos": sos.tolist(), "input": input_name(100),
                    "output": save("sosfilt_bandpass_100.npy",
                                   signal.sosfilt(sos, inputs[100].astype(np.float64), axis=-1))}


# --- resample_poly with its default Kaiser(5.0) anti-aliasing FIR --------------------------------------------------
def resample_case(source_rate, target_rate):
    x = inputs[source_rate].astype(np.float64)
    g = np.gcd(source_rate, target_rate)
    y = signal.resample_poly(x, target_rate // g, source_rate // g, axis=-1)
    cases["resample"].append({"from": source_rate, "to": target_rate, "input": input_name(source_rate),
                              "output": save(f"resample_{source_rate}_to_{target_rate}.npy", y)})


for source, target in [(500, 100), (500, 360), (100, 500), (100, 128)]:
    resample_case(source, target)


# --- spectrogram -------------------------------------------------------------------------------------------------
def spectrogram_case(name, rate, decibels=False, **options):
    x = inputs[rate].astype(np.float64)
    f, t, sxx = signal.spectrogram(x, fs=rate, axis=-1, **options)
    if decibels:
        sxx = 10 * np.log10(np.maximum(sxx, 1e-12))  # ecgkit's documented floor: -120 dB
    window = options.get("window", ("tukey", 0.25))
    cases["spectrogram"].append({
        "name": name, "rate": rate, "input": input_name(rate),
        "window": window if isinstance(window, str) else list(window),
        "nperseg": options.get("nperseg"), "noverlap": options.get("noverlap"), "nfft": options.get("nfft"),
        "detrend": options.get("detrend", "constant") or "none", "scaling": options.get("scaling", "density"),
        "decibels": decibels, "frequencies": f.tolist(), "times": t.tolist(),
        "output": save(f"spectrogram_{name}.npy", sxx.astype(np.float32))})  # float32, as ecgkit returns


spectrogram_case("defaults_500", 500)
spectrogram_case("defaults_100", 100)
spectrogram_case("hann_128_64_db", 500, decibels=True, window="hann", nperseg=128, noverlap=64)
spectrogram_case("hamming_linear_spectrum", 500, window="hamming", nperseg=100, noverlap=50, nfft=128,
                 detrend="linear", scaling="spectrum")
spectrogram_case("boxcar_nodetrend", 100, window="boxcar", nperseg=64, noverlap=0, detrend=False,
                 scaling="spectrum")
spectrogram_case("tukey_odd_nfft", 100, window=("tukey", 0.5), nperseg=75, noverlap=25)
spectrogram_case("kaiser_density_db", 500, decibels=True, window=("kaiser", 8.0), nperseg=200, noverlap=100)


# --- FFT magnitude features: ecgkit's definition, written out in numpy ----------------------------------------------
def fft_features(x, rate, bins, max_hz):
    """Mean one-sided amplitude spectrum (|rfft|·2/n of the mean-removed lead) in equal bins over [0, max_hz),
    then log10(floor + mean) with floor 1e-6."""
    n = x.shape[-1]
    amplitude = np.abs(np.fft.rfft(x - x.mean(axis=-1, keepdims=True), axis=-1)) * 2 / n
    freqs = np.fft.rfftfreq(n, 1 / rate)
    edges = np.arange(bins + 1) * (max_hz / bins)
    out = np.empty(x.shape[:-1] + (bins,))
    for b in range(bins):
        inside = (freqs >= edges[b]) & (freqs < edges[b + 1])
        out[..., b] = amplitude[..., inside].mean(axis=-1)
    return np.log10(1e-6 + out)


for rate, bins, max_hz in [(500, 50, 50.0), (100, 20, 40.0)]:
    x = inputs[rate].astype(np.float64)
    cases["fft_features"].append({"rate": rate, "bins": bins, "max_hz": max_hz, "input": input_name(rate),
                                  "output": save(f"fft_features_{rate}.npy", fft_features(x, rate, bins, max_hz))})

# --- per-lead standardisation: sklearn StandardScaler on (records·samples, leads) -----------------------------------
rng = np.random.default_rng(5)
records = rng.normal(loc=[[0.3], [-1.0], [2.0]], scale=[[0.5], [2.0], [1.0]], size=(6, 3, 40)).astype(np.float32)
records[:, 2, :] = 1.5  # a flat lead: zero variance in training
train = [0, 2, 3, 5]
scaler = StandardScaler().fit(records[train].transpose(0, 2, 1).reshape(-1, 3).astype(np.float64))
transformed = scaler.transform(records.transpose(0, 2, 1).reshape(-1, 3).astype(np.float64))
cases["standardizer"].append({"input": save("standardizer_records.npy", records), "train": train,
                              "mean": scaler.mean_.tolist(), "scale": scaler.scale_.tolist(),
                              "output": save("standardizer_output.npy",
                                             transformed.reshape(6, 40, 3).transpose(0, 2, 1))})

with open(os.path.join(OUT, "cases.json"), "w") as f:
    json.dump(cases, f, indent=1)
total = sum(os.path.getsize(os.path.join(OUT, name)) for name in os.listdir(OUT))
print(f"wrote {len(os.listdir(OUT))} files, {total / 1024:.0f} KiB, to {os.path.normpath(OUT)}")
