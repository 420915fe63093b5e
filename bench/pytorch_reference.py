#!/usr/bin/python3
"""PyTorch peer for `realitycheck bench --vs-pytorch`.

Builds, from a JSON spec, the same GAN networks as gan-core's Networks.java (U-Net + PatchGAN, or MLP
generator with optional linear skip + MLP discriminator) with the same shapes, batch, losses and optimiser,
and times the same training step (one discriminator update + one generator update, non-saturating BCE +
lambda*L1, Adam(2e-4, 0.5, 0.999)) and the generator network's inference on this CPU. The results are keyed
by realitycheck's row names, `<name>.gan.train` and `<name>.gan.infer` (per batch): the network alone,
like the rows of kind `network`; preprocessing such as Richardson-Lucy or the track seed is not part of it.

Install once:  apt-get install -y python3-torch      (Debian's PyTorch 1.13; use /usr/bin/python3, the Debian interpreter it installs into)
Run:           OMP_NUM_THREADS=2 /usr/bin/python3 bench/pytorch_reference.py --json /tmp/torch.json
`realitycheck bench --vs-pytorch` writes the spec (--spec FILE) from the domains' architectures; without
--spec the script runs gan-core's defaults (a 64x64x1 U-Net depth 4 base 16 with a 3-layer PatchGAN, batch 16,
40 steps; and a 65 -> 3x128 -> 5 MLP with 8 noise values and a linear skip against a 2x128 MLP, batch 512, 60 steps).
"""
import argparse
import json
import os
import statistics
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


def filters(base, level):
    return base * min(8, 1 << min(level, 3))


class UNet(nn.Module):
    """Mirror of Networks.unet: 4x4 stride-2 convs + LeakyReLU(0.2), 4x4 stride-2 deconvs + ReLU,
    skip concatenation, inverted dropout in the innermost min(3, depth/2) decoder blocks, tanh."""

    def __init__(self, cin, cout, depth, base, dropout, output="tanh"):
        super().__init__()
        self.output = output
        self.enc = nn.ModuleList()
        ch = cin
        for i in range(depth):
            f = filters(base, i)
            self.enc.append(nn.Conv2d(ch, f, 4, 2, 1))
            ch = f
        self.dec = nn.ModuleList()
        self.depth = depth
        self.drop_blocks = min(3, depth // 2) if dropout > 0 else 0
        self.dropout = dropout
        for j in range(depth - 1):
            level = depth - 2 - j
            f = filters(base, level)
            self.dec.append(nn.ConvTranspose2d(ch, f, 4, 2, 1))
            ch = 2 * f
        self.out = nn.ConvTranspose2d(ch, cout, 4, 2, 1)

    def forward(self, x):
        skips = []
        h = x
        for conv in self.enc:
            h = F.leaky_relu(conv(h), 0.2)
            skips.append(h)
        for j, deconv in enumerate(self.dec):
            level = self.depth - 2 - j
            h = F.relu(deconv(h))
            if j < self.drop_blocks:
                h = F.dropout(h, self.dropout, self.training)
            h = torch.cat([h, skips[level]], 1)
        h = self.out(h)
        return torch.tanh(h) if self.output == "tanh" else h


class PatchGan(nn.Module):
    """Mirror of Networks.discriminator(PatchGanSpec): concat(condition, candidate), `layers`
    4x4 stride-2 convs + LeakyReLU(0.2), then a 4x4 stride-1 'same' conv to one logit per patch."""

    def __init__(self, cin, cout, layers, base):
        super().__init__()
        self.convs = nn.ModuleList()
        ch = cin + cout
        for i in range(layers):
            f = filters(base, i)
            self.convs.append(nn.Conv2d(ch, f, 4, 2, 1))
            ch = f
        self.patch = nn.Conv2d(ch, 1, 4, 1, padding="same")

    def forward(self, c, y):
        h = torch.cat([c, y], 1)
        for conv in self.convs:
            h = F.leaky_relu(conv(h), 0.2)
        return self.patch(h)


class Mlp(nn.Module):
    def __init__(self, n_in, hidden, n_out):
        super().__init__()
        dims = [n_in] + hidden
        self.hidden = nn.ModuleList(nn.Linear(a, b) for a, b in zip(dims[:-1], dims[1:]))
        self.out = nn.Linear(dims[-1], n_out)

    def forward(self, x):
        for l in self.hidden:
            x = F.leaky_relu(l(x), 0.2)
        return self.out(x)


class MlpGenerator(nn.Module):
    """Mirror of Networks' MLP generator: condition (+) noise -> hidden LeakyReLU(0.2) layers -> linear output,
    plus, with a linear skip, a bias-free linear map of the condition alone added to the output."""

    def __init__(self, cond, noise, out, hidden, linear_skip=False):
        super().__init__()
        self.noise = noise
        self.net = Mlp(cond + noise, hidden, out)
        self.skip = nn.Linear(cond, out, bias=False) if linear_skip else None

    def forward(self, c):
        x = c
        if self.noise > 0:
            x = torch.cat([c, torch.randn(c.shape[0], self.noise)], 1)
        y = self.net(x)
        return y + self.skip(c) if self.skip is not None else y


class MlpDiscriminator(nn.Module):
    def __init__(self, cond, out, hidden):
        super().__init__()
        self.net = Mlp(cond + out, hidden, 1)

    def forward(self, c, y):
        return self.net(torch.cat([c, y], 1))


def train_step_factory(g, d, l1):
    og = torch.optim.Adam(g.parameters(), lr=2e-4, betas=(0.5, 0.999))
    od = torch.optim.Adam(d.parameters(), lr=2e-4, betas=(0.5, 0.999))
    bce = nn.BCEWithLogitsLoss()

    def step(c, y):
        fake = g(c)
        od.zero_grad(set_to_none=True)
        lr_ = d(c, y)
        lf = d(c, fake.detach())
        ld = bce(lr_, torch.ones_like(lr_)) + bce(lf, torch.zeros_like(lf))
        ld.backward()
        od.step()
        og.zero_grad(set_to_none=True)
        lf = d(c, fake)
        lg = bce(lf, torch.ones_like(lf)) + l1 * (fake - y).abs().mean()
        lg.backward()
        og.step()

    return step


def timed(fn, warmup, reps, units):
    for _ in range(warmup):
        fn()
    rates = []
    for _ in range(reps):
        t0 = time.perf_counter()
        fn()
        rates.append(units / (time.perf_counter() - t0))
    return {"median": statistics.median(rates), "min": min(rates), "max": max(rates), "reps": reps}


DEFAULT_SPEC = {"networks": [
    {"name": "astro",
     "generator": {"type": "unet", "size": 64, "in": 1, "out": 1, "depth": 4, "base": 16, "dropout": 0.5,
                   "output": "tanh"},
     "discriminator": {"type": "patchgan", "size": 64, "in": 1, "out": 1, "layers": 3, "base": 16},
     "batch": 16, "steps": 40, "l1": 1000.0, "infer_batches": [16, 32, 64, 128]},
    {"name": "hep",
     "generator": {"type": "mlp_generator", "cond": 65, "noise": 8, "out": 5, "hidden": [128, 128, 128],
                   "linear_skip": True},
     "discriminator": {"type": "mlp_discriminator", "cond": 65, "out": 5, "hidden": [128, 128]},
     "batch": 512, "steps": 60, "l1": 1000.0, "infer_batches": [4096, 16384, 65536]}]}


def build(spec):
    """(generator, discriminator, random condition of a batch, random target of a batch) for a spec entry."""
    g, d = spec["generator"], spec["discriminator"]
    if g["type"] == "unet" and d["type"] == "patchgan":
        gen = UNet(g["in"], g["out"], g["depth"], g["base"], g["dropout"], g.get("output", "tanh"))
        dis = PatchGan(d["in"], d["out"], d["layers"], d["base"])
        shape_c = lambda b: (b, g["in"], g["size"], g["size"])
        shape_y = lambda b: (b, g["out"], g["size"], g["size"])
        draw = torch.rand
    elif g["type"] == "mlp_generator" and d["type"] == "mlp_discriminator":
        gen = MlpGenerator(g["cond"], g["noise"], g["out"], list(g["hidden"]), bool(g.get("linear_skip", False)))
        dis = MlpDiscriminator(d["cond"], d["out"], list(d["hidden"]))
        shape_c = lambda b: (b, g["cond"])
        shape_y = lambda b: (b, g["out"])
        draw = torch.randn
    else:
        raise SystemExit("pytorch_reference.py: cannot mirror generator %s with discriminator %s"
                         % (g["type"], d["type"]))
    return gen, dis, lambda b: draw(*shape_c(b)), lambda b: draw(*shape_y(b))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--json", help="write results here")
    ap.add_argument("--spec", help="the networks as JSON (realitycheck bench writes it); default: gan-core's defaults")
    ap.add_argument("--reps", type=int, default=5)
    a = ap.parse_args()
    spec = DEFAULT_SPEC
    if a.spec:
        with open(a.spec) as f:
            spec = json.load(f)

    torch.manual_seed(1)
    res = {"torch": torch.__version__, "threads": torch.get_num_threads(),
           "omp_num_threads": os.environ.get("OMP_NUM_THREADS"), "mkldnn": torch.backends.mkldnn.is_available(),
           "results": {}}
    for net in spec["networks"]:
        g, d, cond, target = build(net)
        step = train_step_factory(g, d, float(net["l1"]))
        batch, steps = int(net["batch"]), int(net["steps"])
        c, y = cond(batch), target(batch)
        g.train()
        d.train()

        def train():
            for _ in range(steps):
                step(c, y)

        res["results"][net["name"] + ".gan.train"] = timed(train, 1, a.reps, steps * batch)
        g.eval()
        infer = {}
        with torch.no_grad():
            for b in net["infer_batches"]:
                cb = cond(int(b))
                n = max(1, (512 if cb.dim() > 2 else 262144) // int(b))
                infer[str(b)] = timed(lambda: [g(cb) for _ in range(n)], 1, a.reps, n * int(b))
        res["results"][net["name"] + ".gan.infer"] = infer

    text = json.dumps(res, indent=2)
    if a.json:
        tmp = a.json + ".tmp"
        with open(tmp, "w") as f:
            f.write(text)
        os.replace(tmp, a.json)
    print(text)


if __name__ == "__main__":
    sys.exit(main())
