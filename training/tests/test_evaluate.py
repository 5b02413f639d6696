"""evaluate.py's statistics: the better classical fill per row, paired differences, wins, and the issue's bar."""
import math

import numpy as np
import pytest
from PIL import Image

from evaluate import materialise, paper_metrics, summarise, verdict
from misf.data import centre_square


def rows_for(row, scores):
    """scores: {method: [(psnr, ssim, l1), ...]} -> rows as evaluate.py writes them."""
    out = []
    for method, values in scores.items():
        for case, (p, s, l) in enumerate(values):
            out.append({"case": f"{row}-{case}", "row": row, "method": method, "psnr": p, "ssim": s, "l1": l})
    return out


def test_paired_difference_is_against_the_better_classical_fill_of_the_row():
    rows = rows_for("photos, cracks", {
        "Telea": [(30, 0.90, 1.0), (32, 0.92, 0.8), (34, 0.94, 0.6)],
        "NS": [(31, 0.91, 0.9), (33, 0.93, 0.7), (35, 0.95, 0.5)],
        "ours": [(32, 0.90, 1.0), (33, 0.96, 0.4), (36, 0.96, 0.4)],
    })
    s = summarise(rows, ["Telea", "NS", "ours"], "ours")[0]
    assert s["n"] == 3 and s["psnr"]["best"] == "NS"
    diffs = [1, 0, 1]
    assert s["psnr"]["diff"] == pytest.approx(np.mean(diffs))
    assert s["psnr"]["se"] == pytest.approx(np.std(diffs, ddof=1) / math.sqrt(3))
    assert s["psnr"]["wins"] == 2  # a tie is not a win
    assert s["l1"]["best"] == "NS" and s["l1"]["wins"] == 2  # lower is better for L1
    assert s["ssim"]["diff"] == pytest.approx(np.mean([-0.01, 0.03, 0.01]))


def test_the_bar_needs_psnr_and_ssim_everywhere_and_one_db_on_large_holes_but_not_on_faces():
    def summary(row, dp, ds):
        return {"row": row, "psnr": {"diff": dp}, "ssim": {"diff": ds}}
    ok = [summary("photos, cracks, native size", 0.1, 0.0001), summary("photos, NVIDIA 20-40%, 256²", 1.2, 0.01),
          summary("faces, cracks, native size", -0.5, -0.01)]
    assert verdict(ok, "ours") == []
    bad = [summary("photos, spots, native size", 0.3, -0.0002), summary("paintings, NVIDIA 40-60%, 256²", 0.7, 0.02)]
    fails = verdict(bad, "ours")
    assert any("SSIM" in f and "spots" in f for f in fails)
    assert any("< 1 dB" in f and "40-60%" in f for f in fails)
    assert len(fails) == 2


def test_paper_metrics_on_uint8_images():
    truth = np.full((16, 16, 3), 100, np.uint8)
    same = paper_metrics(truth.copy(), truth)
    assert same[0] == 100.0 and same[1] == pytest.approx(1.0) and same[2] == 0.0
    off = truth.copy()
    off[0, 0, 0] = 110
    p, _, l1 = paper_metrics(off, truth)
    assert p == pytest.approx(10 * math.log10(255 ** 2 / (100 / (16 * 16 * 3))))
    assert l1 == pytest.approx(10 / 255 / (16 * 16 * 3) * 100)


def test_nvidia_rows_use_the_paper_preprocessing(tmp_path):
    """The 256² rows take their truth from misf.data.centre_square (the one place that decides the paper's resize)."""
    rng = np.random.default_rng(5)
    img = rng.integers(0, 256, (300, 420, 3), dtype=np.uint8)
    mask = (rng.random((256, 256)) < 0.2).astype(np.uint8)
    Image.fromarray(img).save(tmp_path / "img.png")
    Image.fromarray(mask * 255).save(tmp_path / "mask.png")
    truth, m = materialise({"image": str(tmp_path / "img.png"), "mask_path": str(tmp_path / "mask.png")})
    assert np.array_equal(truth, centre_square(img, 256))
    assert np.array_equal(m, mask)
