"""The plain-ground rows of evaluate.py: synthetic grounds x hole sizes, the plainest region of every held-out image,
and 16- and 32-bit images whose plain area lies at either end of the data range; next to OpenCV Telea and NS.

Scores are hole errors, as a conservator reads a fill on a plain ground: the mean absolute difference from the
truth inside the hole, in grey levels (8-bit), or in % of the data range (16/32-bit), and the largest one.
"""
import os
import subprocess
import tempfile

import cv2
import numpy as np
from PIL import Image

from .data import held_out_images, is_truth, load_rgb
from .plain import GROUNDS, grain_cases, ground_cases, hole_error, hole_names, plainest_disc
from .table import CLASSICAL, mean_se

DISCS = (40, 16)
# A fill is "far off" when one of its hole pixels is further from the truth than the better classical fill's worst
# pixel plus this many grey levels (the classical fills of a noisy ground are themselves a few levels off).
FAR_OFF = 12
DEEP_SIZE = 256


def classical8(image8: np.ndarray, mask: np.ndarray, method: str) -> np.ndarray:
    flag = cv2.INPAINT_TELEA if method == "Telea" else cv2.INPAINT_NS
    zeroed = image8 * (1 - mask[..., None]) if image8.ndim == 3 else image8 * (1 - mask)
    return cv2.inpaint(zeroed, mask * 255, 3, flag)


def plainest_cases(data: str, per_domain: int = 194, seed: int = 2026):
    """The flattest spot of held-out photos, paintings and faces (``per_domain`` of each, a fixed choice; 194 = every
    photo), a 40 px and a 16 px disc each."""
    rng = np.random.default_rng(seed)
    cases = []
    for domain in ("photos", "paintings", "faces"):
        images = held_out_images(data, domain)
        for k in sorted(rng.permutation(len(images))[:per_domain]):
            path = images[k]
            if not is_truth(data, path):  # a masked input, not a truth (data.NOT_TRUTHS)
                continue
            img = load_rgb(path)
            for d in DISCS:
                try:
                    mask = plainest_disc(img, d)
                except ValueError:
                    continue
                cases.append({"row": f"plainest region, {domain}, {d} px disc", "image": path, "disc": d,
                              "truth": img, "mask": mask})
    return cases


def deep_cases(size: int = DEEP_SIZE, seed: int = 5):
    """16- and 32-bit images: a plain area near the top or the bottom of the data range, a strip at the other end
    (so the data range spans both), scan noise, and a 32 px hole in the plain area, 22 px below the strip."""
    rng = np.random.default_rng(seed)
    cases = []
    for depth, (lo, hi, noise) in (("16-bit", (1200.0, 61000.0, 120.0)), ("32-bit", (-3.5, 870.0, 1.7))):
        for end in ("top", "bottom"):
            plain, strip = (hi, lo) if end == "top" else (lo, hi)
            img = plain + rng.normal(0, noise, (size, size))
            img[:size // 6] = strip + rng.normal(0, noise, (size // 6, size))
            img = np.clip(img, min(lo, hi) - 4 * noise, max(lo, hi) + 4 * noise)
            if depth == "16-bit":
                img = np.clip(np.rint(img), 0, 65535).astype(np.uint16)
            else:
                img = img.astype(np.float32)
            mask = np.zeros((size, size), np.uint8)  # its window's context reaches the strip
            mask[size // 4:size // 4 + 32, size // 2 - 16:size // 2 + 16] = 1
            cases.append({"row": f"{depth}, plain area at the {end} of the data range", "depth": depth,
                          "truth": img, "mask": mask})
    return cases


def deep_error(result: np.ndarray, truth: np.ndarray, mask: np.ndarray):
    """Mean and max hole error in % of the image's data range."""
    span = float(truth.max()) - float(truth.min())
    d = np.abs(result.astype(np.float64) - truth.astype(np.float64))[mask > 0]
    return 100 * float(d.mean()) / span, 100 * float(d.max()) / span


def _save(arr: np.ndarray, path: str):
    if arr.dtype == np.float32:
        Image.fromarray(arr, mode="F").save(path)
    else:
        Image.fromarray(arr).save(path)


def cli_fill(jar: str, package: str, items, threads: int):
    """Run the Java CLI once over (truth, mask) pairs (the holes' pixels zeroed in the input); results by index.
    8-bit RGB and 16-bit go as PNG, 32-bit as TIFF; the CLI keeps each input's format."""
    with tempfile.TemporaryDirectory() as tmp:
        dirs = [os.path.join(tmp, d) for d in ("in", "masks", "out")]
        for d in dirs:
            os.makedirs(d)
        names = []
        for i, (truth, mask) in enumerate(items):
            ext = ".tif" if truth.dtype == np.float32 else ".png"
            zeroed = truth * (1 - mask[..., None]) if truth.ndim == 3 else truth * (1 - mask).astype(truth.dtype)
            _save(zeroed.astype(truth.dtype), os.path.join(dirs[0], f"p{i:05d}{ext}"))
            Image.fromarray(mask * 255).save(os.path.join(dirs[1], f"p{i:05d}.png"))
            names.append(f"p{i:05d}{ext}")
        subprocess.run(["java", "-jar", jar, "inpaint", dirs[0], dirs[1], "-o", dirs[2] + "/", "--model", package,
                        "--threads", str(threads), "--quiet", "--no-record"], check=True)
        out = {}
        for i, name in enumerate(names):
            with Image.open(os.path.join(dirs[2], name)) as im:
                arr = np.asarray(im)
            out[i] = arr.astype(items[i][0].dtype) if arr.ndim == 2 else arr[..., :3]
        return out


def evaluate_plain(data: str, ours: str, fill, threads: int, jar: str = None, package: str = None,
                   per_domain: int = 194):
    """All plain-ground rows. ``fill(truth8, mask) -> result8`` is our model when no CLI is given (the 16/32-bit
    rows then show the classical fills only). Returns the rows (dicts with row, case, method, err = mean hole error,
    max = the largest, unit) and the results of the ``FIGURE`` cases."""
    synth = ground_cases() + grain_cases()
    plainest = plainest_cases(data, per_domain)
    deep = deep_cases()
    eight = [(c["truth"], c["mask"]) for c in synth] + [(c["truth"], c["mask"]) for c in plainest]
    if jar:
        got = cli_fill(jar, package, eight + [(c["truth"], c["mask"]) for c in deep], threads)
    else:
        got = {i: fill(t, m) for i, (t, m) in enumerate(eight)}
    rows, shown = [], {}
    for i, c in enumerate(synth + plainest):
        row = c["row"] if "row" in c else f"{c['ground']}, {c['hole']}"
        results = {m: classical8(c["truth"], c["mask"], m) for m in CLASSICAL}
        results[ours] = got[i]
        if (c.get("ground"), c.get("hole")) in FIGURE:
            shown[(c["ground"], c["hole"])] = dict(results, truth=c["truth"], mask=c["mask"])
        for m, r in results.items():
            e, mx = hole_error(r, c["truth"], c["mask"])
            rows.append({"row": row, "case": i, "method": m, "err": e, "max": mx, "unit": "grey levels",
                         "image": os.path.relpath(c["image"], data) if "image" in c
                         else f"{c['ground']}, {c['hole']}" if "row" in c else c.get("ground")})
    for k, c in enumerate(deep):
        i = len(eight) + k
        results = {m: classical8(c["truth"], c["mask"], m) for m in CLASSICAL}
        if i in got:
            results[ours] = got[i]
        for m, r in results.items():
            e, mx = deep_error(r, c["truth"], c["mask"])
            rows.append({"row": c["row"], "case": i, "method": m, "err": e, "max": mx, "unit": "% of range",
                         "image": c["depth"]})
    return rows, shown


FIGURE = (("lime plaster", "32 px"), ("white paper", "64 px"), ("vermilion", "16 px"), ("near-black", "3 px crack"),
          ("lime plaster, noise 18", "32 px"))


def figure(shown, ours, path, crop=96):
    """Crops around the hole: truth | hole | better classical | ours, one ground a row, enlarged 2x."""
    from PIL import ImageDraw
    cols = ["truth", "hole (white)", "classical (better)", ours]
    keys = [k for k in FIGURE if k in shown]
    z = 2 * crop
    sheet = Image.new("RGB", (len(cols) * (z + 8) + 8, len(keys) * (z + 22) + 22), "white")
    draw = ImageDraw.Draw(sheet)
    for j, t in enumerate(cols):
        draw.text((8 + j * (z + 8), 6), t, fill="black")
    for r, key in enumerate(keys):
        res = shown[key]
        truth, mask = res["truth"], res["mask"]
        best = min(CLASSICAL, key=lambda m: hole_error(res[m], truth, mask)[0])
        hole_img = truth.copy()
        hole_img[mask > 0] = 255
        ys, xs = np.nonzero(mask)
        cy, cx = (int(np.clip(v, crop // 2, truth.shape[0] - crop // 2)) for v in (ys.mean(), xs.mean()))
        y0 = 22 + r * (z + 22)
        draw.text((8, y0 + z + 2), f"{key[0]}, {key[1]}", fill="black")
        for j, im in enumerate([truth, hole_img, res[best], res[ours]]):
            tile = Image.fromarray(im[cy - crop // 2:cy + crop // 2, cx - crop // 2:cx + crop // 2])
            sheet.paste(tile.resize((z, z), Image.NEAREST), (8 + j * (z + 8), y0))
    sheet.save(path)


def write_csv(rows, path):
    import csv
    with open(path, "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0].keys()))
        w.writeheader()
        for r in rows:
            w.writerow({k: (f"{v:.4f}" if isinstance(v, float) else v) for k, v in r.items()})


def summarise_plain(rows, ours):
    """Per row: mean (and max) hole error of ours and of the better classical fill, paired difference, wins."""
    out = []
    for row in dict.fromkeys(r["row"] for r in rows):
        rs = [r for r in rows if r["row"] == row]
        by = {m: {r["case"]: r for r in rs if r["method"] == m} for m in (*CLASSICAL, ours)}
        if not by[ours]:
            continue
        ids = sorted(by[ours])
        means = {m: float(np.mean([by[m][i]["err"] for i in ids])) for m in by}
        best = min(CLASSICAL, key=lambda m: means[m])
        diffs = [by[ours][i]["err"] - by[best][i]["err"] for i in ids]
        d, se = mean_se(diffs)
        out.append({"row": row, "n": len(ids), "unit": rs[0]["unit"], "ours": means[ours], "best": best,
                    "classical": means[best], "diff": d, "se": se,
                    "wins": sum(x < 0 for x in diffs), "ties": sum(x == 0 for x in diffs),
                    "ours_max": max(by[ours][i]["max"] for i in ids),
                    "classical_max": max(by[best][i]["max"] for i in ids)})
    return out


def plain_verdict(summary):
    """The plain-ground bar: the mean hole error within 1 grey level (or 1 % of the range for 16/32-bit) of the
    better classical fill, no hole pixel far off on a synthetic ground, and not worse in the plainest real regions.
    Grainy grounds are held to the mean only: there a hole pixel that continues its neighbour's grain is off by two
    independent draws of the noise, so the largest pixel error measures the grain, not a blob."""
    fails = []
    for s in summary:
        if s["row"].startswith("plainest"):
            if s["diff"] > 0:
                fails.append(f"{s['row']}: {s['diff']:+.2f} grey levels against {s['best']}")
            continue
        if s["unit"] == "% of range":
            if s["ours"] > 1.0:
                fails.append(f"{s['row']}: {s['ours']:.2f} % of the range")
            continue
        if s["ours"] > s["classical"] + 1.0:
            fails.append(f"{s['row']}: {s['ours']:.1f} against {s['classical']:.1f} grey levels")
        elif s["ours_max"] > s["classical_max"] + FAR_OFF and not s["row"].startswith("grainy"):
            fails.append(f"{s['row']}: a pixel {s['ours_max']:.0f} grey levels off ({s['best']}: {s['classical_max']:.0f})")
    return fails


def plain_markdown(summary, ours):
    grounds = [s for s in summary if s["unit"] == "grey levels" and not s["row"].startswith(("plainest", "grainy"))]
    lines = ["Synthetic grounds (256², scan noise σ 1.5 grey levels): mean hole error in grey levels, ours / better "
             "classical fill (largest error of a hole pixel in brackets).", "",
             "| ground | " + " | ".join(hole_names()) + " |", "|---|" + "---|" * len(hole_names())]
    for g in GROUNDS:
        cells = []
        for h in hole_names():
            s = next((x for x in grounds if x["row"] == f"{g}, {h}"), None)
            cells.append("—" if s is None else f"{s['ours']:.1f} ({s['ours_max']:.0f}) / {s['classical']:.1f} "
                         f"({s['classical_max']:.0f})")
        lines.append(f"| {g} | " + " | ".join(cells) + " |")
    lines += ["", "Grainy grounds: lime plaster, vermilion and mid grey with i.i.d. noise of 11, 18 or 24 grey levels, "
              "or noise of 18 blurred by 1.5 px (mottled), 16, 32 and 64 px holes (grey levels). Real images: a disc where each held-out image is flattest; "
              "16/32-bit: error in % of the data range.",
              "", f"| row | n | {ours} | better classical | ours − classical (paired, ± SE) | ours better / tied |",
              "|---|---|---|---|---|---|"]
    for s in summary:
        if s in grounds:
            continue
        lines.append(f"| {s['row']} | {s['n']} | {s['ours']:.2f} (max {s['ours_max']:.0f}) | {s['classical']:.2f} "
                     f"({s['best']}, max {s['classical_max']:.0f}) | {s['diff']:+.2f} ± {s['se']:.2f} | "
                     f"{s['wins']} / {s['ties']} |")
    return "\n".join(lines)


def section(data, fills, main_name, out_dir, threads, jar=None, package=None, per_domain=194):
    """EVAL.md's plain-ground section (plain_cases.csv, plain_grounds.png beside it) for every model compared.
    ``fills``: name -> fill(truth8, mask), or None for the package run through the CLI ``jar``."""
    text = ["## Plain grounds\n\nWhat a conservator tries first: a loss on plain paper, plaster, a flat pigment, a "
            "dark field or a sky, where the classical fill is nearly perfect. Holes: centred squares and one 3 px crack "
            "on synthetic grounds; a disc where each held-out image is flattest; 16/32-bit images whose plain area lies "
            "at one end of the data range. Bar: mean hole error within 1 grey level (1 % of the range) of the better "
            f"classical fill, no hole pixel more than {FAR_OFF} grey levels further off than its worst (grainy grounds: the "
            "mean only, as a pixel that continues its neighbour's grain is off by two draws of the noise), and "
            "not worse in the plainest real regions.\n"]
    all_rows = []
    for name, fill in fills.items():
        via_cli = fill is None
        rows, shown = evaluate_plain(data, name, fill, threads, jar if via_cli else None,
                                     package if via_cli else None, per_domain)
        all_rows += rows
        summary = summarise_plain(rows, name)
        fails = plain_verdict(summary)
        engine = "the Java CLI" if via_cli else "one TorchScript call per whole image"
        text.append(f"### {name} (through {engine})\n\n" + plain_markdown(summary, name) + "\n\nBar: "
                    + ("**met**." if not fails else "**missed**: " + "; ".join(fails) + ".") + "\n")
        print(text[-1], flush=True)
        if name == main_name:
            figure(shown, name, os.path.join(out_dir, "plain_grounds.png"))
    write_csv(all_rows, os.path.join(out_dir, "plain_cases.csv"))
    text.append("Per-case values: `plain_cases.csv`; crops (truth | hole | better classical | ours): "
                "`plain_grounds.png`.\n\n")
    return "\n".join(text)
