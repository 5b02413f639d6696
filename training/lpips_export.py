#!/usr/bin/env python3
"""Export an LPIPS v0.1 model package (TorchScript + descriptor + test pair) for the Java metrics.

The package (a folder, e.g. models/lpips-squeeze-v0.1/) holds:
  model.pt          TorchScript (scripted: any H, W the backbone accepts) of
                    forward(a[B,3,H,W] in [-1,1], b[B,3,H,W] in [-1,1]) -> distance [B]
  model.yaml        descriptor: backbone name, LPIPS version, sha256 of model.pt, the tap layout, sources
  test_input_a.npy, test_input_b.npy, test_output.npy
                    a test pair the Java side replays (float32; the output is the distance per batch item)

LPIPS v0.1 (Zhang et al. 2018): ScalingLayer (x - shift) / scale, backbone taps, each tap normalised over
channels (x / (sqrt(sum_c x^2) + 1e-10)), squared difference, 1x1 "lin" conv without bias to one channel,
mean over H, W, summed over the taps.

Backbones: squeeze (SqueezeNet 1.1, 7 taps), alex (AlexNet, 5 taps), vgg (VGG16, 5 taps). Give the backbone's
torchvision `features` state dict (keys `0.weight`, ... or `features.0.weight`, ...; a full torchvision
classification state dict works, its classifier is ignored) and the LPIPS lin weights of the same backbone
(`<net>.pth` from the lpips package's weights/v0.1, keys `lin{k}.model.1.weight`).

Examples:
    # the shipped package (weights in ../shared/reference/lpips)
    python3 training/lpips_export.py --net squeeze \\
        --backbone ../shared/reference/lpips/squeeze.backbone.pth \\
        --lin ../shared/reference/lpips/squeeze.v0.1.lin.pth --out models/lpips-squeeze-v0.1
    # a VGG package from your own copy of torchvision's vgg16 weights
    python3 training/lpips_export.py --net vgg --backbone vgg16-397923af.pth \\
        --lin ../shared/reference/lpips/vgg.v0.1.lin.pth --out my-models/lpips-vgg-v0.1
"""
import argparse
import os
import sys
from typing import Dict, List, Tuple

import numpy as np
import torch
import torch.nn as nn
import yaml

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from export import sha256  # noqa: E402  (the model export's file hash)
from misf.squeezenet import LPIPS_CHANNELS, LPIPS_SLICES, squeezenet11_features  # noqa: E402

# LPIPS v0.1 ScalingLayer constants (inputs in [-1, 1])
SHIFT = (-0.030, -0.088, -0.188)
SCALE = (0.458, 0.448, 0.450)
EPS = 1e-10  # written as a literal in Lpips.forward (TorchScript cannot read module globals)


def alexnet_features() -> nn.Sequential:
    """torchvision AlexNet `features`."""
    return nn.Sequential(
        nn.Conv2d(3, 64, 11, stride=4, padding=2), nn.ReLU(inplace=True), nn.MaxPool2d(3, 2),
        nn.Conv2d(64, 192, 5, padding=2), nn.ReLU(inplace=True), nn.MaxPool2d(3, 2),
        nn.Conv2d(192, 384, 3, padding=1), nn.ReLU(inplace=True),
        nn.Conv2d(384, 256, 3, padding=1), nn.ReLU(inplace=True),
        nn.Conv2d(256, 256, 3, padding=1), nn.ReLU(inplace=True), nn.MaxPool2d(3, 2))


def vgg16_features() -> nn.Sequential:
    """torchvision VGG16 (configuration D, no batch norm) `features`."""
    layers: List[nn.Module] = []
    ch = 3
    for v in (64, 64, "M", 128, 128, "M", 256, 256, 256, "M", 512, 512, 512, "M", 512, 512, 512, "M"):
        if v == "M":
            layers.append(nn.MaxPool2d(2, 2))
        else:
            layers += [nn.Conv2d(ch, v, 3, padding=1), nn.ReLU(inplace=True)]
            ch = v
    return nn.Sequential(*layers)


# name -> (label, features factory, tap slices over the features' module indices, tap channels)
BACKBONES: Dict[str, Tuple[str, object, List[Tuple[int, int]], List[int]]] = {
    "squeeze": ("SqueezeNet 1.1", squeezenet11_features, LPIPS_SLICES, LPIPS_CHANNELS),
    "alex": ("AlexNet", alexnet_features, [(0, 2), (2, 5), (5, 8), (8, 10), (10, 12)], [64, 192, 384, 256, 256]),
    "vgg": ("VGG16", vgg16_features, [(0, 4), (4, 9), (9, 16), (16, 23), (23, 30)], [64, 128, 256, 512, 512]),
}


class Tap(nn.Module):
    """One LPIPS tap: the backbone modules up to the tap, and its 1x1 lin layer."""

    def __init__(self, features: nn.Sequential, lin: nn.Conv2d):
        super().__init__()
        self.features = features
        self.lin = lin


class Lpips(nn.Module):
    """LPIPS v0.1: forward(a, b) with a, b [B,3,H,W] in [-1,1] -> distance [B]."""

    def __init__(self, taps: List[Tap]):
        super().__init__()
        self.taps = nn.ModuleList(taps)
        self.register_buffer("shift", torch.tensor(SHIFT).view(1, 3, 1, 1))
        self.register_buffer("scale", torch.tensor(SCALE).view(1, 3, 1, 1))

    def forward(self, a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
        n = a.shape[0]
        x = (torch.cat([a, b], 0) - self.shift) / self.scale
        total = torch.zeros(n, dtype=a.dtype, device=a.device)
        for tap in self.taps:
            x = tap.features(x)
            f = x / (torch.sqrt(torch.sum(x * x, dim=1, keepdim=True)) + 1e-10)
            d = (f[:n] - f[n:]) ** 2
            total = total + tap.lin(d).mean(dim=[2, 3]).reshape(n)
        return total


def _features_state(state: dict) -> dict:
    """Accepts a bare `features` state dict or a full torchvision one (keeps `features.*`, drops the rest)."""
    if any(k.startswith("features.") for k in state):
        return {k[len("features."):]: v for k, v in state.items() if k.startswith("features.")}
    return dict(state)


def build(net: str, backbone_state: dict, lin_state: dict) -> Lpips:
    if net not in BACKBONES:
        raise SystemExit(f"Unknown backbone '{net}': use one of {', '.join(BACKBONES)}.")
    _, factory, slices, channels = BACKBONES[net]
    features = factory()
    features.load_state_dict(_features_state(backbone_state), strict=True)
    taps = []
    for k, ((start, stop), ch) in enumerate(zip(slices, channels)):
        key = f"lin{k}.model.1.weight"
        if key not in lin_state:
            raise SystemExit(f"The lin weights lack '{key}': are they the {net} ones?")
        w = lin_state[key]
        if tuple(w.shape) != (1, ch, 1, 1):
            raise SystemExit(f"'{key}' has shape {tuple(w.shape)}, expected (1, {ch}, 1, 1) for {net}.")
        lin = nn.Conv2d(ch, 1, 1, bias=False)
        lin.weight.data.copy_(w)
        taps.append(Tap(nn.Sequential(*[features[i] for i in range(start, stop)]), lin))
    extra = set(lin_state) - {f"lin{k}.model.1.weight" for k in range(len(slices))}
    if extra:
        raise SystemExit(f"The lin weights have unexpected keys {sorted(extra)}: are they the {net} ones?")
    return Lpips(taps).eval()


def load_state(path: str) -> dict:
    return torch.load(path, map_location="cpu")


def load_image(path: str) -> torch.Tensor:
    """An RGB image file as [1,3,H,W] in [-1,1] (x / 127.5 - 1, as the lpips package does)."""
    from PIL import Image
    with Image.open(path) as im:
        arr = np.asarray(im.convert("RGB"), dtype=np.float64)
    return torch.from_numpy(arr / 127.5 - 1.0).permute(2, 0, 1).unsqueeze(0).float()


def test_pair(example_dir: str = None, size=(47, 61), seed: int = 3):
    """The LPIPS examples (ex_ref vs ex_p0, ex_ref vs ex_p1) when available, else a seeded odd-size pair."""
    if example_dir and all(os.path.exists(os.path.join(example_dir, f"ex_{n}.png")) for n in ("ref", "p0", "p1")):
        ref = load_image(os.path.join(example_dir, "ex_ref.png"))
        p0 = load_image(os.path.join(example_dir, "ex_p0.png"))
        p1 = load_image(os.path.join(example_dir, "ex_p1.png"))
        return torch.cat([ref, ref]), torch.cat([p0, p1])
    g = torch.Generator().manual_seed(seed)
    a = torch.rand(2, 3, *size, generator=g) * 2 - 1
    b = (a + 0.3 * torch.randn(2, 3, *size, generator=g)).clamp(-1, 1)
    return a, b


def smallest_side(model: nn.Module, limit: int = 256) -> int:
    """The smallest square side the backbone accepts (its pooling stages need a minimum size)."""
    with torch.no_grad():
        for side in range(1, limit + 1):
            try:
                model(torch.zeros(1, 3, side, side), torch.zeros(1, 3, side, side))
                return side
            except RuntimeError:
                continue
    raise SystemExit(f"The model accepts no image up to {limit}x{limit}.")


def export(model: Lpips, net: str, out: str, sources: dict, example_dir: str = None) -> dict:
    os.makedirs(out, exist_ok=True)
    scripted = torch.jit.script(model)
    model_path = os.path.join(out, "model.pt")
    scripted.save(model_path)
    a, b = test_pair(example_dir)
    with torch.no_grad():
        expected = model(a, b)
        got = torch.jit.load(model_path)(a, b)
    diff = (expected - got).abs().max().item()
    if diff > 1e-6:
        raise SystemExit(f"TorchScript differs from the eager model by {diff}")
    np.save(os.path.join(out, "test_input_a.npy"), a.numpy().astype(np.float32))
    np.save(os.path.join(out, "test_input_b.npy"), b.numpy().astype(np.float32))
    np.save(os.path.join(out, "test_output.npy"), expected.numpy().astype(np.float32))
    label, _, slices, channels = BACKBONES[net]
    desc = {
        "format_version": 1,
        "id": f"lpips-{net}-v0.1",
        "name": f"LPIPS v0.1 ({label.split()[0]})",
        "kind": "lpips",
        "backbone": label,
        "version": "LPIPS v0.1",
        "description": "Learned Perceptual Image Patch Similarity (Zhang et al. 2018), lower = more similar.",
        "architecture": {"backbone": label, "taps": [list(s) for s in slices], "tap_channels": channels,
                         "scaling": {"shift": list(SHIFT), "scale": list(SCALE)}, "normalise_eps": EPS,
                         "parameters": sum(p.numel() for p in model.parameters())},
        "weights": {"source": "model.pt", "format": "torchscript", "sha256": sha256(model_path),
                    "pytorch_version": torch.__version__.split("+")[0]},
        "inputs": [
            {"name": "a", "axes": "bcyx", "channels": 3, "dtype": "float32", "data_range": [-1.0, 1.0]},
            {"name": "b", "axes": "bcyx", "channels": 3, "dtype": "float32", "data_range": [-1.0, 1.0]},
        ],
        "outputs": [{"name": "distance", "axes": "b", "dtype": "float32",
                     "meaning": "LPIPS distance per batch item, 0 = identical"}],
        "size": {"min": smallest_side(model)},
        "test": {"inputs": ["test_input_a.npy", "test_input_b.npy"], "outputs": ["test_output.npy"],
                 "tolerance": 1e-5},
        "sources": sources,
        "license": "BSD-2-Clause (LPIPS lin weights, richzhang/PerceptualSimilarity); backbone: torchvision "
                   "weights, BSD-3-Clause",
        "citation": "Zhang, R., Isola, P., Efros, A. A., Shechtman, E., Wang, O. The Unreasonable Effectiveness "
                    "of Deep Features as a Perceptual Metric. CVPR 2018.",
    }
    with open(os.path.join(out, "model.yaml"), "w") as f:
        f.write("# MISF for Fiji LPIPS package descriptor (see README.md, 'Metrics')\n")
        yaml.safe_dump(desc, f, sort_keys=False, default_flow_style=None, width=120)
    return desc


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--net", default="squeeze", choices=sorted(BACKBONES))
    ap.add_argument("--backbone", required=True, help="torchvision features (or full) state dict of the backbone")
    ap.add_argument("--lin", required=True, help="LPIPS v0.1 lin weights of the same backbone")
    ap.add_argument("--out", required=True, help="package folder to write")
    ap.add_argument("--examples", help="folder with ex_ref.png, ex_p0.png, ex_p1.png for the test pair "
                                       "(default: the folder of --lin when it has them)")
    args = ap.parse_args()
    model = build(args.net, load_state(args.backbone), load_state(args.lin))
    sources = {"backbone": {"file": os.path.basename(args.backbone), "sha256": sha256(args.backbone)},
               "lin": {"file": os.path.basename(args.lin), "sha256": sha256(args.lin)}}
    desc = export(model, args.net, args.out, sources, args.examples or os.path.dirname(os.path.abspath(args.lin)))
    out = np.load(os.path.join(args.out, "test_output.npy"))
    print(f"exported {args.out} ({desc['name']}): sha256 {desc['weights']['sha256']}, test distances {out.tolist()}")


if __name__ == "__main__":
    main()
