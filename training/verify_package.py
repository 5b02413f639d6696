#!/usr/bin/env python3
"""Check a model package in Python: model.pt loads with torch.jit.load and replays the package's test pair.

With ``--checkpoint``, also compare against the eager network of training/misf/network.py loaded
strictly from that checkpoint (release format or bare state dict), on the package's test pair and on
a second, tall non-square input. Used to verify packages written by the Java checkpoint importer
(libtorch 2.5.1 writes model.pt there; this confirms torch 1.13 reads it back).

Example:
    /usr/bin/python3 training/verify_package.py --package /tmp/misf-places2 --checkpoint places2_InpaintingModel_gen.pth
Exit status 0 when every max abs difference is <= --tolerance (default 1e-4).
"""
import argparse
import os
import sys

import numpy as np
import torch
import yaml

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from misf.network import InpaintingModel, MISFGenerator, load_release_state  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--package", required=True)
    ap.add_argument("--checkpoint")
    ap.add_argument("--tolerance", type=float, default=1e-4)
    args = ap.parse_args()
    with open(os.path.join(args.package, "model.yaml")) as f:
        desc = yaml.safe_load(f)
    scripted = torch.jit.load(os.path.join(args.package, "model.pt")).eval()
    image = torch.from_numpy(np.load(os.path.join(args.package, desc["test"]["inputs"][0])))
    mask = torch.from_numpy(np.load(os.path.join(args.package, desc["test"]["inputs"][1])))
    expected = torch.from_numpy(np.load(os.path.join(args.package, desc["test"]["outputs"][0])))
    worst = 0.0
    with torch.no_grad():
        got = scripted(image, mask)
        diff = (got - expected).abs().max().item()
        print(f"torch {torch.__version__}: model.pt replays the test pair {tuple(image.shape[2:])}: max abs diff {diff:.3g}")
        worst = max(worst, diff)
        if args.checkpoint:
            arch = desc["architecture"]
            gen = MISFGenerator(arch["width"], arch["residual_blocks"])
            load_release_state(gen, torch.load(args.checkpoint, map_location="cpu"))
            eager = InpaintingModel(gen).eval()
            g = torch.Generator().manual_seed(3)
            tall = torch.rand(1, 3, 76, 44, generator=g)
            tall_mask = (torch.rand(1, 1, 76, 44, generator=g) > 0.7).float()
            for name, (im, ma) in {"test pair": (image, mask), "76x44 input": (tall, tall_mask)}.items():
                diff = (scripted(im, ma) - eager(im, ma)).abs().max().item()
                print(f"model.pt vs eager network from {os.path.basename(args.checkpoint)} on the {name}: "
                      f"max abs diff {diff:.3g}")
                worst = max(worst, diff)
    sys.exit(0 if worst <= args.tolerance else 1)


if __name__ == "__main__":
    main()
