import os

import pytest
import torch
import torch.nn.functional as F

from conftest import SHARED
from misf.network import (InpaintingModel, MISFGenerator, expand_feature_kernels, filter_taps,
                          load_release_state)

REFERENCE = os.path.join(SHARED, "reference", "misf-generator-state-dict.tsv")


def reference_table():
    with open(REFERENCE) as f:
        rows = [line.rstrip("\n").split("\t") for line in f][1:]
    return [(k, tuple(int(d) for d in s.split("x"))) for k, s in rows]


@pytest.mark.skipif(not os.path.exists(REFERENCE), reason="shared reference table not present")
def test_state_dict_names_and_shapes_match_the_release_exactly():
    ours = [(k, tuple(v.shape)) for k, v in MISFGenerator(64).state_dict().items()]
    assert sorted(ours) == sorted(reference_table())
    assert sum(v.numel() for v in MISFGenerator(64).state_dict().values()) == 23_059_493


def test_release_format_checkpoint_loads_strictly(tmp_path):
    torch.manual_seed(0)
    src = MISFGenerator(8, 2)
    path = tmp_path / "gen.pth"
    torch.save({"iteration": 123, "generator": src.state_dict()}, path)
    dst = MISFGenerator(8, 2)
    load_release_state(dst, torch.load(path))
    for (k, a), (_, b) in zip(src.state_dict().items(), dst.state_dict().items()):
        assert torch.equal(a, b), k


def test_checkpoint_with_a_missing_key_is_refused():
    sd = MISFGenerator(8, 2).state_dict()
    del sd["kpn_model.kernels.weight"]
    with pytest.raises(RuntimeError, match="kpn_model.kernels.weight"):
        load_release_state(MISFGenerator(8, 2), {"generator": sd})


@pytest.mark.parametrize("h,w", [(36, 52), (64, 20), (16, 16)])
def test_non_square_inputs_keep_their_shape(h, w):
    g = MISFGenerator(8, 2).eval()
    with torch.no_grad():
        out = g(torch.rand(2, 4, h, w))
    assert out.shape == (2, 3, h, w)
    assert out.min() >= 0 and out.max() <= 1


def test_kernel_index_rule_is_nearest_interpolation_along_channels():
    torch.manual_seed(1)
    width = 8
    channels = 4 * width
    k = torch.randn(2, 9 * width, 5, 6)
    expanded = expand_feature_kernels(k, channels)
    assert expanded.shape == (2, 9 * channels, 5, 6)
    for n in range(channels):
        for t in range(9):
            assert torch.equal(expanded[:, 9 * n + t], k[:, (9 * n + t) // 4])
    # what the release does: nearest interpolation of the channel axis from 9w to 36w channels
    nearest = F.interpolate(k.unsqueeze(1), size=(9 * channels, 5, 6), mode="nearest").squeeze(1)
    assert torch.equal(expanded, nearest)


def test_filter_taps_is_a_zero_padded_3x3_neighbourhood_sum():
    torch.manual_seed(2)
    b, c, h, w = 1, 2, 4, 5
    feat = torch.randn(b, c, h, w)
    weights = torch.randn(b, 9 * c, h, w)
    got = filter_taps(feat, weights)
    want = torch.zeros_like(feat)
    for n in range(c):
        for y in range(h):
            for x in range(w):
                s = 0.0
                for t in range(9):
                    yy, xx = y + t // 3 - 1, x + t % 3 - 1
                    if 0 <= yy < h and 0 <= xx < w:
                        s += weights[0, 9 * n + t, y, x] * feat[0, n, yy, xx]
                want[0, n, y, x] = s
    assert torch.allclose(got, want, atol=1e-6)


def test_known_pixels_are_copied_and_holes_filled():
    torch.manual_seed(3)
    model = InpaintingModel(MISFGenerator(8, 2)).eval()
    image = torch.rand(1, 3, 32, 44)
    mask = torch.zeros(1, 1, 32, 44)
    mask[..., 8:20, 10:30] = 1
    with torch.no_grad():
        out = model(image, mask)
    keep = (mask == 0).expand_as(image)
    assert torch.equal(out[keep], image[keep])
    assert not torch.allclose(out[~keep], image[~keep])


PARITY = os.path.join(os.path.dirname(__file__), "fixtures", "official_parity_w64.npz")


def test_same_output_as_the_authors_network():
    """The fixture holds an input and the output of the authors' released InpaintGenerator (their code,
    run outside this repository) with the weights of ``torch.manual_seed(0); MISFGenerator(64)`` loaded
    strictly into it. Our network with the same weights must give the same output."""
    import numpy as np
    data = np.load(PARITY)
    torch.manual_seed(0)
    ours = MISFGenerator(64).eval()
    with torch.no_grad():
        out = ours(torch.from_numpy(data["x"])).numpy()
    assert np.abs(out - data["official"]).max() <= 1e-5


def test_boundary_correction_removes_a_colour_offset_in_thin_holes_and_leaves_big_hole_middles():
    from misf.network import boundary_correction
    torch.manual_seed(0)
    image = torch.rand(1, 3, 96, 96)
    mask = torch.zeros(1, 1, 96, 96)
    mask[:, :, 10:13, :] = 1          # a 3 px crack
    mask[:, :, 40:96, 40:96] = 1      # a large hole
    prediction = image + 0.1  # the generator's colour is off by 0.1 everywhere
    fixed = prediction + boundary_correction(image, prediction, mask, [1.0, 2.0, 4.0], 0.1)
    crack = mask.clone()
    crack[:, :, 40:, :] = 0
    assert (fixed - image)[crack.expand_as(image) > 0].abs().max() < 1e-5  # the offset is gone in the crack
    assert torch.allclose(fixed[:, :, 80:, 80:], prediction[:, :, 80:, 80:])  # far from every known pixel: untouched
    assert torch.equal(boundary_correction(image, prediction, mask, [1.0], 0.1) * (1 - mask),
                       torch.zeros_like(image))  # known pixels never change


@pytest.mark.parametrize("scales,flip", [([], False), ([1.0, 2.0, 4.0], False), ([1.0, 2.0], True)])
def test_scripted_package_model_matches_eager_with_its_inference_options(scales, flip):
    torch.manual_seed(6)
    gen = MISFGenerator(8, 2).eval()
    eager = InpaintingModel(gen, scales, flip).eval()
    scripted = torch.jit.script(eager)
    image = torch.rand(1, 3, 40, 72)
    mask = (torch.rand(1, 1, 40, 72) > 0.8).float()
    with torch.no_grad():
        got, want = scripted(image, mask), eager(image, mask)
    assert (got - want).abs().max() <= 1e-6
    assert torch.equal(got * (1 - mask), image * (1 - mask))
    if not scales and not flip:  # the release's compositing, bit for bit
        with torch.no_grad():
            plain = gen(torch.cat([image * (1 - mask), mask], 1)) * mask + image * (1 - mask)
        assert torch.equal(got, plain)
