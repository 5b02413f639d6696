"""train.py runs, resumes from its own checkpoint and from a package, and ships the EMA weights."""
import os
import subprocess
import sys

import pytest
import torch

from conftest import SHARED

HERE = os.path.dirname(os.path.abspath(__file__))
TRAIN = os.path.join(HERE, "..", "train.py")
PACKAGE = os.path.join(HERE, "..", "..", "models", "misf-w32")


def train(run, *extra):
    cmd = [sys.executable, TRAIN, "--run", str(run), "--size", "32", "--batch", "2", "--val-every", "1",
           "--val-per-bin", "1", "--save-every", "1", "--adv", "0.1", "--perceptual", "0", "--ssim", "1",
           "--ema", "0.9", "--threads", "1", *extra]
    subprocess.run(cmd, check=True, capture_output=True, timeout=300)


@pytest.mark.skipif(not os.path.isdir(os.path.join(SHARED, "data", "images")), reason="shared training data not present")
def test_resumes_from_the_package_and_from_its_own_checkpoint(tmp_path):
    start = int(torch.load(os.path.join(PACKAGE, "generator.pth"), map_location="cpu")["iteration"])
    train(tmp_path, "--init", PACKAGE, "--max-steps", str(start + 1))
    train(tmp_path, "--max-steps", str(start + 2))
    last = torch.load(tmp_path / "last.pt", map_location="cpu")
    assert last["state"]["step"] == start + 2 and last["state"]["samples"] == 4
    shipped = torch.load(tmp_path / "generator.pth", map_location="cpu")
    assert shipped["iteration"] == start + 2
    for k, v in shipped["generator"].items():
        assert torch.equal(v, last["ema"][k])
    # the EMA lags the raw weights, so they differ after a step
    assert any(not torch.equal(v, last["generator"][k]) for k, v in shipped["generator"].items())
    log = (tmp_path / "log.tsv").read_text().splitlines()
    assert log[0].startswith("step\t") and len(log) == 3


@pytest.mark.skipif(not os.path.isdir(os.path.join(SHARED, "data", "images")), reason="shared training data not present")
def test_plain_grounds_train_through_the_colour_shift_next_to_the_starting_weights(tmp_path):
    start = int(torch.load(os.path.join(PACKAGE, "generator.pth"), map_location="cpu")["iteration"])
    train(tmp_path, "--init", PACKAGE, "--max-steps", str(start + 1), "--plain", "1", "--plain-size", "48",
          "--shift", "limited", "--distil", "1")
    log = (tmp_path / "log.tsv").read_text().splitlines()
    head, row = log[0].split("\t"), log[1].split("\t")
    assert head[-2:] == ["distil", "val_plain_err"]
    assert float(row[head.index("distil")]) > 0 and float(row[head.index("val_plain_err")]) >= 0


@pytest.mark.skipif(not os.path.isdir(os.path.join(SHARED, "data", "images")), reason="shared training data not present")
def test_a_plain_expert_trains_on_open_gates_and_leaves_the_main_generator_alone(tmp_path):
    start = torch.load(os.path.join(PACKAGE, "generator.pth"), map_location="cpu")
    train(tmp_path, "--init", PACKAGE, "--expert", os.path.join(PACKAGE, "generator.pth"), "--max-steps",
          str(int(start["iteration"]) + 2), "--plain", "1", "--plain-size", "48", "--shift", "plain", "--adv", "0")
    log = (tmp_path / "log.tsv").read_text().splitlines()
    head, row = log[0].split("\t"), log[1].split("\t")
    assert head[-1] == "val_plain_err" and float(row[-1]) >= 0
    assert row[head.index("val_psnr_0_20")] == ""  # the main generator is frozen: no validation of it
    last = torch.load(tmp_path / "last.pt", map_location="cpu")
    assert last["state"]["step"] == int(start["iteration"]) + 2
    moved = [k for k, v in last["generator"].items() if not torch.equal(v, start["generator"][k])]
    assert moved, "the expert's weights did not change on plain grounds"
    with pytest.raises(subprocess.CalledProcessError):
        train(tmp_path / "bad", "--init", PACKAGE, "--expert", os.path.join(PACKAGE, "generator.pth"), "--max-steps",
              "1", "--shift", "off")
