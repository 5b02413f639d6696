#!/usr/bin/env python3
"""Write two tiny model packages whose network returns NaN on its first calls, for the Java tests of
model/MisfNetwork.firstFinite (a forward pass that returns NaN is run again, and refused if the NaN stays).

The network fills every hole with mid-grey and keeps the known pixels; it counts its calls and adds NaN to its
output while the count is at most N: ``passing`` (N = 2: the load's warm-up window is tried three times and the
third is finite) and ``lasting`` (N = 10**9: always NaN). Each package is the default package's descriptor with its
own id, weights and sha256, and a test pair the network gives once its NaN calls are over.

    /usr/bin/python3 training/make_nan_packages.py --out src/test/resources/org/misf/model/nan-packages
"""
import argparse
import hashlib
import os
import shutil

import numpy as np
import torch
import yaml


class NaNFirstCalls(torch.nn.Module):
    calls: int
    nan_calls: int

    def __init__(self, nan_calls: int):
        super().__init__()
        self.calls = 0
        self.nan_calls = nan_calls

    def forward(self, image: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        self.calls += 1
        out = image * (1 - mask) + 0.5 * mask
        if self.calls <= self.nan_calls:
            out = out + float("nan")
        return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--default", default="models/misf-w32", help="the package whose descriptor and test input are used")
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    with open(os.path.join(args.default, "model.yaml")) as f:
        desc = yaml.safe_load(f)
    image = np.load(os.path.join(args.default, "test_input_image.npy"))
    mask = np.load(os.path.join(args.default, "test_input_mask.npy"))
    for name, nan_calls in (("passing", 2), ("lasting", 10 ** 9)):
        folder = os.path.join(args.out, name)
        os.makedirs(folder, exist_ok=True)
        module = torch.jit.script(NaNFirstCalls(nan_calls))
        module.save(os.path.join(folder, "model.pt"))
        with open(os.path.join(folder, "model.pt"), "rb") as f:
            sha = hashlib.sha256(f.read()).hexdigest()
        for f in ("test_input_image.npy", "test_input_mask.npy"):
            shutil.copyfile(os.path.join(args.default, f), os.path.join(folder, f))
        np.save(os.path.join(folder, "test_output.npy"), (image * (1 - mask) + 0.5 * mask).astype(np.float32))
        d = dict(desc)
        d["id"] = "nan-" + name
        d["name"] = f"NaN on the first {nan_calls} calls (test package)"
        d["description"] = "Fills holes with mid-grey; returns NaN on its first calls. For the tests of model/MisfNetwork."
        d["weights"] = dict(desc["weights"], sha256=sha)
        d["architecture"] = {"name": "test", "width": 0, "residual_blocks": 0, "parameters": 0}
        for key in ("training", "inference"):
            d.pop(key, None)
        with open(os.path.join(folder, "model.yaml"), "w") as f:
            yaml.safe_dump(d, f, sort_keys=False)
        print("wrote", folder)


if __name__ == "__main__":
    main()
