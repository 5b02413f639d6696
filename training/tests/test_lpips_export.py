"""LPIPS v0.1 export: reference values, the shipped package, and the other backbones' wiring."""
import hashlib
import os
import sys

import numpy as np
import pytest
import torch
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.dirname(HERE))
import lpips_export as le  # noqa: E402

REF = os.path.join(ROOT, "..", "shared", "reference", "lpips")
PACKAGE = os.path.join(ROOT, "models", "lpips-squeeze-v0.1")
needs_ref = pytest.mark.skipif(not os.path.exists(os.path.join(REF, "squeeze.backbone.pth")),
                               reason="../shared/reference/lpips is not here")


@pytest.fixture(scope="module")
def squeeze():
    return le.build("squeeze", le.load_state(os.path.join(REF, "squeeze.backbone.pth")),
                    le.load_state(os.path.join(REF, "squeeze.v0.1.lin.pth")))


@needs_ref
def test_reference_values(squeeze):
    ref, p0, p1 = (le.load_image(os.path.join(REF, f"ex_{n}.png")) for n in ("ref", "p0", "p1"))
    with torch.no_grad():
        d = squeeze(torch.cat([ref, ref, ref]), torch.cat([p0, p1, ref]))
    # README of the reference: 0.711048, 0.147902 (6 decimals), 0 on identical images
    assert abs(d[0].item() - 0.711048) < 1e-6
    assert abs(d[1].item() - 0.147902) < 1e-6
    assert d[2].item() == 0.0


@needs_ref
def test_symmetric_and_odd_non_square(squeeze):
    g = torch.Generator().manual_seed(0)
    a = torch.rand(2, 3, 47, 61, generator=g) * 2 - 1
    b = torch.rand(2, 3, 47, 61, generator=g) * 2 - 1
    with torch.no_grad():
        ab, ba = squeeze(a, b), squeeze(b, a)
    assert ab.shape == (2,)
    assert torch.allclose(ab, ba, atol=1e-6)
    assert (ab > 0).all()


@needs_ref
def test_shipped_package_replays(squeeze):
    with open(os.path.join(PACKAGE, "model.yaml")) as f:
        desc = yaml.safe_load(f)
    assert desc["backbone"] == "SqueezeNet 1.1" and desc["version"] == "LPIPS v0.1"
    with open(os.path.join(PACKAGE, "model.pt"), "rb") as f:
        assert hashlib.sha256(f.read()).hexdigest() == desc["weights"]["sha256"]
    a = torch.from_numpy(np.load(os.path.join(PACKAGE, "test_input_a.npy")))
    b = torch.from_numpy(np.load(os.path.join(PACKAGE, "test_input_b.npy")))
    expected = np.load(os.path.join(PACKAGE, "test_output.npy"))
    with torch.no_grad():
        scripted = torch.jit.load(os.path.join(PACKAGE, "model.pt"))(a, b).numpy()
        eager = squeeze(a, b).numpy()
    np.testing.assert_allclose(scripted, expected, atol=1e-6)
    np.testing.assert_allclose(eager, expected, atol=1e-6)
    np.testing.assert_allclose(expected, [0.711048, 0.147902], atol=1e-6)


@pytest.mark.parametrize("net", ["alex", "vgg"])
def test_other_backbones_script_like_eager(net, tmp_path):
    """AlexNet/VGG backbones are not available here: check the wiring with random weights."""
    torch.manual_seed(1)
    _, factory, slices, channels = le.BACKBONES[net]
    features = factory()
    full = {"features." + k: v for k, v in features.state_dict().items()}
    full["classifier.1.weight"] = torch.zeros(2, 2)  # a torchvision classification dict: ignored
    lin = {f"lin{k}.model.1.weight": torch.rand(1, c, 1, 1) for k, c in enumerate(channels)}
    model = le.build(net, full, lin)
    le.export(model, net, str(tmp_path), sources={})
    a = torch.from_numpy(np.load(tmp_path / "test_input_a.npy"))
    b = torch.from_numpy(np.load(tmp_path / "test_input_b.npy"))
    with torch.no_grad():
        got = torch.jit.load(str(tmp_path / "model.pt"))(a, b)
    assert got.shape == (2,)
    np.testing.assert_allclose(got.numpy(), np.load(tmp_path / "test_output.npy"), atol=1e-6)
    with open(tmp_path / "model.yaml") as f:
        assert yaml.safe_load(f)["name"] == {"alex": "LPIPS v0.1 (AlexNet)", "vgg": "LPIPS v0.1 (VGG16)"}[net]


def test_wrong_lin_weights_are_refused():
    lin = {f"lin{k}.model.1.weight": torch.rand(1, c, 1, 1) for k, c in enumerate(le.BACKBONES["alex"][3])}
    with pytest.raises(SystemExit, match="lin0|lin5|shape"):
        le.build("squeeze", {k: v for k, v in le.squeezenet11_features().state_dict().items()}, lin)
