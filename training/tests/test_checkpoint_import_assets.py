"""The skeletons and fixtures the Java checkpoint importer ships still match training/misf/network.py.

Run: /usr/bin/python3 -m pytest training/tests
"""
import gzip
import io
import os
import sys

import numpy as np
import pytest
import torch

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "training"))
from misf.network import InpaintingModel, MISFGenerator, load_release_state  # noqa: E402
from make_checkpoint_fixtures import SIZES  # noqa: E402
from make_checkpoint_fixtures import test_pair as make_pair  # noqa: E402

RES = os.path.join(ROOT, "src", "{}", "resources", "org", "misf", "checkpoint")
SKELETONS = {
    64: os.path.join(RES.format("main"), "skeletons", "misf-w64-b8.pt.gz"),
    32: os.path.join(RES.format("main"), "skeletons", "misf-w32-b8.pt.gz"),
    16: os.path.join(RES.format("main"), "skeletons", "misf-w16-b8.pt.gz"),
    8: os.path.join(RES.format("test"), "skeletons", "misf-w8-b8.pt.gz"),
}
FIXTURES = os.path.join(RES.format("test"), "fixtures")


@pytest.mark.parametrize("width", sorted(SKELETONS))
def test_skeleton_is_zero_and_computes_like_the_network(width):
    with gzip.open(SKELETONS[width], "rb") as f:
        scripted = torch.jit.load(io.BytesIO(f.read()))
    gen = MISFGenerator(width).eval()
    skeleton_state = {k[len("generator."):]: v for k, v in scripted.state_dict().items()}
    assert list(skeleton_state) == list(gen.state_dict())
    assert all(skeleton_state[k].shape == v.shape for k, v in gen.state_dict().items())
    assert all(float(v.abs().max()) == 0 for v in skeleton_state.values())
    if width == 64:
        assert sum(v.numel() for v in skeleton_state.values()) == 23059493
    # filled with the network's weights, the skeleton's code gives the eager network's output
    torch.manual_seed(5)
    gen = MISFGenerator(width).eval()
    scripted.generator.load_state_dict(gen.state_dict())
    image, mask = make_pair(48, 80)
    with torch.no_grad():
        diff = (scripted(image, mask) - InpaintingModel(gen).eval()(image, mask)).abs().max().item()
    assert diff <= 1e-5


@pytest.mark.parametrize("size", SIZES)
def test_committed_expected_outputs_are_the_eager_network(size):
    h, w = size
    gen = MISFGenerator(8).eval()
    load_release_state(gen, torch.load(os.path.join(FIXTURES, "misf-w8-seed1234.pth"), map_location="cpu"))
    image = torch.from_numpy(np.load(os.path.join(FIXTURES, f"input_image_{h}x{w}.npy")))
    mask = torch.from_numpy(np.load(os.path.join(FIXTURES, f"input_mask_{h}x{w}.npy")))
    expected = np.load(os.path.join(FIXTURES, f"expected_{h}x{w}.npy"))
    with torch.no_grad():
        got = InpaintingModel(gen).eval()(image, mask).numpy()
    assert np.abs(got - expected).max() <= 1e-5
