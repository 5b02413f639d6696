"""The SSIM training loss is the evaluation's SSIM (scikit-image defaults), and only looks at the hole."""
import numpy as np
import pytest
import torch
from skimage.metrics import structural_similarity

from misf.losses import hole_ssim_loss, ssim_map


def as_tensor(img: np.ndarray) -> torch.Tensor:
    return torch.from_numpy(img.astype(np.float64)).permute(2, 0, 1)[None]


@pytest.mark.parametrize("h, w", [(40, 56), (33, 21)])
def test_ssim_map_mean_is_scikit_image_default_ssim(h, w):
    rng = np.random.default_rng(h * w)
    a = rng.integers(0, 256, (h, w, 3)).astype(np.uint8)
    b = np.clip(a.astype(int) + rng.integers(-40, 40, a.shape), 0, 255).astype(np.uint8)
    ours = ssim_map(as_tensor(a), as_tensor(b), data_range=255.0).mean().item()
    theirs = structural_similarity(a, b, channel_axis=2, data_range=255)
    assert ours == pytest.approx(theirs, abs=1e-9)


def test_hole_ssim_loss_ignores_windows_away_from_the_hole():
    rng = np.random.default_rng(1)
    truth = torch.from_numpy(rng.random((1, 3, 32, 32)))
    mask = torch.zeros(1, 1, 32, 32, dtype=torch.float64)
    mask[..., 10:14, 10:14] = 1
    wrong = truth.clone()
    wrong[..., 10:14, 10:14] = 0.5
    far = wrong.clone()
    far[..., 28:, 28:] = 0.0  # damage far from the hole changes nothing
    assert hole_ssim_loss(truth, truth, mask).item() == pytest.approx(0.0, abs=1e-12)
    loss = hole_ssim_loss(wrong, truth, mask).item()
    assert loss > 0.05
    assert hole_ssim_loss(far, truth, mask).item() == pytest.approx(loss, abs=1e-12)
