#!/usr/bin/python3
"""Reference values for the model and train packages, from PyTorch.

Writes src/test/resources/fixtures/train/schedules.json and
src/test/resources/fixtures/model/torch_architecture.json. Run from the repository root:
    /usr/bin/python3 src/test/python/train_fixtures.py
"""
import json
import pathlib
import sys

import torch

ROOT = pathlib.Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "bench"))
from torch_hybrid import HybridNet  # noqa: E402

FIXTURES = ROOT / "src/test/resources/fixtures"


def learning_rates(make_scheduler, epochs, base=0.01):
    """The rate each epoch trains with, stepping the scheduler once per epoch as PyTorch's docs do."""
    optimiser = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=base)
    scheduler = make_scheduler(optimiser)
    rates = []
    for _ in range(epochs):
        rates.append(optimiser.param_groups[0]["lr"])
        optimiser.step()
        scheduler.step()
    return rates


def schedules():
    epochs = 7
    return {
        "base": 0.01,
        "epochs": epochs,
        "step_every_2_factor_0.5": learning_rates(lambda o: torch.optim.lr_scheduler.StepLR(o, 2, 0.5), epochs),
        "exponential_0.9": learning_rates(lambda o: torch.optim.lr_scheduler.ExponentialLR(o, 0.9), epochs),
        # Our cosine reaches its minimum at the last epoch: PyTorch's T_max = epochs - 1.
        "cosine_minimum_0.1": learning_rates(
            lambda o: torch.optim.lr_scheduler.CosineAnnealingLR(o, T_max=epochs - 1, eta_min=0.001), epochs),
    }


def architecture():
    """Parameter counts of the PyTorch twin for the default hybrid, with what DL4J counts differently."""
    rows = {}
    for name, kwargs in {"hybrid_with_fft": {"fft": 20}, "cnn1d": {"spectrogram": None, "metadata": 0, "lstm_units": 0}}.items():
        net = HybridNet(**kwargs)
        batch_norm_buffers = sum(m.running_mean.numel() + m.running_var.numel()
                                 for m in net.modules() if isinstance(m, torch.nn.BatchNorm1d))
        # PyTorch's LSTM has two bias vectors (b_ih, b_hh) per direction, DL4J's one.
        second_lstm_bias = sum(p.numel() for n, p in net.named_parameters() if "lstm" in n and "bias_hh" in n)
        rows[name] = {"parameters": sum(p.numel() for p in net.parameters()),
                      "batch_norm_running_statistics": batch_norm_buffers,
                      "second_lstm_bias": second_lstm_bias}
    return rows


def write(path, content):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(content, indent=1) + "\n")


if __name__ == "__main__":
    write(FIXTURES / "train/schedules.json", schedules())
    write(FIXTURES / "model/torch_architecture.json", architecture())
