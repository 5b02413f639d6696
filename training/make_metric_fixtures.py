#!/usr/bin/env python3
"""Make the metric fixtures the Java tests replay (src/test/resources/metrics/).

Writes small image pairs (RGB and gray; 8-bit PNG, 16-bit PNG, float32 TIFF; odd and non-square sizes;
with and without masks) and `reference.csv` with PSNR, SSIM (both variants) and L1 computed by
scikit-image 0.19 (Debian python3-skimage), whole image and hole only, for each scoring mode:

  paper   both images clamped to [0,1], x255, truncated to uint8; PSNR data range 255, capped at 100;
          SSIM = structural_similarity defaults (7x7 uniform window, sample covariance) with data_range 255,
          channels averaged; L1 = mean |a - b| of the clamped [0,1] values x 100 (the authors' code
          computes L1 on the clamped float tensors, before any truncation)
  uint16  the same with x65535, truncation to uint16 and data range 65535
  float   no truncation: clamped [0,1] values, data range 1
  ssim_gauss (every mode): gaussian_weights=True, sigma=1.5, use_sample_covariance=False (Wang et al. 2004;
          skimage's 11x11 window from truncate 3.5)

Hole-only scores (mask file: non-zero = hole): PSNR and L1 over the hole pixels of every channel; SSIM =
the full SSIM map (skimage full=True, 'reflect' borders) averaged over the hole pixels, then over channels.

How pixel values reach [0,1]: 8-bit / 255, 16-bit / 65535, float as stored.

Also the evaluation's resize: `resize_*` sources and what Pillow 9.4 makes of their centre square crop
with `Image.resize((n, n), BILINEAR)` (the authors' scipy.misc.imresize default), n = 32 (down) and 64 (up).

Also `lpips_reference.csv`: LPIPS v0.1 (SqueezeNet) distances on an odd, non-square crop of the package's test
images, from the eager (non-TorchScript) model in training/lpips_export.py.

    /usr/bin/python3 training/make_metric_fixtures.py
"""
import csv
import os
import sys

import numpy as np
import torch
from PIL import Image
from skimage.metrics import peak_signal_noise_ratio, structural_similarity

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
OUT = os.path.join(ROOT, "src", "test", "resources", "metrics")
REF = os.path.join(ROOT, "..", "shared", "reference", "lpips")
PACKAGE = os.path.join(ROOT, "models", "lpips-squeeze-v0.1")

LEVELS = {"paper": 255, "uint16": 65535, "float": None}


def scene(h, w, channels, rng):
    """A smooth scene with edges and texture in [0,1] (so SSIM is neither trivial nor noise-only)."""
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float64)
    planes = []
    for c in range(channels):
        p = 0.5 + 0.3 * np.sin(xx / (3.0 + c) + yy / 5.0) * np.cos(yy / (4.0 + c))
        p += 0.15 * ((xx + 2 * c) % 11 < 5)
        p += 0.05 * rng.standard_normal((h, w))
        planes.append(p)
    return np.clip(np.stack(planes, -1), 0, 1)


def damage(img, rng, strength):
    out = img + strength * rng.standard_normal(img.shape)
    h, w = img.shape[:2]
    out[h // 4: h // 2, w // 3: w // 3 + w // 4] *= 0.6  # a blotch, as a bad fill would leave
    return np.clip(out, 0, 1)


def blob_mask(h, w, rng):
    yy, xx = np.mgrid[0:h, 0:w]
    m = np.zeros((h, w), bool)
    for _ in range(3):
        cy, cx, r = rng.integers(0, h), rng.integers(0, w), rng.integers(3, max(4, min(h, w) // 3))
        m |= (yy - cy) ** 2 + (xx - cx) ** 2 <= r * r
    m[h - 2:, : w // 2] = True  # a hole on the border, where the SSIM map uses reflected pixels
    return m


def save_png8(path, img01):
    arr = np.floor(img01 * 255 + 0.5).astype(np.uint8)
    Image.fromarray(arr[..., 0] if arr.shape[-1] == 1 else arr).save(path)


def save_png16(path, img01):
    arr = np.floor(img01[..., 0] * 65535 + 0.5).astype(np.uint16)
    Image.fromarray(arr.astype(np.int32), mode="I").convert("I;16").save(path)


def save_tiff_float(path, img):
    frames = [Image.fromarray(img[..., c].astype(np.float32), mode="F") for c in range(img.shape[-1])]
    frames[0].save(path, save_all=len(frames) > 1, append_images=frames[1:])


def load01(path):
    """What the Java side sees: (H, W, C) float64 in [0,1] (8-bit / 255, 16-bit / 65535, float as-is)."""
    with Image.open(path) as im:
        frames = []
        for i in range(getattr(im, "n_frames", 1)):
            im.seek(i)
            if im.mode == "F":
                frames.append(np.asarray(im, dtype=np.float32).astype(np.float64)[..., None])
            elif im.mode in ("I;16", "I;16B", "I"):
                frames.append(np.asarray(im).astype(np.float64)[..., None] / 65535.0)
            elif im.mode == "RGB":
                frames.append(np.asarray(im).astype(np.float64) / 255.0)
            elif im.mode == "L":
                frames.append(np.asarray(im).astype(np.float64)[..., None] / 255.0)
            else:
                raise SystemExit(f"unexpected mode {im.mode} in {path}")
    return np.concatenate(frames, -1)


def quantise(img01, mode):
    c = np.clip(img01, 0, 1)
    levels = LEVELS[mode]
    if levels is None:
        return c, 1.0
    return (c * levels).astype(np.uint8 if levels == 255 else np.uint16), float(levels)


def ssim_map(a, b, data_range, gauss):
    kw = dict(data_range=data_range, full=True)
    if gauss:
        kw.update(gaussian_weights=True, sigma=1.5, use_sample_covariance=False)
    if a.shape[-1] == 1:
        m, s = structural_similarity(a[..., 0], b[..., 0], **kw)
        return m, s[..., None]
    return structural_similarity(a, b, multichannel=True, **kw)


def scores(a01, b01, mode, mask):
    # integer modes hand skimage uint8/uint16 arrays (it computes SSIM in float64 then); float mode hands it
    # float64 arrays (float32 would make skimage compute in float32, the Java side uses double)
    qa, data_range = quantise(a01, mode)
    qb, _ = quantise(b01, mode)
    row = {"psnr": min(100.0, peak_signal_noise_ratio(qa, qb, data_range=data_range)),
           "l1": np.mean(np.abs(np.clip(a01, 0, 1) - np.clip(b01, 0, 1))) * 100}
    for name, gauss in (("ssim", False), ("ssim_gauss", True)):
        row[name], smap = ssim_map(qa, qb, data_range, gauss)
        if mask is not None:
            row["hole_" + name] = np.mean([smap[..., c][mask].mean() for c in range(smap.shape[-1])])
    if mask is not None:
        m3 = np.repeat(mask[..., None], a01.shape[-1], -1)
        with np.errstate(divide="ignore"):
            row["hole_psnr"] = min(100.0, peak_signal_noise_ratio(qa[m3], qb[m3], data_range=data_range))
        row["hole_l1"] = np.mean(np.abs(np.clip(a01, 0, 1) - np.clip(b01, 0, 1))[m3]) * 100
    return row


CASES = [
    # name, (h, w), channels, storage, modes, with mask, damage strength
    ("rgb8_48x64", (48, 64), 3, "png8", ["paper", "float"], False, 0.08),
    ("rgb8_odd_45x33", (45, 33), 3, "png8", ["paper", "float"], True, 0.05),
    ("gray8_29x37", (29, 37), 1, "png8", ["paper", "float"], True, 0.1),
    ("gray16_27x30", (27, 30), 1, "png16", ["uint16", "paper", "float"], True, 0.03),
    ("grayf_31x40", (31, 40), 1, "tiff", ["paper", "float"], False, 0.06),
    ("rgbf_26x35", (26, 35), 3, "tiff", ["paper", "float"], True, 0.04),
    ("rgb8_same_20x21", (20, 21), 3, "png8", ["paper"], True, 0.0),
]


def main():
    os.makedirs(OUT, exist_ok=True)
    rng = np.random.default_rng(2022)
    rows = []
    for name, (h, w), ch, storage, modes, with_mask, strength in CASES:
        a = scene(h, w, ch, rng)
        b = damage(a, rng, strength) if strength > 0 else a.copy()
        if storage == "tiff":  # float data may leave [0,1]: the protocol clamps
            a = a * 1.1 - 0.05
            b = b * 1.1 - 0.05
        ext = {"png8": "png", "png16": "png", "tiff": "tif"}[storage]
        files = {}
        for key, img in (("a", a), ("b", b)):
            files[key] = f"{name}_{key}.{ext}"
            path = os.path.join(OUT, files[key])
            {"png8": save_png8, "png16": save_png16, "tiff": save_tiff_float}[storage](path, img)
        mask = None
        if with_mask:
            mask = blob_mask(h, w, rng)
            files["mask"] = f"{name}_mask.png"
            Image.fromarray(mask.astype(np.uint8) * 255).save(os.path.join(OUT, files["mask"]))
        a01, b01 = load01(os.path.join(OUT, files["a"])), load01(os.path.join(OUT, files["b"]))
        assert a01.shape == (h, w, ch), (name, a01.shape)
        for mode in modes:
            r = {"case": name, "a": files["a"], "b": files["b"], "mask": files.get("mask", ""), "mode": mode,
                 "width": w, "height": h, "channels": ch, "hole_fraction": mask.mean() if mask is not None else ""}
            r.update(scores(a01, b01, mode, mask))
            rows.append(r)
    cols = ["case", "a", "b", "mask", "mode", "width", "height", "channels", "hole_fraction", "psnr", "ssim",
            "ssim_gauss", "l1", "hole_psnr", "hole_ssim", "hole_ssim_gauss", "hole_l1"]
    with open(os.path.join(OUT, "reference.csv"), "w", newline="") as f:
        wr = csv.DictWriter(f, cols)
        wr.writeheader()
        for r in rows:
            wr.writerow({k: (repr(float(v)) if isinstance(v, (float, np.floating)) else v) for k, v in r.items()})
    print(f"wrote {len(rows)} reference rows for {len(CASES)} pairs to {OUT}")
    write_resize_fixtures(rng)
    write_lpips_reference()


def write_resize_fixtures(rng):
    sources = {
        "resize_rgb8_70x50.png": Image.fromarray((scene(50, 70, 3, rng) * 255).astype(np.uint8)),
        "resize_gray8_41x57.png": Image.fromarray((scene(57, 41, 1, rng)[..., 0] * 255).astype(np.uint8)),
        "resize_grayf_23x30.tif": Image.fromarray(scene(30, 23, 1, rng)[..., 0].astype(np.float32), mode="F"),
    }
    for name, im in sources.items():
        im.save(os.path.join(OUT, name))
        w, h = im.size
        side = min(w, h)
        top, left = (h - side) // 2, (w - side) // 2
        square = im.crop((left, top, left + side, top + side))
        stem, ext = os.path.splitext(name)
        for n in (32, 64):
            square.resize((n, n), Image.BILINEAR).save(os.path.join(OUT, f"{stem}_to{n}{ext}"))


def write_lpips_reference():
    import lpips_export as le
    model = le.build("squeeze", le.load_state(os.path.join(REF, "squeeze.backbone.pth")),
                     le.load_state(os.path.join(REF, "squeeze.v0.1.lin.pth")))
    a = torch.from_numpy(np.load(os.path.join(PACKAGE, "test_input_a.npy")))
    b = torch.from_numpy(np.load(os.path.join(PACKAGE, "test_input_b.npy")))
    rows = []
    # odd, non-square crops of the package's test images (rows y0..y0+h, columns x0..x0+w)
    for item, (y0, x0, h, w) in ((0, (3, 1, 47, 61)), (1, (0, 0, 33, 19))):
        ca = a[item:item + 1, :, y0:y0 + h, x0:x0 + w]
        cb = b[item:item + 1, :, y0:y0 + h, x0:x0 + w]
        with torch.no_grad():
            d = model(ca, cb).item()
        rows.append({"item": item, "y0": y0, "x0": x0, "height": h, "width": w, "lpips": repr(d)})
    with open(os.path.join(OUT, "lpips_reference.csv"), "w", newline="") as f:
        wr = csv.DictWriter(f, list(rows[0]))
        wr.writeheader()
        wr.writerows(rows)
    print("LPIPS odd crops:", [r["lpips"] for r in rows])


if __name__ == "__main__":
    main()
