#!/usr/bin/python3
"""Exports the onnx-module's test fixtures from PyTorch: small generators as .onnx, each with the
reference inputs and outputs PyTorch itself computes (.npy), the independent source the tests compare
ONNX Runtime against.

Made with Debian's python3-torch 1.13.1 (apt-get install python3-torch), from this folder:
    /usr/bin/python3 make_fixtures.py
Seeded, so a rerun on the same torch gives the same weights; the tests read only the files written here.

  mlp.onnx        condition [n, 40] -> [n, 5]: Linear, LeakyReLU(0.2), Linear, LeakyReLU(0.2), Linear
  mlp_noise.onnx  condition [n, 40] and noise [n, 8] -> [n, 5]: the same MLP on condition (+) noise
  unet.onnx       image [n, 1, 64, 64] -> [n, 1, 64, 64]: a two-level convolutional U-Net
  three_inputs.onnx  three inputs, which no card can describe (an unsupported model)
"""
import json
import numpy as np
import torch
from torch import nn

torch.manual_seed(15)
rng = np.random.default_rng(15)


class Mlp(nn.Module):
    def __init__(self, inputs, hidden=32, outputs=5):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(inputs, hidden), nn.LeakyReLU(0.2), nn.Linear(hidden, hidden),
                                 nn.LeakyReLU(0.2), nn.Linear(hidden, outputs))

    def forward(self, condition):
        return self.net(condition)


class NoiseMlp(nn.Module):
    def __init__(self):
        super().__init__()
        self.mlp = Mlp(48)

    def forward(self, condition, noise):
        return self.mlp(torch.cat([condition, noise], dim=1))


class UNet(nn.Module):
    """pix2pix in miniature: 4x4 stride-2 convolutions down, transposed convolutions up, a skip."""

    def __init__(self, c=4):
        super().__init__()
        self.down1 = nn.Sequential(nn.Conv2d(1, c, 4, 2, 1), nn.LeakyReLU(0.2))
        self.down2 = nn.Sequential(nn.Conv2d(c, 2 * c, 4, 2, 1), nn.BatchNorm2d(2 * c), nn.LeakyReLU(0.2))
        self.up2 = nn.Sequential(nn.ConvTranspose2d(2 * c, c, 4, 2, 1), nn.BatchNorm2d(c), nn.ReLU())
        self.up1 = nn.ConvTranspose2d(2 * c, 1, 4, 2, 1)

    def forward(self, image):
        d1 = self.down1(image)
        d2 = self.down2(d1)
        u2 = self.up2(d2)
        return self.up1(torch.cat([u2, d1], dim=1)) + image


class ThreeInputs(nn.Module):
    def forward(self, a, b, c):
        return a + b + c


def export(model, args, names, output, file):
    model.eval()
    dynamic = {n: {0: "batch"} for n in names + [output]}
    torch.onnx.export(model, args, file, input_names=names, output_names=[output], dynamic_axes=dynamic,
                      opset_version=13)


def save(name, array):
    np.save(name, np.ascontiguousarray(array, dtype=np.float32))


# hits-like conditions in mm, spread like the toy detector's (|x|, |y| up to 1 m)
cond = (rng.standard_normal((16, 40)) * 300).astype(np.float32)
noise = rng.standard_normal((16, 8)).astype(np.float32)

mlp = Mlp(40)
# scale the first layer to mm inputs, so the outputs are O(1) and the relative tolerance matters
with torch.no_grad():
    mlp.net[0].weight.mul_(1 / 300)
export(mlp, (torch.from_numpy(cond),), ["condition"], "params", "mlp.onnx")
with torch.no_grad():
    save("mlp.inputs.npy", cond)
    save("mlp.outputs.npy", mlp(torch.from_numpy(cond)).numpy())

nm = NoiseMlp()
with torch.no_grad():
    nm.mlp.net[0].weight[:, :40].mul_(1 / 300)
export(nm, (torch.from_numpy(cond), torch.from_numpy(noise)), ["condition", "noise"], "params", "mlp_noise.onnx")
with torch.no_grad():
    save("mlp_noise.inputs.npy", cond)
    save("mlp_noise.noise.npy", noise)
    save("mlp_noise.outputs.npy", nm(torch.from_numpy(cond), torch.from_numpy(noise)).numpy())

unet = UNet()
# a few training-mode passes give the batch norms non-trivial running statistics
unet.train()
with torch.no_grad():
    for _ in range(3):
        unet(torch.from_numpy(rng.standard_normal((8, 1, 64, 64)).astype(np.float32)))
unet.eval()
img = rng.standard_normal((2, 1, 64, 64)).astype(np.float32)
export(unet, (torch.from_numpy(img),), ["image"], "restored", "unet.onnx")
with torch.no_grad():
    save("unet.inputs.npy", img)
    save("unet.outputs.npy", unet(torch.from_numpy(img)).numpy())

a = torch.zeros(2, 3)
export(ThreeInputs(), (a, a, a), ["a", "b", "c"], "sum", "three_inputs.onnx")
print("torch", torch.__version__, "wrote mlp, mlp_noise, unet, three_inputs")
