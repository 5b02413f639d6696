"""The evaluation table of training/evaluate.py: per row the means of each method, ours minus the better classical
fill (paired mean and standard error, wins), the Markdown table and the bar the default model must meet."""

import math

import numpy as np

CLASSICAL = ("Telea", "NS")


def mean_se(values):
    v = np.asarray(values, np.float64)
    return float(v.mean()), float(v.std(ddof=1) / math.sqrt(len(v))) if len(v) > 1 else 0.0


def summarise(rows, methods, ours):
    """Per row: means of each method, and ours minus the better classical fill (paired)."""
    out = []
    for row in dict.fromkeys(r["row"] for r in rows):
        rs = [r for r in rows if r["row"] == row]
        by = {m: {r["case"]: r for r in rs if r["method"] == m} for m in methods}
        ids = sorted(by[ours])
        s = {"row": row, "n": len(ids)}
        for metric in ("psnr", "ssim", "l1"):
            means = {m: float(np.mean([by[m][i][metric] for i in ids])) for m in methods}
            pick = min if metric == "l1" else max
            best = pick(CLASSICAL, key=lambda m: means[m])
            diffs = [by[ours][i][metric] - by[best][i][metric] for i in ids]
            d, se = mean_se(diffs)
            wins = sum((x < 0) if metric == "l1" else (x > 0) for x in diffs)
            s[metric] = {"means": means, "best": best, "diff": d, "se": se, "wins": wins}
        out.append(s)
    return out


def markdown(summary, methods, ours):
    lines = [f"| row | n | PSNR {' / '.join(methods)} | {ours} − best classical, PSNR (wins) "
             f"| SSIM {' / '.join(methods)} | SSIM diff (wins) | L1 % {' / '.join(methods)} |",
             "|---|---|---|---|---|---|---|"]
    for s in summary:
        p, q, l = s["psnr"], s["ssim"], s["l1"]
        lines.append(
            f"| {s['row']} | {s['n']} | " + " / ".join(f"{p['means'][m]:.2f}" for m in methods)
            + f" | {p['diff']:+.2f} ± {p['se']:.2f} ({p['wins']}/{s['n']}) | "
            + " / ".join(f"{q['means'][m]:.4f}" for m in methods)
            + f" | {q['diff']:+.4f} ± {q['se']:.4f} ({q['wins']}/{s['n']}) | "
            + " / ".join(f"{l['means'][m]:.3f}" for m in methods) + " |")
    return "\n".join(lines)


def verdict(summary, ours):
    """The issue's bar: level with the better classical fill on mean PSNR and SSIM in every row (faces are
    indicative), and >= 1 dB ahead on holes of 20 % and more."""
    fails = []
    for s in summary:
        if s["row"].startswith("faces"):
            continue
        if s["psnr"]["diff"] < 0:
            fails.append(f"{s['row']}: PSNR {s['psnr']['diff']:+.2f} dB")
        if s["ssim"]["diff"] < 0:
            fails.append(f"{s['row']}: SSIM {s['ssim']['diff']:+.4f}")
        if ("20-40%" in s["row"] or "40-60%" in s["row"]) and s["psnr"]["diff"] < 1.0:
            fails.append(f"{s['row']}: PSNR lead {s['psnr']['diff']:+.2f} dB < 1 dB")
    return fails
