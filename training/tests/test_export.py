import hashlib
import os

import numpy as np
import pytest
import torch
import yaml

from conftest import REPO
from export import export, test_pair as package_test_pair
from misf.network import InpaintingModel, MISFGenerator, gate_arg, plain_ring

DEFAULT = os.path.join(REPO, "models", "misf-w32")


def test_scripted_model_matches_eager_at_two_sizes(tmp_path):
    torch.manual_seed(4)
    gen = MISFGenerator(8, 2).eval()
    export(gen, str(tmp_path), "test", "test", "0.0.1", {})
    scripted = torch.jit.load(str(tmp_path / "model.pt"))
    eager = InpaintingModel(gen).eval()
    for h, w in [(48, 80), (100, 36)]:
        image = torch.rand(1, 3, h, w)
        mask = (torch.rand(1, 1, h, w) > 0.7).float()
        with torch.no_grad():
            diff = (scripted(image, mask) - eager(image, mask)).abs().max().item()
        assert diff <= 1e-5, (h, w, diff)


def test_export_writes_a_consistent_package(tmp_path):
    gen = MISFGenerator(8, 2)
    desc = export(gen, str(tmp_path), "test", "test-id", "0.0.1", {"steps": 0})
    with open(tmp_path / "model.yaml") as f:
        on_disk = yaml.safe_load(f)
    assert on_disk["architecture"] == {"name": "MISF", "width": 8, "residual_blocks": 2,
                                       "parameters": sum(p.numel() for p in gen.parameters())}
    assert on_disk["weights"]["sha256"] == hashlib.sha256((tmp_path / "model.pt").read_bytes()).hexdigest()
    assert desc["test"]["inputs"] == ["test_input_image.npy", "test_input_mask.npy"]
    image = np.load(tmp_path / "test_input_image.npy")
    assert image.shape[2] != image.shape[3], "the test pair must be non-square"


@pytest.mark.skipif(not os.path.isdir(DEFAULT), reason="no default package")
def test_default_package_replays_its_test_pair():
    with open(os.path.join(DEFAULT, "model.yaml")) as f:
        desc = yaml.safe_load(f)
    model_file = os.path.join(DEFAULT, desc["weights"]["source"])
    with open(model_file, "rb") as f:
        assert hashlib.sha256(f.read()).hexdigest() == desc["weights"]["sha256"]
    model = torch.jit.load(model_file)
    image, mask = (torch.from_numpy(np.load(os.path.join(DEFAULT, n))) for n in desc["test"]["inputs"])
    expected = np.load(os.path.join(DEFAULT, desc["test"]["outputs"][0]))
    with torch.no_grad():
        got = model(image, mask).numpy()
    assert np.abs(got - expected).max() <= desc["test"]["tolerance"]


@pytest.mark.skipif(not os.path.isdir(DEFAULT), reason="no default package")
def test_default_package_generator_checkpoint_resumes_strictly():
    with open(os.path.join(DEFAULT, "model.yaml")) as f:
        arch = yaml.safe_load(f)["architecture"]
    gen = MISFGenerator(arch["width"], arch["residual_blocks"])
    ck = torch.load(os.path.join(DEFAULT, "generator.pth"), map_location="cpu")
    gen.load_state_dict(ck["generator"], strict=True)
    assert "iteration" in ck


def test_a_package_with_a_plain_expert_ships_it_and_tests_both_generators(tmp_path):
    torch.manual_seed(5)
    gen, expert = MISFGenerator(8, 1), MISFGenerator(8, 1)
    torch.save({"iteration": 3, "generator": expert.state_dict()}, tmp_path / "e.pth")
    desc = export(gen, str(tmp_path / "p"), "test", "test-id", "0.0.1", {}, boundary_scales=[1.0], shift="plain",
                  expert=expert, expert_ckpt=str(tmp_path / "e.pth"), expert_inverse=True)
    assert desc["inference"]["plain_expert"]["weights"] == "expert.pth"
    assert desc["inference"]["plain_expert"]["inverse_average"] is True
    assert "smooth_px" not in desc["inference"]["plain_expert"]  # off: descriptors up to 2.3 unchanged
    shipped = torch.load(tmp_path / "p" / "expert.pth", map_location="cpu")["generator"]
    assert all(torch.equal(v, expert.state_dict()[k]) for k, v in shipped.items())
    image, mask = (torch.from_numpy(np.load(tmp_path / "p" / n)) for n in desc["test"]["inputs"])
    expected = torch.from_numpy(np.load(tmp_path / "p" / desc["test"]["outputs"][0]))
    with torch.no_grad():  # the test pair's output is the blend: neither generator alone gives it
        main_only = InpaintingModel(gen, [1.0])(image, mask)
        expert_only = InpaintingModel(expert, [1.0], shift="plain")(image, mask)
    assert (expected - main_only).abs().max() > 1e-3 and (expected - expert_only).abs().max() > 1e-3


def test_a_package_can_widen_the_plain_gate_and_its_test_pair_still_runs_both_generators(tmp_path):
    torch.manual_seed(6)
    gen, expert = MISFGenerator(8, 1), MISFGenerator(8, 1)
    gate = gate_arg("8,16,20,32")
    desc = export(gen, str(tmp_path / "p"), "test", "test-id", "0.0.1", {}, boundary_scales=[1.0], shift="plain",
                  expert=expert, expert_inverse=True, plain_gate=gate)
    assert desc["inference"]["colour_shift"]["texture_grey_levels"] == [8.0, 16.0]
    assert desc["inference"]["colour_shift"]["spread_grey_levels"] == [20.0, 32.0]
    scripted = torch.jit.load(str(tmp_path / "p" / "model.pt"))
    assert [round(v * 255, 3) for v in scripted.plain_gate] == [8.0, 16.0, 20.0, 32.0]
    image, mask = (torch.from_numpy(np.load(tmp_path / "p" / n)) for n in desc["test"]["inputs"])
    assert 0 < float(plain_ring(image, mask, gate)[0]) < 1  # the pair's noise follows the gate: a blend again
    # a ring with the default gate's "texture" (5.5 grey levels of noise) is plain to the wider gate
    default_pair, pair_mask = package_test_pair(blended=True)
    assert float(plain_ring(default_pair, pair_mask, gate)[0]) == 1.0
    with pytest.raises(ValueError):
        gate_arg("8,16,20")
    with pytest.raises(ValueError):
        InpaintingModel(gen, [1.0], shift="plain", expert=expert, plain_gate=[16 / 255, 8 / 255, 0.1, 0.2])
