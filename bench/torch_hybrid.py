#!/usr/bin/python3
"""PyTorch twin of ecgkit's HybridModel (org.ecgkit.model.HybridModel defaults), for benchmarks and fixtures.

Prints one JSON line: median train and inference milliseconds per batch over random data; with --serve, times
single steps on request (TrainBench runs it so). Run with Debian's interpreter:
    /usr/bin/python3 bench/torch_hybrid.py --model hybrid --threads 2
"""
import argparse
import json
import statistics
import sys
import time

import torch
from torch import nn


class HybridNet(nn.Module):
    """Branches as in HybridModel: waveform Conv1D+BN+ReLU+MaxPool blocks -> BiLSTM -> mean over time;
    spectrogram Conv2D(+ReLU) blocks with 2x2 max-pool between -> mean; dense FFT and metadata branches;
    concat -> dense+ReLU -> dropout -> output. 'Same' padding everywhere, as the DL4J graph uses."""

    def __init__(self, leads=12, spectrogram=(12, 33, 30), fft=0, metadata=8, classes=5,
                 conv=((32, 7), (64, 5), (64, 5)), lstm_units=64, spec_filters=(16, 32),
                 fft_units=32, metadata_units=16, head=64, dropout=0.3, waveform=True):
        super().__init__()
        width = 0
        self.waveform = None
        if waveform:
            layers, channels = [], leads
            for filters, kernel in conv:
                layers += [nn.Conv1d(channels, filters, kernel, padding=kernel // 2), nn.BatchNorm1d(filters),
                           nn.ReLU(), nn.MaxPool1d(2)]
                channels = filters
            self.waveform = nn.Sequential(*layers)
            self.lstm = nn.LSTM(channels, lstm_units, batch_first=True, bidirectional=True) if lstm_units else None
            width += 2 * lstm_units if lstm_units else channels
        self.spectrogram = None
        if spectrogram:
            layers, channels = [], spectrogram[0]
            for i, filters in enumerate(spec_filters):
                layers += [nn.Conv2d(channels, filters, 3, padding=1), nn.ReLU()]
                if i < len(spec_filters) - 1:
                    layers.append(nn.MaxPool2d(2))
                channels = filters
            self.spectrogram = nn.Sequential(*layers)
            width += channels
        self.fft = nn.Sequential(nn.Linear(fft, fft_units), nn.ReLU()) if fft else None
        width += fft_units if fft else 0
        self.metadata = nn.Sequential(nn.Linear(metadata, metadata_units), nn.ReLU()) if metadata else None
        width += metadata_units if metadata else 0
        self.head = nn.Sequential(nn.Linear(width, head), nn.ReLU(), nn.Dropout(dropout), nn.Linear(head, classes))

    def forward(self, inputs):
        """inputs: list in graph order (waveform, spectrogram, fft, metadata), absent ones left out."""
        inputs = list(inputs)
        parts = []
        if self.waveform is not None:
            x = self.waveform(inputs.pop(0))                # [B, C, T]
            if self.lstm is not None:
                x, _ = self.lstm(x.transpose(1, 2))         # [B, T, 2H]
                parts.append(x.mean(dim=1))
            else:
                parts.append(x.mean(dim=2))
        if self.spectrogram is not None:
            parts.append(self.spectrogram(inputs.pop(0)).mean(dim=(2, 3)))
        if self.fft is not None:
            parts.append(self.fft(inputs.pop(0)))
        if self.metadata is not None:
            parts.append(self.metadata(inputs.pop(0)))
        return self.head(torch.cat(parts, dim=1))


def build(model):
    """The two benchmark models, shapes of the DL4J baseline note."""
    if model == "hybrid":
        return HybridNet(), [(12, 1000), (12, 33, 30), (8,)]
    if model == "cnn1d":
        return HybridNet(spectrogram=None, metadata=0, lstm_units=0), [(12, 1000)]
    raise ValueError(model)


def median_ms(step, warmup, iterations):
    for _ in range(warmup):
        step()
    times = []
    for _ in range(iterations):
        start = time.perf_counter()
        step()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def serve(train_step, infer_step):
    """Lock-step mode for TrainBench: one step per line on stdin ("train" or "infer"); prints its wall-clock and its
    process CPU milliseconds, so both frameworks run alternately under the same machine load."""
    print("ready", flush=True)
    for command in sys.stdin:
        step = {"train": train_step, "infer": infer_step}.get(command.strip())
        if step is None:
            break
        wall, cpu = time.perf_counter(), time.process_time()
        step()
        print((time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000, flush=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", default="hybrid", choices=["hybrid", "cnn1d"])
    parser.add_argument("--batch", type=int, default=64)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--iterations", type=int, default=30)
    parser.add_argument("--serve", action="store_true", help="time single steps on request, see serve()")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    net, shapes = build(args.model)
    inputs = [torch.randn(args.batch, *shape) for shape in shapes]
    labels = torch.randint(0, 5, (args.batch,))
    optimiser = torch.optim.Adam(net.parameters(), lr=1e-3)
    loss_fn = nn.CrossEntropyLoss()

    def train_step():
        optimiser.zero_grad()
        loss_fn(net(inputs), labels).backward()
        optimiser.step()

    def infer_step():
        net.eval()
        with torch.no_grad():
            net(inputs)
        net.train()

    if args.serve:
        serve(train_step, infer_step)
        return
    train = median_ms(train_step, args.warmup, args.iterations)
    infer = median_ms(infer_step, args.warmup, args.iterations)
    print(json.dumps({"framework": "pytorch " + torch.__version__, "model": args.model, "batch": args.batch,
                      "threads": torch.get_num_threads(), "train_ms": train, "infer_ms": infer,
                      "parameters": sum(p.numel() for p in net.parameters())}))


if __name__ == "__main__":
    main()
