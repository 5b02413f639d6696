"""Grainy lime plaster for README ("Grainy plain grounds"): a 32 px loss in plaster (237, 230, 210) with i.i.d. noise
of 5, 9, 14, 18 and 24 grey levels (rows); truth, OpenCV Navier-Stokes and each package's fill (columns), enlarged 2x.

    /usr/bin/python3 docs/figures/grain.py docs/figures/grain_2.6.0.png OLD_PACKAGE models/misf-w32

Packages run as TorchScript on the whole 256² image (``training/evaluate.py``'s ``TorchFill``, results rounded).
Prints the mean hole error (grey levels) of each column.
"""
import os
import sys

import numpy as np
import torch
import yaml
from PIL import Image, ImageDraw

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "training"))
import evaluate  # noqa: E402
from misf.plain import hole_error  # noqa: E402
from misf.plain_eval import classical8  # noqa: E402

evaluate.to_uint8 = lambda x: np.round(np.clip(x, 0, 1) * 255).astype(np.uint8)  # round, as the Java CLI does


def main(out, packages):
    torch.set_num_threads(2)
    fills = [evaluate.TorchFill(p) for p in packages]
    names = ["truth", "Navier-Stokes"] + [yaml.safe_load(open(os.path.join(p, "model.yaml")))["version"]
                                          for p in packages]
    rng = np.random.default_rng(3)
    mask = np.zeros((256, 256), np.uint8)
    mask[112:144, 112:144] = 1
    rows = []
    for sigma in (5, 9, 14, 18, 24):
        noise = rng.normal(0, sigma, (256, 256, 3))
        truth = np.clip(np.array((237, 230, 210), float)[None, None] + noise, 0, 255).round().astype(np.uint8)
        results = [classical8(truth, mask, "NS")] + [f(truth, mask) for f in fills]
        print(f"noise {sigma}: " + ", ".join(f"{n} {hole_error(r, truth, mask)[0]:.1f}"
                                               for n, r in zip(names[1:], results)), flush=True)
        rows.append(np.concatenate([np.pad(x[80:176, 80:176], ((2, 2), (2, 2), (0, 0)), constant_values=255)
                                    for x in [truth] + results], 1))
    sheet = Image.fromarray(np.concatenate(rows, 0))
    sheet = sheet.resize((sheet.width * 2, sheet.height * 2), Image.NEAREST)
    page = Image.new("RGB", (sheet.width, sheet.height + 20), "white")
    page.paste(sheet, (0, 20))
    draw = ImageDraw.Draw(page)
    for j, name in enumerate(names):
        draw.text((8 + j * 200, 4), name, fill="black")
    page.save(out)


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2:])
