"""SqueezeNet 1.1 ``features`` (torchvision layout), the one pretrained ImageNet backbone available here.

Used for LPIPS v0.1 (SqueezeNet) and as a stand-in for the release's VGG19 perceptual/style losses.
"""
from typing import List

import torch
import torch.nn as nn

# LPIPS v0.1 splits the features after these module indices: [0,2) [2,5) [5,8) [8,10) [10,11) [11,12) [12,13)
LPIPS_SLICES = [(0, 2), (2, 5), (5, 8), (8, 10), (10, 11), (11, 12), (12, 13)]
LPIPS_CHANNELS = [64, 128, 256, 384, 384, 512, 512]


class Fire(nn.Module):
    def __init__(self, in_ch: int, squeeze: int, expand1x1: int, expand3x3: int):
        super().__init__()
        self.squeeze = nn.Conv2d(in_ch, squeeze, 1)
        self.squeeze_activation = nn.ReLU(inplace=True)
        self.expand1x1 = nn.Conv2d(squeeze, expand1x1, 1)
        self.expand1x1_activation = nn.ReLU(inplace=True)
        self.expand3x3 = nn.Conv2d(squeeze, expand3x3, 3, padding=1)
        self.expand3x3_activation = nn.ReLU(inplace=True)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = self.squeeze_activation(self.squeeze(x))
        return torch.cat([self.expand1x1_activation(self.expand1x1(x)),
                          self.expand3x3_activation(self.expand3x3(x))], 1)


def squeezenet11_features() -> nn.Sequential:
    return nn.Sequential(
        nn.Conv2d(3, 64, 3, stride=2), nn.ReLU(inplace=True),
        nn.MaxPool2d(3, 2, ceil_mode=True),
        Fire(64, 16, 64, 64), Fire(128, 16, 64, 64),
        nn.MaxPool2d(3, 2, ceil_mode=True),
        Fire(128, 32, 128, 128), Fire(256, 32, 128, 128),
        nn.MaxPool2d(3, 2, ceil_mode=True),
        Fire(256, 48, 192, 192), Fire(384, 48, 192, 192),
        Fire(384, 64, 256, 256), Fire(512, 64, 256, 256))


def load_features(path: str) -> nn.Sequential:
    features = squeezenet11_features()
    state = torch.load(path, map_location="cpu")
    features.load_state_dict(state, strict=True)
    return features


class SqueezeTaps(nn.Module):
    """SqueezeNet 1.1 features returning the 7 LPIPS taps. Input: RGB already scaled for the network."""

    def __init__(self, features: nn.Sequential):
        super().__init__()
        self.slices = nn.ModuleList([nn.Sequential(*[features[i] for i in range(a, b)]) for a, b in LPIPS_SLICES])

    def forward(self, x: torch.Tensor) -> List[torch.Tensor]:
        taps: List[torch.Tensor] = []
        for s in self.slices:
            x = s(x)
            taps.append(x)
        return taps
