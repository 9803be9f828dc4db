"""Writes small WFDB records and an MIT annotation file, encoded with numpy straight from the WFDB specification
(signal(5), header(5), annot(5)), plus expected.json with the digital samples, mV values and checksums.

The Java reader must decode these byte for byte, and the Java writer must reproduce the signal files exactly.
Run: /usr/bin/python3 src/test/python/wfdb_fixtures.py
"""
import json
import pathlib

import numpy as np

OUT = pathlib.Path(__file__).resolve().parents[1] / "resources" / "fixtures" / "wfdb"
rng = np.random.default_rng(20170101)


def interleave(signals):
    return np.stack(signals, axis=1).reshape(-1)  # frame by frame: s0[0], s1[0], s0[1], ...


def enc16(flat):
    return flat.astype("<i2").tobytes()


def enc80(flat):
    return (flat + 128).astype(np.uint8).tobytes()


def enc212(flat):
    u = (flat.astype(np.int64) & 0xFFF).astype(np.uint16)
    odd = len(u) % 2 == 1
    if odd:
        u = np.append(u, 0)
    out = np.zeros(len(u) // 2 * 3, dtype=np.uint8)
    out[0::3] = u[0::2] & 0xFF
    out[1::3] = ((u[0::2] >> 8) & 0x0F) | (((u[1::2] >> 8) & 0x0F) << 4)
    out[2::3] = u[1::2] & 0xFF
    if odd:
        out = out[:-1]  # the odd last sample is a byte pair
    return out.tobytes()


def checksum(signal):
    return int(((int(signal.astype(np.int64).sum()) + 32768) & 0xFFFF) - 32768)


def write_record(name, fmt, signals, names, fs, gain, baseline, units, encoder, ext=".dat", prefix=b"", offset=0):
    flat = interleave(signals)
    data = prefix + encoder(flat)
    (OUT / (name + ext)).write_bytes(data)
    fmt_field = str(fmt) + (f"+{offset}" if offset else "")
    adcres = {16: 16, 212: 12, 80: 8}[fmt]
    lines = [f"# fixture {name}: written by src/test/python/wfdb_fixtures.py",
             f"{name} {len(signals)} {fs} {len(signals[0])}"]
    for s, sig in enumerate(signals):
        lines.append(f"{name}{ext} {fmt_field} {gain}({baseline})/{units} {adcres} 0 {int(sig[0])} "
                     f"{checksum(sig)} 0 {names[s]}")
    lines.append("# a comment after the signal lines")
    lines.append("#   and one more")
    (OUT / (name + ".hea")).write_text("\n".join(lines) + "\n")
    scale = {"mV": 1.0, "uV": 1e-3}[units]
    return {
        "format": fmt, "fs": fs, "names": names, "gain": gain, "baseline": baseline, "units": units,
        "digital": [s.astype(int).tolist() for s in signals],
        "millivolts": [((s - baseline) / gain * scale).tolist() for s in signals],
        "checksums": [checksum(s) for s in signals],
        "data_bytes": len(data),
    }


expected = {}
# Format 16: two leads, extremes included (-32768 is WFDB's invalid-sample marker, so it is left out).
a = np.concatenate([[-32767, 32767, 0, -1], rng.integers(-3000, 3000, 9)])
b = np.concatenate([[1, -2, 3, -4], rng.integers(-3000, 3000, 9)])
expected["rec16"] = write_record("rec16", 16, [a, b], ["I", "II"], 500, 1000.0, 0, "mV", enc16)
# Format 212, three signals x 5 samples = 15 samples: odd, so the file ends with a byte pair.
sig212 = [np.array([-2047, 2047, -1, 0, -800]), rng.integers(-2047, 2048, 5), rng.integers(-2047, 2048, 5)]
expected["rec212"] = write_record("rec212", 212, sig212, ["MLII", "V5", "V1"], 360, 200.0, 12, "mV", enc212)
# Format 212, one signal, 7 samples (odd) in microvolts.
expected["rec212odd"] = write_record("rec212odd", 212, [np.array([-5, 6, -7, 8, -2047, 1000, -1])], ["ECG"],
                                     250, 2.5, -3, "uV", enc212)
# Format 80, two signals.
expected["rec80"] = write_record("rec80", 80, [np.array([-127, 127, 0, -1, 64, -64]),
                                               np.array([5, -5, 100, -100, 1, 2])], ["A", "B"], 128, 50.0, 1,
                                 "mV", enc80)
# "16+24": CinC 2017's MATLAB v4 layout, 1 signal x 9 samples.
mat_sig = rng.integers(-1200, 1200, 9)
mat_header = np.array([30, 1, len(mat_sig), 0, 4], dtype="<i4").tobytes() + b"val\x00"
expected["A99999"] = write_record("A99999", 16, [mat_sig], ["ECG"], 300, 1000, 0, "mV", enc16, ext=".mat",
                                  prefix=mat_header, offset=24)

# MIT annotation file: N, V (subtype 2, chan 1), a gap over 1023 samples (SKIP), a rhythm change with aux "(AFIB"
# (odd length: padded), num changes, then the zero word.
anns = [(18, 1, 0, 0, 0, ""), (370, 1, 0, 0, 0, ""), (662, 5, 2, 1, 0, ""), (5000, 28, 0, 1, 0, "(AFIB"),
        (5300, 1, 0, 0, 3, ""), (70000, 1, 0, 0, 3, ""), (70010, 14, 0, 0, 3, "noise here")]
words = bytearray()


def word(code, field):
    words.extend(int((code << 10) | field).to_bytes(2, "little"))


t, chan, num = 0, 0, 0
for sample, code, sub, ch, nm, aux in anns:
    d = sample - t
    if d > 1023:
        word(59, 0)
        words.extend(int(d >> 16).to_bytes(2, "little"))
        words.extend(int(d & 0xFFFF).to_bytes(2, "little"))
        d = 0
    word(code, d)
    t = sample
    if sub:
        word(61, sub)
    if ch != chan:
        word(62, ch)
        chan = ch
    if nm != num:
        word(60, nm)
        num = nm
    if aux:
        raw = aux.encode("latin-1")
        word(63, len(raw))
        words.extend(raw + (b"\x00" if len(raw) % 2 else b""))
word(0, 0)
(OUT / "rec16.atr").write_bytes(bytes(words))
expected["annotations"] = [dict(sample=s, code=c, subtype=u, channel=h, number=n, aux=x)
                           for s, c, u, h, n, x in anns]
expected["annotation_symbols"] = ["N", "N", "V", "+", "N", "N", "~"]

(OUT / "expected.json").write_text(json.dumps(expected, indent=1))
print("wrote", sorted(p.name for p in OUT.iterdir()))
