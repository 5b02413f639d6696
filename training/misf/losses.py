"""Training losses: hole-weighted L1 (release), nsgan with a spectral-norm PatchGAN discriminator,
and SqueezeNet-feature perceptual/style losses standing in for the release's VGG19 ones."""
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.nn.utils import spectral_norm

from .squeezenet import SqueezeTaps, load_features


class PatchDiscriminator(nn.Module):
    """PatchGAN: 4x4 convs 3->64->128->256 (stride 2) ->512 (stride 1) ->1 (stride 1), LeakyReLU 0.2, spectral norm."""

    def __init__(self, in_ch: int = 3):
        super().__init__()
        def sn(i, o, s):
            return spectral_norm(nn.Conv2d(i, o, 4, stride=s, padding=1, bias=False))
        self.conv1 = nn.Sequential(sn(in_ch, 64, 2), nn.LeakyReLU(0.2, True))
        self.conv2 = nn.Sequential(sn(64, 128, 2), nn.LeakyReLU(0.2, True))
        self.conv3 = nn.Sequential(sn(128, 256, 2), nn.LeakyReLU(0.2, True))
        self.conv4 = nn.Sequential(sn(256, 512, 1), nn.LeakyReLU(0.2, True))
        self.conv5 = nn.Sequential(sn(512, 1, 1))

    def forward(self, x):
        return self.conv5(self.conv4(self.conv3(self.conv2(self.conv1(x)))))


def nsgan_loss(logits: torch.Tensor, real: bool) -> torch.Tensor:
    target = torch.ones_like(logits) if real else torch.zeros_like(logits)
    return F.binary_cross_entropy_with_logits(logits, target)


def hole_weighted_l1(output: torch.Tensor, target: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
    """The release's L1: mean |output - target| over the whole image, divided by the mean of the mask."""
    return F.l1_loss(output, target) / mask.mean().clamp_min(1e-3)


def gram(x: torch.Tensor) -> torch.Tensor:
    b, c, h, w = x.shape
    f = x.reshape(b, c, h * w)
    return f.bmm(f.transpose(1, 2)) / (c * h * w)


class SqueezeFeatureLoss(nn.Module):
    """Perceptual (L1 between features) and style (L1 between Gram matrices) on frozen SqueezeNet 1.1 taps."""

    MEAN = (0.485, 0.456, 0.406)
    STD = (0.229, 0.224, 0.225)

    def __init__(self, backbone_path: str, taps: int = 5):
        super().__init__()
        self.net = SqueezeTaps(load_features(backbone_path)).eval()
        for p in self.net.parameters():
            p.requires_grad_(False)
        self.taps = taps
        self.register_buffer("mean", torch.tensor(self.MEAN).view(1, 3, 1, 1))
        self.register_buffer("std", torch.tensor(self.STD).view(1, 3, 1, 1))

    def forward(self, output: torch.Tensor, target: torch.Tensor):
        fo = self.net((output - self.mean) / self.std)[: self.taps]
        with torch.no_grad():
            ft = self.net((target - self.mean) / self.std)[: self.taps]
        perceptual = sum(F.l1_loss(a, b) for a, b in zip(fo, ft)) / len(fo)
        style = sum(F.l1_loss(gram(a), gram(b)) for a, b in zip(fo, ft)) / len(fo)
        return perceptual, style


def ssim_map(a: torch.Tensor, b: torch.Tensor, window: int = 7, data_range: float = 1.0) -> torch.Tensor:
    """SSIM map as scikit-image computes it by default: a uniform window x window mean, sample covariance
    (N / (N - 1)), K1 = 0.01, K2 = 0.03, per channel. Valid windows only, so the map is (H-6) x (W-6)."""
    n = window * window
    cov = n / (n - 1)
    mean = lambda t: F.avg_pool2d(t, window, stride=1)  # noqa: E731
    ua, ub = mean(a), mean(b)
    vaa = cov * (mean(a * a) - ua * ua)
    vbb = cov * (mean(b * b) - ub * ub)
    vab = cov * (mean(a * b) - ua * ub)
    c1, c2 = (0.01 * data_range) ** 2, (0.03 * data_range) ** 2
    return ((2 * ua * ub + c1) * (2 * vab + c2)) / ((ua * ua + ub * ub + c1) * (vaa + vbb + c2))


def hole_ssim_loss(composite: torch.Tensor, target: torch.Tensor, mask: torch.Tensor, window: int = 7) -> torch.Tensor:
    """1 - SSIM averaged over the windows that touch the hole (the others are exactly 1 on a composite)."""
    s = ssim_map(composite, target, window)
    touches = F.max_pool2d(mask, window, stride=1)
    return ((1 - s) * touches).sum() / (3 * touches.sum()).clamp_min(1.0)
