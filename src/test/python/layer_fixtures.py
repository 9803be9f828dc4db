#!/usr/bin/python3
"""Reference outputs and gradients of the kit's own DL4J layers (org.ecgkit.model.layers), from PyTorch.

Each fixture holds small random inputs and parameters in the DL4J layer's layout, the output, and the gradients of
loss = sum(output * upstream) with respect to the input and every parameter. Writes
src/test/resources/fixtures/layers/*.json; run from the repository root:
    /usr/bin/python3 src/test/python/layer_fixtures.py
"""
import json
import pathlib

import torch

FIXTURES = pathlib.Path(__file__).resolve().parents[3] / "src/test/resources/fixtures/layers"


def array(t):
    t = t.detach().double()
    return {"shape": list(t.shape), "data": [round(v, 9) for v in t.flatten().tolist()]}


def bidirectional_lstm(batch=2, inputs=3, units=4, steps=5):
    """DL4J's LSTM keeps gates in column blocks (block input g, forget f, output o, input gate i) of W [nIn, 4H],
    RW [H, 4H] and one bias [4H]; PyTorch's rows are (i, f, g, o) with two biases."""
    torch.manual_seed(1)
    lstm = torch.nn.LSTM(inputs, units, batch_first=True, bidirectional=True).double()
    dl4j_to_torch = [3, 1, 0, 2]  # torch block k comes from DL4J block dl4j_to_torch[k]
    params = {}
    for d, suffix in (("f", ""), ("b", "_reverse")):
        w = torch.randn(inputs, 4 * units, dtype=torch.float64) * 0.5
        rw = torch.randn(units, 4 * units, dtype=torch.float64) * 0.5
        b = torch.randn(4 * units, dtype=torch.float64) * 0.5
        blocks = lambda m: torch.cat([m[..., k * units:(k + 1) * units] for k in dl4j_to_torch], dim=-1)
        with torch.no_grad():
            getattr(lstm, "weight_ih_l0" + suffix).copy_(blocks(w).T)
            getattr(lstm, "weight_hh_l0" + suffix).copy_(blocks(rw).T)
            getattr(lstm, "bias_ih_l0" + suffix).copy_(blocks(b))
            getattr(lstm, "bias_hh_l0" + suffix).zero_()
        params[d] = (w, rw, b, suffix)
    x = torch.randn(batch, inputs, steps, dtype=torch.float64, requires_grad=True)
    out, _ = lstm(x.transpose(1, 2))
    out = out.transpose(1, 2)                       # [B, 2H, T], forward units first
    upstream = torch.randn_like(out)
    (out * upstream).sum().backward()
    torch_to_dl4j = [dl4j_to_torch.index(k) for k in range(4)]
    unblocks = lambda m: torch.cat([m[..., k * units:(k + 1) * units] for k in torch_to_dl4j], dim=-1)
    fixture = {"input": array(x), "upstream": array(upstream), "output": array(out), "grad_input": array(x.grad)}
    for d, (w, rw, b, suffix) in params.items():
        fixture[d + "W"] = array(w)
        fixture[d + "RW"] = array(rw)
        fixture[d + "b"] = array(b)
        fixture["grad_" + d + "W"] = array(unblocks(getattr(lstm, "weight_ih_l0" + suffix).grad.T))
        fixture["grad_" + d + "RW"] = array(unblocks(getattr(lstm, "weight_hh_l0" + suffix).grad.T))
        # The one DL4J bias gets the gradient of either PyTorch bias.
        fixture["grad_" + d + "b"] = array(unblocks(getattr(lstm, "bias_ih_l0" + suffix).grad))
    return fixture


def write(name, content):
    FIXTURES.mkdir(parents=True, exist_ok=True)
    (FIXTURES / (name + ".json")).write_text(json.dumps(content) + "\n")


if __name__ == "__main__":
    write("bidirectional_lstm", bidirectional_lstm())
