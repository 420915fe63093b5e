#!/usr/bin/python3
"""Trains realitycheck's hep track-GAN architecture briefly in PyTorch, exports its generator to ONNX and
writes the card and the reference outputs `realitycheck validate` needs (docs/onnx.md). Its output is the
worked example of "gate a PyTorch model" in the README.

Needs Debian's python3-torch (apt-get install python3-torch; torch.onnx.export needs no onnx package),
and training tracks simulated by realitycheck itself:

    ./realitycheck simulate hep --count 20000 --seed 7 --out /tmp/hep-train
    /usr/bin/python3 examples/onnx/train_track_gan.py --data /tmp/hep-train --out examples/onnx

The architecture is HepDomain.defaultArchitecture() and the I/O layout is TrackGan's:
  * condition: the hit vector [x0, y0, z0, ..., x9, y9, z9, m0, ..., m9] (mm; m = 1 where the layer has a
    hit), in the *rotated frame* (hits turned by -alpha, alpha the azimuth of the innermost hit), then
    standardised per feature; the card says "frame": "domain", so realitycheck's hep domain rotates the
    hits in and adds alpha back to phi0, exactly as for its own track GAN;
  * output: (q/pT [1/GeV], phi0 - alpha [rad], d0 [mm], z0 [mm], cot theta), standardised per feature; the
    card records both standardisations, so the generator is gated in physical units;
  * generator G(x, z) = MLP(x (+) z) + W x: 48 -> 128 -> 128 -> 128 -> 5, LeakyReLU(0.2), a linear skip
    path from the hits (W starts at zero); 8 Gaussian noise inputs;
  * discriminator D(x, y): 45 -> 128 -> 128 -> 1 on hits (+) parameters;
  * non-saturating BCE + lambda * L1 (lambda = 1000), Adam(lr, beta1 = 0.9, beta2 = 0.999), the rate
    decaying linearly to zero, batch 512 (HepDomain.defaultTrainingConfig(), shortened).
One difference from realitycheck's own recipe: the targets are the true parameters from particles.csv,
not the helix fit's (the fit is not reimplemented here), so the GAN learns the truth directly.
"""
import argparse
import csv
import glob
import hashlib
import json
import math
import os
import time

import numpy as np
import torch
from torch import nn

LAYERS = 10
VOLUMES = [8, 13, 17]  # Detector.VOLUMES: layer i lies in volume VOLUMES[i // 4], layer_id 2 * (i % 4 + 1)


def layer_index(volume_id, layer_id):
    """Detector.layerIndex of the toy detector, -1 for a layer it does not have."""
    for v, vol in enumerate(VOLUMES):
        if vol == volume_id and layer_id > 0 and layer_id % 2 == 0:
            i = 4 * v + layer_id // 2 - 1
            if i < LAYERS and (v == 2 or layer_id <= 8):
                return i
    return -1


def read_events(folder):
    """One (hit vector, truth parameters, pt, eta) per particle with hits, as TrackSamples.fromEvents."""
    conds, targets, pts, etas, digest = [], [], [], [], hashlib.sha256()
    for hits_file in sorted(glob.glob(os.path.join(folder, "event*-hits.csv"))):
        stem = hits_file[:-len("-hits.csv")]
        for f in (hits_file, stem + "-particles.csv", stem + "-truth.csv"):
            with open(f, "rb") as fh:
                digest.update(fh.read())
        hits = {}
        with open(hits_file) as fh:
            for r in csv.DictReader(fh):
                hits[int(r["hit_id"])] = (float(r["x"]), float(r["y"]), float(r["z"]),
                                          layer_index(int(r["volume_id"]), int(r["layer_id"])))
        vectors = {}
        with open(stem + "-truth.csv") as fh:
            for r in csv.DictReader(fh):
                pid = int(r["particle_id"])
                if pid == 0:
                    continue
                x, y, z, layer = hits[int(r["hit_id"])]
                if layer < 0:
                    continue
                v = vectors.setdefault(pid, np.zeros(4 * LAYERS, dtype=np.float32))
                if v[3 * LAYERS + layer] == 0:
                    v[3 * layer:3 * layer + 3] = (x, y, z)
                    v[3 * LAYERS + layer] = 1
        with open(stem + "-particles.csv") as fh:
            for r in csv.DictReader(fh):
                pid = int(r["particle_id"])
                if pid not in vectors:
                    continue
                vx, vy, vz, px, py, pz = (float(r[k]) for k in ("vx", "vy", "vz", "px", "py", "pz"))
                q = int(float(r["q"]))
                pt = math.hypot(px, py)
                phi = math.atan2(py, px)
                d0 = -vx * math.sin(phi) + vy * math.cos(phi)  # TrackParameters.fromVertex
                conds.append(vectors[pid])
                targets.append((q / pt, phi, d0, vz, pz / pt))
                pts.append(pt)
                etas.append(math.asinh(pz / pt))
    if not conds:
        raise SystemExit(f"{folder}: no event*-hits.csv with tracks; run ./realitycheck simulate hep first")
    return (np.stack(conds), np.asarray(targets, dtype=np.float64), np.asarray(pts), np.asarray(etas),
            digest.hexdigest())


def wrap(a):
    return (a + np.pi) % (2 * np.pi) - np.pi


def rotate(cond, target):
    """TrackGan.rotate: hits turned by -alpha (alpha: azimuth of the innermost hit), phi0 -> phi0 - alpha."""
    c = cond.astype(np.float64).copy()
    mask = c[:, 3 * LAYERS:] > 0.5
    first = np.argmax(mask, axis=1)
    rows = np.arange(len(c))
    alpha = np.where(mask.any(axis=1), np.arctan2(c[rows, 3 * first + 1], c[rows, 3 * first]), 0.0)
    ca, sa = np.cos(alpha)[:, None], np.sin(alpha)[:, None]
    x, y = c[:, 0:3 * LAYERS:3].copy(), c[:, 1:3 * LAYERS:3].copy()
    c[:, 0:3 * LAYERS:3] = x * ca + y * sa
    c[:, 1:3 * LAYERS:3] = -x * sa + y * ca
    t = target.copy()
    t[:, 1] = wrap(t[:, 1] - alpha)
    return c.astype(np.float32), t


def standardize(a):
    """FeatureTransform.Affine.standardize: mean and (population) standard deviation, 1 where it is 0."""
    mean = a.mean(axis=0)
    std = a.std(axis=0)
    std[~(std > 1e-12)] = 1.0
    return mean, std


class Generator(nn.Module):
    def __init__(self, cond=40, noise=8, out=5, hidden=(128, 128, 128)):
        super().__init__()
        layers, width = [], cond + noise
        for h in hidden:
            layers += [nn.Linear(width, h), nn.LeakyReLU(0.2)]
            width = h
        layers.append(nn.Linear(width, out))
        self.mlp = nn.Sequential(*layers)
        self.skip = nn.Linear(cond, out, bias=False)
        nn.init.zeros_(self.skip.weight)

    def forward(self, hits, noise):
        return self.mlp(torch.cat([hits, noise], dim=1)) + self.skip(hits)


class Discriminator(nn.Module):
    def __init__(self, cond=40, out=5, hidden=(128, 128)):
        super().__init__()
        layers, width = [], cond + out
        for h in hidden:
            layers += [nn.Linear(width, h), nn.LeakyReLU(0.2)]
            width = h
        layers.append(nn.Linear(width, 1))
        self.net = nn.Sequential(*layers)

    def forward(self, hits, params):
        return self.net(torch.cat([hits, params], dim=1))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", required=True, help="TrackML folder from ./realitycheck simulate hep")
    ap.add_argument("--out", default=os.path.dirname(os.path.abspath(__file__)))
    ap.add_argument("--name", default="track-gan")
    ap.add_argument("--epochs", type=int, default=48)
    ap.add_argument("--batch", type=int, default=512)
    ap.add_argument("--lr", type=float, default=3e-2)
    ap.add_argument("--l1", type=float, default=1000.0)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--reference-cases", type=int, default=256)
    args = ap.parse_args()
    torch.manual_seed(args.seed)
    torch.set_num_threads(int(os.environ.get("OMP_NUM_THREADS", "1")))
    rng = np.random.default_rng(args.seed)

    cond, target, pt, eta, sha = read_events(args.data)
    rc, rt = rotate(cond, target)
    cmean, cstd = standardize(rc.astype(np.float64))
    tmean, tstd = standardize(rt)
    x = torch.from_numpy(((rc - cmean) / cstd).astype(np.float32))
    y = torch.from_numpy(((rt - tmean) / tstd).astype(np.float32))
    n = len(x)
    g, d = Generator(), Discriminator()
    opt_g = torch.optim.Adam(g.parameters(), lr=args.lr, betas=(0.9, 0.999))
    opt_d = torch.optim.Adam(d.parameters(), lr=args.lr, betas=(0.9, 0.999))
    steps_per_epoch = max(1, n // args.batch)
    total = args.epochs * steps_per_epoch
    decay = lambda step: 1.0 - step / total  # linear to zero over the run (LinearDecaySchedule)
    sched_g = torch.optim.lr_scheduler.LambdaLR(opt_g, decay)
    sched_d = torch.optim.lr_scheduler.LambdaLR(opt_d, decay)
    bce = nn.BCEWithLogitsLoss()
    start = time.time()
    losses = {}
    for epoch in range(args.epochs):
        perm = torch.from_numpy(rng.permutation(n))
        for k in range(steps_per_epoch):
            idx = perm[k * args.batch:(k + 1) * args.batch]
            xb, yb = x[idx], y[idx]
            z = torch.randn(len(idx), 8)
            fake = g(xb, z)
            d_loss = bce(d(xb, yb), torch.ones(len(idx), 1)) + bce(d(xb, fake.detach()), torch.zeros(len(idx), 1))
            opt_d.zero_grad()
            d_loss.backward()
            opt_d.step()
            adv = bce(d(xb, fake), torch.ones(len(idx), 1))
            l1 = (fake - yb).abs().mean()
            g_loss = adv + args.l1 * l1
            opt_g.zero_grad()
            g_loss.backward()
            opt_g.step()
            sched_g.step()
            sched_d.step()
            losses = {"d": float(d_loss), "g_adv": float(adv), "g_l1": float(l1)}
        print(f"epoch {epoch + 1}/{args.epochs}: " + ", ".join(f"{k} {v:.4f}" for k, v in losses.items()), flush=True)
    seconds = time.time() - start
    g.eval()

    os.makedirs(args.out, exist_ok=True)
    name = args.name
    onnx_file = os.path.join(args.out, name + ".onnx")
    m = min(args.reference_cases, n)
    ref_x = x[:m].contiguous()
    ref_z = torch.randn(m, 8, generator=torch.Generator().manual_seed(args.seed + 1))
    torch.onnx.export(g, (ref_x, ref_z), onnx_file, input_names=["hits", "noise"], output_names=["params"],
                      dynamic_axes={"hits": {0: "batch"}, "noise": {0: "batch"}, "params": {0: "batch"}},
                      opset_version=13)
    with torch.no_grad():
        ref_y = g(ref_x, ref_z)
    np.save(os.path.join(args.out, name + ".reference-hits.npy"), ref_x.numpy())
    np.save(os.path.join(args.out, name + ".reference-noise.npy"), ref_z.numpy())
    np.save(os.path.join(args.out, name + ".reference-params.npy"), ref_y.numpy().astype(np.float32))

    affine = lambda mean, std: {"type": "affine", "shift": [float(v) for v in mean], "scale": [float(v) for v in std]}
    card = {
        "schemaVersion": 1,
        "domain": "hep",
        "frame": "domain",
        "inputs": {"condition": "hits", "noise": "noise"},
        "output": "params",
        "conditionShape": [4 * LAYERS],
        "targetShape": [5],
        "normalization": {"condition": affine(cmean, cstd), "target": affine(tmean, tstd)},
        "covariateRanges": {"pt": {"min": float(pt.min()), "max": float(pt.max())},
                            "eta": {"min": float(eta.min()), "max": float(eta.max())}},
        "architecture": "realitycheck's hep track GAN in PyTorch: G(x, z) = MLP(x (+) z) + W x, 48 -> 128 -> 128 -> 128 "
                        "-> 5, LeakyReLU(0.2), linear skip from the hits; 8 noise inputs; rotated-frame hits",
        "training": {"framework": "PyTorch " + torch.__version__.split("a")[0].split("+")[0], "epochs": args.epochs,
                     "batchSize": args.batch, "loss": "bce", "l1Weight": args.l1, "learningRate": args.lr,
                     "beta1": 0.9, "beta2": 0.999, "discriminatorSteps": 1, "seed": args.seed, "samples": n,
                     "dataSha256": sha, "seconds": round(seconds, 1), "steps": total,
                     "finalLosses": {k: round(v, 6) for k, v in losses.items()}},
        "reference": {"inputs": name + ".reference-hits.npy", "noise": name + ".reference-noise.npy",
                      "outputs": name + ".reference-params.npy", "absoluteTolerance": 1e-5, "relativeTolerance": 1e-4},
        "notes": {"trainingData": "TrackML files of ./realitycheck simulate hep (" + os.path.basename(
            os.path.normpath(args.data)) + "); targets: the true parameters from particles.csv, not the helix fit's",
                  "script": "examples/onnx/train_track_gan.py"},
    }
    with open(os.path.join(args.out, name + ".card.json"), "w") as fh:
        json.dump(card, fh, indent=2)
        fh.write("\n")
    print(f"wrote {onnx_file} ({os.path.getsize(onnx_file)} bytes), its card and {m} reference cases; "
          f"{n} tracks, {total} steps, {seconds:.0f} s")


if __name__ == "__main__":
    main()
