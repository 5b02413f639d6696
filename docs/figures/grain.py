"""Grainy grounds for README ("Grainy plain grounds"): a 32 px loss in lime plaster (237, 230, 210) with i.i.d. noise
of 5, 9, 14, 18 and 24 grey levels (rows); truth, OpenCV Navier-Stokes and each package's fill (columns), enlarged 2x.
With --mottled: plaster with noise 18 blurred by 0.7, 1.5 and 2 px (blotches), vermilion with noise 14 blurred 1.5 px.

    /usr/bin/python3 docs/figures/grain.py docs/figures/grain_2.6.0.png OLD_PACKAGE models/misf-w32
    /usr/bin/python3 docs/figures/grain.py --mottled docs/figures/mottled_2.7.0.png OLD_PACKAGE models/misf-w32

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
from misf.plain import grainy_ground, hole_error  # noqa: E402
from misf.plain_eval import classical8  # noqa: E402

evaluate.to_uint8 = lambda x: np.round(np.clip(x, 0, 1) * 255).astype(np.uint8)  # round, as the Java CLI does


PLASTER, VERMILION = (237, 230, 210), (205, 62, 38)


def grounds(mottled, rng):
    """(label, truth) per row: i.i.d. grain on plaster, or blurred grain on plaster and vermilion."""
    plan = ([(PLASTER, s, 0.0) for s in (5, 9, 14, 18, 24)] if not mottled else
            [(PLASTER, 18, 0.7), (PLASTER, 18, 1.5), (PLASTER, 18, 2.0), (VERMILION, 14, 1.5)])
    for colour, sigma, blur in plan:
        yield f"noise {sigma}" + (f", blurred {blur} px" if blur else ""), grainy_ground(colour, sigma, blur, 256, rng)


def main(out, packages, mottled=False):
    torch.set_num_threads(2)
    fills = [evaluate.TorchFill(p) for p in packages]
    names = ["truth", "Navier-Stokes"] + [yaml.safe_load(open(os.path.join(p, "model.yaml")))["version"]
                                          for p in packages]
    rng = np.random.default_rng(3)
    mask = np.zeros((256, 256), np.uint8)
    mask[112:144, 112:144] = 1
    rows = []
    for label, truth in grounds(mottled, rng):
        results = [classical8(truth, mask, "NS")] + [f(truth, mask) for f in fills]
        print(f"{label}: " + ", ".join(f"{n} {hole_error(r, truth, mask)[0]:.1f}"
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
    args = sys.argv[1:]
    mottled = bool(args) and args[0] == "--mottled"
    args = args[1:] if mottled else args
    if len(args) < 2:
        sys.exit(__doc__)
    main(args[0], args[1:], mottled)
