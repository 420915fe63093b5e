#!/usr/bin/python3
"""PyTorch peer for `realitycheck bench --vs-pytorch`.

Builds the same default networks as gan-core's Networks.java (U-Net + PatchGAN for astro, MLP
generator + MLP discriminator for hep) with the same shapes, batch, losses and optimiser, and times
the same training step (one discriminator update + one generator update, non-saturating BCE +
lambda*L1, Adam(2e-4, 0.5, 0.999)) and generator inference on this CPU.

Install once:  apt-get install -y python3-torch      (Debian's PyTorch 1.13; use /usr/bin/python3, the Debian interpreter it installs into)
Run:           OMP_NUM_THREADS=2 /usr/bin/python3 bench/pytorch_reference.py --json /tmp/torch.json
The architecture flags default to gan-core's defaults; `realitycheck bench --vs-pytorch` passes the
exact shapes it benchmarks.
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

    def __init__(self, cin, cout, depth, base, dropout):
        super().__init__()
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
        return torch.tanh(self.out(h))


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
    def __init__(self, cond, noise, out, hidden):
        super().__init__()
        self.noise = noise
        self.net = Mlp(cond + noise, hidden, out)

    def forward(self, c):
        if self.noise > 0:
            c = torch.cat([c, torch.randn(c.shape[0], self.noise)], 1)
        return self.net(c)


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


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--json", help="write results here")
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--size", type=int, default=64)
    ap.add_argument("--depth", type=int, default=4)
    ap.add_argument("--base", type=int, default=16)
    ap.add_argument("--dropout", type=float, default=0.5)
    ap.add_argument("--patch-layers", type=int, default=3)
    ap.add_argument("--patch-base", type=int, default=16)
    ap.add_argument("--image-batch", type=int, default=16)
    ap.add_argument("--image-steps", type=int, default=20, help="training steps per repetition")
    ap.add_argument("--infer-batches", default="16,32,64,128")
    ap.add_argument("--hep-cond", type=int, default=40)
    ap.add_argument("--hep-noise", type=int, default=8)
    ap.add_argument("--hep-out", type=int, default=5)
    ap.add_argument("--hep-g-hidden", default="128,128")
    ap.add_argument("--hep-d-hidden", default="128,128")
    ap.add_argument("--hep-batch", type=int, default=256)
    ap.add_argument("--hep-steps", type=int, default=100)
    ap.add_argument("--hep-infer-batches", default="4096,16384,65536")
    ap.add_argument("--l1", type=float, default=100.0)
    a = ap.parse_args()

    torch.manual_seed(1)
    res = {"torch": torch.__version__, "threads": torch.get_num_threads(),
           "omp_num_threads": os.environ.get("OMP_NUM_THREADS"), "mkldnn": torch.backends.mkldnn.is_available()}

    # astro: U-Net + PatchGAN
    g = UNet(1, 1, a.depth, a.base, a.dropout)
    d = PatchGan(1, 1, a.patch_layers, a.patch_base)
    step = train_step_factory(g, d, a.l1)
    c = torch.rand(a.image_batch, 1, a.size, a.size)
    y = torch.rand(a.image_batch, 1, a.size, a.size)
    g.train()
    d.train()

    def train_images():
        for _ in range(a.image_steps):
            step(c, y)

    res["astro_train_images_per_s"] = timed(train_images, 1, a.reps, a.image_steps * a.image_batch)
    g.eval()
    infer = {}
    with torch.no_grad():
        for b in [int(x) for x in a.infer_batches.split(",")]:
            cb = torch.rand(b, 1, a.size, a.size)
            n = max(1, 512 // b)
            infer[str(b)] = timed(lambda: [g(cb) for _ in range(n)], 1, a.reps, n * b)
    res["astro_infer_images_per_s"] = infer

    # hep: MLP GAN
    gh = MlpGenerator(a.hep_cond, a.hep_noise, a.hep_out, [int(x) for x in a.hep_g_hidden.split(",")])
    dh = MlpDiscriminator(a.hep_cond, a.hep_out, [int(x) for x in a.hep_d_hidden.split(",")])
    steph = train_step_factory(gh, dh, a.l1)
    ch = torch.randn(a.hep_batch, a.hep_cond)
    yh = torch.randn(a.hep_batch, a.hep_out)

    def train_tracks():
        for _ in range(a.hep_steps):
            steph(ch, yh)

    res["hep_train_tracks_per_s"] = timed(train_tracks, 1, a.reps, a.hep_steps * a.hep_batch)
    gh.eval()
    inferh = {}
    with torch.no_grad():
        for b in [int(x) for x in a.hep_infer_batches.split(",")]:
            cb = torch.randn(b, a.hep_cond)
            n = max(1, 262144 // b)
            inferh[str(b)] = timed(lambda: [gh(cb) for _ in range(n)], 1, a.reps, n * b)
    res["hep_infer_tracks_per_s"] = inferh

    text = json.dumps(res, indent=2)
    if a.json:
        tmp = a.json + ".tmp"
        with open(tmp, "w") as f:
            f.write(text)
        os.replace(tmp, a.json)
    print(text)


if __name__ == "__main__":
    sys.exit(main())
