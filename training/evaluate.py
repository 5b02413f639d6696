#!/usr/bin/env python3
"""Evaluate a model package on the fixed validation split next to OpenCV's Telea and Navier-Stokes inpainting.

Paper protocol (DESIGN section 5): images centre-cropped and resized to 256x256 (bicubic), irregular masks
from the held-out masks binned by hole ratio; both images clamped to [0,1], x255, truncated to uint8;
PSNR (data range 255, capped at 100), SSIM (scikit-image defaults: 7x7 uniform window, sample covariance,
averaged over channels), L1 = mean |a - b| on [0,1] x 100. Writes EVAL.md (+ a CSV per case and a picture grid).

    python3 training/evaluate.py --package models/misf-w16 --per-bin 100
"""
import argparse
import csv
import math
import os
import sys
import time

import cv2
import numpy as np
import torch
import yaml
from PIL import Image, ImageDraw
from skimage.metrics import structural_similarity

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from misf.data import BINS, centre_square, load_mask, load_rgb, validation_cases  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.normpath(os.path.join(HERE, "..", "..", "shared"))
BIN_NAMES = ["0-20%", "20-40%", "40-60%"]


def to_uint8(x: np.ndarray) -> np.ndarray:
    """[0,1] float -> uint8 by clamping, x255 and truncation (the authors' evaluation)."""
    return (np.clip(x, 0, 1) * 255).astype(np.uint8)


def paper_metrics(result: np.ndarray, truth: np.ndarray):
    """result, truth: HxWx3 float in [0,1]. Returns PSNR, SSIM, L1(x100)."""
    a, b = to_uint8(result), to_uint8(truth)
    mse = np.mean((a.astype(np.float64) - b.astype(np.float64)) ** 2)
    psnr = 100.0 if mse == 0 else min(100.0, 10 * math.log10(255.0 ** 2 / mse))
    ssim = structural_similarity(a, b, channel_axis=2, data_range=255)
    l1 = np.mean(np.abs(a.astype(np.float64) / 255 - b.astype(np.float64) / 255)) * 100
    return psnr, ssim, l1


def telea(image8: np.ndarray, mask: np.ndarray) -> np.ndarray:
    return cv2.inpaint(image8 * (1 - mask[..., None]), mask * 255, 3, cv2.INPAINT_TELEA)


def navier_stokes(image8: np.ndarray, mask: np.ndarray) -> np.ndarray:
    return cv2.inpaint(image8 * (1 - mask[..., None]), mask * 255, 3, cv2.INPAINT_NS)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--package", required=True)
    ap.add_argument("--data", default=os.path.join(SHARED, "data"))
    ap.add_argument("--per-bin", type=int, default=100)
    ap.add_argument("--size", type=int, default=256)
    ap.add_argument("--grid", type=int, default=6, help="cases in the picture grid")
    ap.add_argument("--out", help="folder for EVAL.md, eval_cases.csv, eval_grid.png (default: the package)")
    args = ap.parse_args()
    out_dir = args.out or args.package
    os.makedirs(out_dir, exist_ok=True)
    torch.set_num_threads(2)

    with open(os.path.join(args.package, "model.yaml")) as f:
        desc = yaml.safe_load(f)
    model = torch.jit.load(os.path.join(args.package, desc["weights"]["source"])).eval()
    cases = validation_cases(args.data, args.size, args.per_bin)
    methods = ["Telea", "Navier-Stokes", "MISF (ours)"]
    rows, grid = [], []
    t_model = 0.0
    for idx, (img_path, mask_path, b) in enumerate(cases):
        truth8 = centre_square(load_rgb(img_path), args.size)
        mask = load_mask(mask_path)
        if mask.shape[0] != args.size:
            mask = (np.asarray(Image.fromarray(mask * 255).resize((args.size, args.size), Image.NEAREST)) > 127).astype(np.uint8)
        truth = truth8.astype(np.float32) / 255
        x = torch.from_numpy(truth).permute(2, 0, 1)[None]
        m = torch.from_numpy(mask.astype(np.float32))[None, None]
        t0 = time.time()
        with torch.no_grad():
            ours = model(x, m)[0].permute(1, 2, 0).numpy()
        t_model += time.time() - t0
        results = {"Telea": telea(truth8, mask).astype(np.float32) / 255,
                   "Navier-Stokes": navier_stokes(truth8, mask).astype(np.float32) / 255,
                   "MISF (ours)": ours}
        ratio = float(mask.mean())
        for name in methods:
            p, s, l1 = paper_metrics(results[name], truth)
            rows.append({"case": idx, "image": os.path.relpath(img_path, args.data),
                         "mask": os.path.basename(mask_path), "bin": BIN_NAMES[b], "hole_ratio": f"{ratio:.4f}",
                         "method": name, "psnr": p, "ssim": s, "l1x100": l1})
        if idx % args.per_bin < max(1, args.grid // 3) and len(grid) < args.grid:
            masked = truth8.copy()
            masked[mask > 0] = 255
            grid.append([masked, to_uint8(results["Telea"]), to_uint8(ours), truth8])

    with open(os.path.join(out_dir, "eval_cases.csv"), "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0].keys()))
        w.writeheader()
        for r in rows:
            w.writerow({k: (f"{v:.6f}" if isinstance(v, float) else v) for k, v in r.items()})

    def mean(metric, method, b):
        vals = [r[metric] for r in rows if r["method"] == method and r["bin"] == BIN_NAMES[b]]
        return float(np.mean(vals))

    lines = ["(best of each column in bold)", "", "| metric | method | " + " | ".join(BIN_NAMES) + " |", "|---|---|" + "---|" * 3]
    for metric, label, fmt in (("psnr", "PSNR ↑", "{:.3f}"), ("ssim", "SSIM ↑", "{:.4f}"), ("l1x100", "L1 (%) ↓", "{:.3f}")):
        better = min if metric == "l1x100" else max
        best = [better(float(fmt.format(mean(metric, m, b))) for m in methods) for b in range(3)]
        for name in methods:
            vals = [fmt.format(mean(metric, name, b)) for b in range(3)]
            vals = [f"**{v}**" if float(v) == best[b] else v for b, v in enumerate(vals)]
            lines.append(f"| {label} | {name} | " + " | ".join(vals) + " |")
    table = "\n".join(lines)

    cell = args.size
    sheet = Image.new("RGB", (4 * cell + 50, len(grid) * cell + 30), "white")
    draw = ImageDraw.Draw(sheet)
    for j, title in enumerate(["input (holes white)", "OpenCV Telea", "MISF (ours)", "ground truth"]):
        draw.text((j * (cell + 10) + 10, 8), title, fill="black")
    for i, row in enumerate(grid):
        for j, im in enumerate(row):
            sheet.paste(Image.fromarray(im), (j * (cell + 10) + 10, 30 + i * cell))
    sheet.save(os.path.join(out_dir, "eval_grid.png"))

    n = len(cases)
    with open(os.path.join(out_dir, "EVAL.md"), "w") as f:
        f.write(f"# Evaluation of `{desc['id']}` ({desc['name']})\n\n")
        f.write(f"Validation split: {n} cases ({args.per_bin} per hole-ratio bin) of held-out images "
                f"(every 10th file of shared/data/images/natural and murals) and held-out NVIDIA irregular masks "
                f"(every 10th), drawn with a fixed seed by `training/misf/data.py:validation_cases`; "
                f"images centre-cropped and resized (bicubic) to {args.size}x{args.size}. None of them was seen in training.\n\n")
        f.write("Paper protocol (DESIGN section 5): clamp to [0,1], x255, truncate to uint8; PSNR with data range 255; "
                "SSIM = scikit-image defaults (7x7 uniform window, sample covariance, mean over channels); "
                "L1 = mean |a-b| on [0,1] x 100, over the whole image. Baselines: OpenCV "
                f"{cv2.__version__} `cv2.inpaint` radius 3 (Telea, Navier-Stokes) on exactly the same images and masks.\n\n")
        f.write(table + "\n\n")
        f.write(f"Model forward time: {1000 * t_model / n:.0f} ms per 256x256 image on this machine's CPU (2 cores, shared).\n\n")
        tr = desc.get("training", {})
        if tr:
            f.write("Training: " + ", ".join(f"{k} = {v}" for k, v in tr.items()) + "\n\n")
        f.write("Per-case values: `eval_cases.csv`. Picture grid (input | Telea | ours | ground truth): `eval_grid.png`.\n\n")
        f.write("Reproduce: `/usr/bin/python3 training/evaluate.py --package models/" + os.path.basename(os.path.normpath(args.package))
                + f" --per-bin {args.per_bin}`\n")
    print(table)


if __name__ == "__main__":
    main()
