"""The MISF generator, with the module tree and state-dict names of the authors' release.

Width (64 in the release) and the number of residual blocks (8) are parameters, so that lighter
variants share this code. Input: ``cat(image * (1 - mask), mask)`` with image RGB in [0, 1] and
mask 1 = hole; H and W must be multiples of 4 (any aspect ratio). Output: RGB in [0, 1]
(not yet composited with the known pixels).
"""
from typing import List, Optional, Tuple

import torch
import torch.nn as nn
import torch.nn.functional as F


def filter_taps(features: torch.Tensor, weights: torch.Tensor) -> torch.Tensor:
    """Per-pixel 3x3 filtering with zero padding.

    ``weights`` has 9 channels per feature channel, ordered ``9 * n + t`` with tap ``t = 3 * i + j``
    for row offset ``i - 1`` and column offset ``j - 1``. No normalisation, no bias.
    """
    b, c, h, w = features.shape
    taps = weights.reshape(b, c, 9, h, w)
    padded = F.pad(features, [1, 1, 1, 1])
    out = torch.zeros_like(features)
    for t in range(9):
        i = t // 3
        j = t % 3
        out = out + taps[:, :, t] * padded[:, :, i:i + h, j:j + w]
    return out


def expand_feature_kernels(kernels: torch.Tensor, channels: int) -> torch.Tensor:
    """Expand the predicted kernels to 9 per feature channel: weight ``9n + t`` is ``kernels[(9n + t) // 4]``.

    This is exactly what the release's nearest-neighbour interpolation along the channel axis
    (576 -> 2304 channels for width 64) does.
    """
    index = torch.div(torch.arange(9 * channels, device=kernels.device), 4, rounding_mode="floor")
    return kernels.index_select(1, index)


class Basic(nn.Module):
    """Three 3x3 convolutions (padding 1), each followed by ReLU."""

    def __init__(self, in_ch: int, out_ch: int):
        super().__init__()
        self.conv1 = nn.Sequential(
            nn.Conv2d(in_ch, out_ch, 3, padding=1), nn.ReLU(),
            nn.Conv2d(out_ch, out_ch, 3, padding=1), nn.ReLU(),
            nn.Conv2d(out_ch, out_ch, 3, padding=1), nn.ReLU(),
        )

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.conv1(x)


class KernelPredictionBranch(nn.Module):
    """The KPB (``kpn_model``): predicts the feature-level and the image-level kernels."""

    def __init__(self, width: int = 64, in_ch: int = 4):
        super().__init__()
        w = width
        self.conv1 = Basic(in_ch, w)
        self.conv2 = Basic(w, 2 * w)
        self.conv3 = Basic(4 * w, 4 * w)
        self.conv4 = Basic(4 * w, 8 * w)
        self.conv7 = Basic(12 * w, 4 * w)
        self.conv8 = Basic(8 * w, 2 * w)
        self.conv9 = Basic(3 * w, w)
        self.kernels = nn.Conv2d(4 * w, 9 * w, 1)
        self.core_img = nn.Conv2d(w, 27, 1)
        # Present in the released state dict, unused by the released forward pass.
        self.conv_final = nn.Conv2d(12, 3, 3, padding=1)

    def forward(self, x: torch.Tensor, skip: torch.Tensor) -> Tuple[torch.Tensor, torch.Tensor]:
        conv1 = self.conv1(x)
        conv2 = torch.cat([self.conv2(F.avg_pool2d(conv1, 2)), skip], dim=1)
        conv3 = self.conv3(F.avg_pool2d(conv2, 2))
        kernels = self.kernels(conv3)
        conv4 = self.conv4(conv3)
        conv7 = self.conv7(torch.cat([conv3, conv4], dim=1))
        up7 = F.interpolate(conv7, size=[conv2.shape[2], conv2.shape[3]], mode="bilinear", align_corners=False)
        conv8 = self.conv8(torch.cat([conv2, up7], dim=1))
        up8 = F.interpolate(conv8, size=[conv1.shape[2], conv1.shape[3]], mode="bilinear", align_corners=False)
        conv9 = self.conv9(torch.cat([conv1, up8], dim=1))
        return kernels, self.core_img(conv9)


class ResnetBlock(nn.Module):
    def __init__(self, dim: int, dilation: int = 2):
        super().__init__()
        self.conv_block = nn.Sequential(
            nn.ReflectionPad2d(dilation),
            nn.Conv2d(dim, dim, 3, dilation=dilation),
            nn.InstanceNorm2d(dim, track_running_stats=False),
            nn.ReLU(True),
            nn.ReflectionPad2d(1),
            nn.Conv2d(dim, dim, 3),
            nn.InstanceNorm2d(dim, track_running_stats=False),
        )

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x + self.conv_block(x)


class MISFGenerator(nn.Module):
    """MISF generator: SIFB encoder, KPB, feature-level filtering, residual middle, decoder, image-level filtering."""

    def __init__(self, width: int = 64, residual_blocks: int = 8):
        super().__init__()
        w = width
        self.width = width
        self.residual_blocks = residual_blocks
        self.encoder0 = nn.Sequential(
            nn.ReflectionPad2d(3), nn.Conv2d(4, w, 7),
            nn.InstanceNorm2d(w, track_running_stats=False), nn.ReLU(True))
        self.encoder1 = nn.Sequential(
            nn.Conv2d(w, 2 * w, 4, stride=2, padding=1),
            nn.InstanceNorm2d(2 * w, track_running_stats=False), nn.ReLU(True))
        self.encoder2 = nn.Sequential(
            nn.Conv2d(2 * w, 4 * w, 4, stride=2, padding=1),
            nn.InstanceNorm2d(4 * w, track_running_stats=False), nn.ReLU(True))
        self.middle = nn.Sequential(*[ResnetBlock(4 * w) for _ in range(residual_blocks)])
        self.decoder = nn.Sequential(
            nn.ConvTranspose2d(4 * w, 2 * w, 4, stride=2, padding=1),
            nn.InstanceNorm2d(2 * w, track_running_stats=False), nn.ReLU(True),
            nn.ConvTranspose2d(2 * w, w, 4, stride=2, padding=1),
            nn.InstanceNorm2d(w, track_running_stats=False), nn.ReLU(True),
            nn.ReflectionPad2d(3), nn.Conv2d(w, 3, 7))
        self.kpn_model = KernelPredictionBranch(w)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """``x``: (B, 4, H, W) = cat(image * (1 - mask), mask). Returns the raw prediction in [0, 1]."""
        inputs = x
        x = self.encoder0(x)
        x = self.encoder1(x)
        kernels, kernels_img = self.kpn_model(inputs, x)
        x = self.encoder2(x)
        x = filter_taps(x, expand_feature_kernels(kernels, x.shape[1]))
        x = self.middle(x)
        x = self.decoder(x)
        x = filter_taps(x, kernels_img)
        return (torch.tanh(x) + 1) / 2


def gaussian_blur(x: torch.Tensor, sigma: float) -> torch.Tensor:
    """Separable Gaussian blur (radius 3 sigma) with zero padding, channel by channel."""
    r = int(3 * sigma + 0.5)
    t = torch.arange(-r, r + 1, dtype=x.dtype, device=x.device)
    k = torch.exp(-t * t / (2 * sigma * sigma))
    k = k / k.sum()
    c = x.shape[1]
    x = F.conv2d(x, k.view(1, 1, 1, -1).repeat(c, 1, 1, 1), padding=(0, r), groups=c)
    return F.conv2d(x, k.view(1, 1, -1, 1).repeat(c, 1, 1, 1), padding=(r, 0), groups=c)


def smooth_fill(fill: torch.Tensor, sigma: float) -> torch.Tensor:
    """``fill`` blurred by a Gaussian of ``sigma`` px, normalised at the image's edges (no darkening there).

    Used on the plain expert's fill (``InpaintingModel(expert_smooth=...)``): where the ring around a hole is plain,
    the expert's fine detail is noise of its own, not the image's; at the ends of the range it is clipped, so it turns
    into a bias (a near-black ground filled 0.4 grey levels too light on average, a near-white one too dark). Measured
    in Python on the plainest spot of every held-out image, windows sized as the Java planner sizes them: 16 px
    discs, ours - Navier-Stokes on the cases whose gate opens, paintings +0.25 -> +0.05 (sigma 4), photos +0.10 ->
    +0.02, faces +0.11 -> 0.00."""
    return gaussian_blur(fill, sigma) / gaussian_blur(torch.ones_like(fill[:, :1]), sigma)


def boundary_correction(image: torch.Tensor, prediction: torch.Tensor, mask: torch.Tensor,
                        scales: List[float], confidence: float) -> torch.Tensor:
    """The generator's smooth colour error near each hole, to add to its prediction inside the hole.

    The generator also re-draws the known pixels; there its error (image - prediction) is measured. That error is
    spread into the hole by normalised convolution (Gaussian-weighted mean over known pixels), finest scale first:
    a pixel takes the finest scale with enough known neighbours (weight >= ``confidence``), coarser scales fill in
    the rest, and the middle of a large hole far from every scale keeps the generator's own colour. This anchors
    the fill to the real colours at the hole's edge (like the Poisson blending used after GLCIC), which matters
    most for thin cracks and small spots; the fill's content still comes from the network.
    """
    known = 1 - mask
    correction, _ = spread_from_known((image - prediction) * known, known, scales, confidence)
    return correction * mask


def spread_from_known(values: torch.Tensor, known: torch.Tensor, scales: List[float],
                      confidence: float) -> Tuple[torch.Tensor, torch.Tensor]:
    """``values`` (zero where not known) spread by normalised convolution, finest scale first: each pixel takes the
    finest scale with enough known neighbours (weight >= ``confidence``), coarser scales fill in the rest. Returns
    the spread values and the share of each pixel no scale reached (1 = none)."""
    spread = torch.zeros_like(values)
    left = torch.ones_like(known)
    for sigma in scales:
        weight = gaussian_blur(known, sigma)
        share = (weight / confidence).clamp(max=1.0)
        spread = spread + left * share * gaussian_blur(values, sigma) / weight.clamp_min(1e-6)
        left = left * (1 - share)
    return spread, left


def colour_shift(image: torch.Tensor, mask: torch.Tensor, limited: bool = True) -> torch.Tensor:
    """Per image and channel, the shift (B,3,1,1) that moves the known pixels' mean colour to mid-grey.

    The network's instance norms see a ground's colour only through its contrast with the zeroed hole, so a plain
    ground far from mid-grey (white paper, a black field, vermilion) is an input it was never trained on. Shifting
    the known pixels by this amount before the generator and back after makes every plain ground the same mid-grey
    one. ``limited``: the shift never moves a known pixel out of [0, 1] (a window with the full range is not
    shifted), so the generator only ever sees values it was trained on.
    """
    known = 1 - mask
    count = known.sum(dim=[2, 3], keepdim=True).clamp_min(1.0)
    mean = (image * known).sum(dim=[2, 3], keepdim=True) / count
    shift = 0.5 - mean
    if limited:
        lo = torch.where(known > 0, image, torch.ones_like(image)).amin(dim=[2, 3], keepdim=True)
        hi = torch.where(known > 0, image, torch.zeros_like(image)).amax(dim=[2, 3], keepdim=True)
        shift = torch.maximum(torch.minimum(shift, 1 - hi), -lo)
    return shift


def local_texture(image: torch.Tensor, known: torch.Tensor) -> torch.Tensor:
    """Each known pixel's texture (B,1,H,W): the standard deviation of the known pixels within about 2 px
    (Gaussian-weighted, sigma 2), the largest over the channels. Scan noise of n grey levels gives about n/255."""
    near = gaussian_blur(known, 2.0).clamp_min(1e-6)
    local = gaussian_blur(image * known, 2.0) / near
    texture = (gaussian_blur(image * image * known, 2.0) / near - local * local).clamp_min(0.0)
    return texture.amax(dim=1, keepdim=True).sqrt()


PLAIN_GATE = [4.0 / 255, 8.0 / 255, 20.0 / 255, 32.0 / 255]
"""The plain gate (:func:`plain_ring`), two tests of the ring around the holes, each a pair (plain up to, not plain
from; linear between). Its mean texture: scan noise is plain, structure is not. The spread of its colours (their
standard deviation, largest over the channels): a ring within the first value holds one ground (a flat colour, or a
gradient: a sky gradient around a 64 px loss spreads 17 grey levels), from the second on it holds two or more (a
painting's edge against a black letterbox border, whose texture alone reads plain)."""

RING_PX = 8
"""The ring around the holes the plain shift looks at: known pixels within this many px of a hole pixel."""


def plain_ring(image: torch.Tensor, mask: torch.Tensor, gate: List[float],
               ring_px: int = RING_PX, grain: Optional[List[float]] = None) -> Tuple[torch.Tensor, torch.Tensor]:
    """How plain the holes' surroundings are, per image: (weight (B,1,1,1), colour (B,3,1,1)).

    The ring is the known pixels within ``ring_px`` of a hole pixel. Its mean texture (:func:`local_texture`) gives
    1 up to ``gate[0]``, 0 from ``gate[1]``, linear between, so that images with structure around their holes (nearly
    all photos and paintings) get 0; the spread of its colours gives the same with ``gate[2:]`` (two grounds meeting
    are not one plain ground); ``weight`` is their product (``PLAIN_GATE``). ``colour`` is the ring's mean colour.
    ``grain`` (``GRAIN_GATE``'s layout; None = off) also opens it on one ground with grain: a ring whose colours
    spread no more than its texture (the spread over the texture up to ``grain[0]``, none from ``grain[1]``), with
    texture up to ``grain[2]`` (none from ``grain[3]``); the weight is the larger of the two."""
    known = 1 - mask
    texture = local_texture(image, known)
    ring = (F.max_pool2d(mask, 2 * ring_px + 1, stride=1, padding=ring_px) > 0).to(image.dtype) * known
    count = ring.sum(dim=[2, 3], keepdim=True).clamp_min(1.0)
    ring_texture = (texture * ring).sum(dim=[2, 3], keepdim=True) / count
    ring_colour = (image * ring).sum(dim=[2, 3], keepdim=True) / count
    ring_spread = (((image - ring_colour) ** 2 * ring).sum(dim=[2, 3], keepdim=True) / count).amax(dim=1, keepdim=True)
    weight = ((gate[1] - ring_texture) / (gate[1] - gate[0])).clamp(0.0, 1.0)
    one_ground = ((gate[3] - ring_spread.sqrt()) / (gate[3] - gate[2])).clamp(0.0, 1.0)
    weight = weight * one_ground
    if grain is not None:
        ratio = ring_spread.sqrt() / ring_texture.clamp_min(1e-6)
        stochastic = ((grain[1] - ratio) / (grain[1] - grain[0])).clamp(0.0, 1.0)
        grainy = ((grain[3] - ring_texture) / (grain[3] - grain[2])).clamp(0.0, 1.0)
        weight = torch.maximum(weight, stochastic * grainy)
    return weight, ring_colour


GRAIN_GATE = [1.05, 1.15, 32.0 / 255, 40.0 / 255]
"""A gate for grain (:func:`plain_ring`'s ``grain``): i.i.d. noise on a flat colour has a ring whose colours spread
as much as its texture (spread / texture 0.93-0.99 from 3 to 24 grey levels of noise), while the rings of the
held-out photos and paintings spread at least 1.25 times their texture (2,352 cases, whole images). Up to 32 grey
levels of texture (none from 40)."""


def plain_shift(image: torch.Tensor, mask: torch.Tensor, gate: List[float], ring_px: int = RING_PX) -> torch.Tensor:
    """Per image and channel, the shift (B,3,1,1) that makes a plain ground around the holes mid-grey; zero where the
    holes' surroundings have texture (:func:`plain_ring`'s weight times the way to mid-grey).

    The instance norms of the generator's encoder keep no absolute colour: a plain ground with a hole reaches the
    decoder as the same pattern whatever its colour, and the colour has to be rebuilt from the predicted kernels,
    which the network does badly (a grey blob on white paper). Moved to mid-grey, every plain ground is the same
    input, one the network can be taught to keep flat.
    """
    weight, colour = plain_ring(image, mask, gate, ring_px)
    return weight * (0.5 - colour)


def plain_mixture(image: torch.Tensor, mask: torch.Tensor, gate: List[float], main_shift: str = "off",
                  main_gate: Optional[List[float]] = None,
                  grain: Optional[List[float]] = None) -> Tuple[torch.Tensor, torch.Tensor, torch.Tensor,
                                                                torch.Tensor, torch.Tensor]:
    """The plain expert's share and inputs: (weight (B,1,1,1), shift (B,3,1,1), the main generator's shift (B,3,1,1)
    and input (the image as it is, or moved by :func:`main_shift_of`), the expert's input (the image moved so that the
    ring around its holes is mid-grey)).

    A package with a plain expert (:class:`InpaintingModel`'s ``expert``) runs the main generator, unchanged, where
    the holes' surroundings have texture (weight 0: every photo and painting the main generator was measured on
    gets exactly its fill), the expert, a second MISF generator fine-tuned on plain grounds moved to mid-grey, where
    they are plain (weight 1), and blends the two between. ``main_shift``, ``main_gate``: how the main generator's
    input is moved (:func:`main_shift_of`); ``grain``: :func:`plain_ring`'s grain gate."""
    weight, colour = plain_ring(image, mask, gate, grain=grain)
    shift = 0.5 - colour
    main = main_shift_of(image, mask, main_shift, main_gate)
    return weight, shift, main, shifted_input(image, mask, main, "off"), shifted_input(image, mask, shift, "plain")


NEARLY_PLAIN_GATE = [8.0 / 255, 16.0 / 255, 32.0 / 255, 48.0 / 255]
"""The gate (:func:`plain_ring`'s pairs: ring texture, spread of its colours) of the main generator's colour shift
("nearly-plain", :func:`main_shift_of`): wider than ``PLAIN_GATE``, it opens on a field with some texture (a dark
sky with noise, a lit wall) that the plain expert leaves to the main generator, and stays shut where the ring has
structure."""


def main_shift_of(image: torch.Tensor, mask: torch.Tensor, main_shift: str,
                  gate: Optional[List[float]] = None) -> torch.Tensor:
    """The shift (B,3,1,1) of the main generator's input (and back from its output) beside a plain expert: none
    ("off", packages up to 2.2.0), or "nearly-plain": :func:`colour_shift`'s limited shift (the known pixels' mean
    towards mid-grey, none leaving [0, 1]) times the weight of ``gate`` (``NEARLY_PLAIN_GATE``).

    Why: through the CLI, a 40 px loss in a dark blue sky (urban100_img_067), alone in its 104 px window, came back as
    a grey blob 88 grey levels off (Navier-Stokes 11): the window is a dark field with more texture than the plain
    expert's gate allows, and the main generator, seeing it as it is, cannot keep its colour. Shifted, 9.7. Measured in
    Python on windows sized as the Java planner sizes them (the plainest spot of the 194 held-out photos): 40 px
    6.85 -> 6.21 grey levels (Navier-Stokes 6.18), 16 px 2.53 -> 2.32 (1.96). The same shift on every window cost
    paintings 0.4-1.3 dB (NVIDIA masks, 24 a row), and with a gate of 16-24 / 48-64 grey levels still 0.14-0.30 dB;
    with this gate 0.000 +- 0.000 / -0.013 +- 0.027 dB."""
    if main_shift == "nearly-plain" and gate is not None:
        weight, _ = plain_ring(image, mask, gate)
        return weight * colour_shift(image, mask, True)
    return torch.zeros_like(image[:, :, :1, :1])


def shift_for(image: torch.Tensor, mask: torch.Tensor, shift: str, plain_gate: List[float]) -> torch.Tensor:
    """The colour shift (B,3,1,1) of mode ``shift`` (one of ``SHIFTS``): added to the known pixels before the generator
    and taken off its output. ``plain_gate``: the plain shift's gate (``PLAIN_GATE``)."""
    if shift == "plain":
        return plain_shift(image, mask, plain_gate)
    if shift == "off":
        return torch.zeros_like(image[:, :, :1, :1])
    return colour_shift(image, mask, shift == "limited")


def shifted_input(image: torch.Tensor, mask: torch.Tensor, shift: torch.Tensor, mode: str) -> torch.Tensor:
    """The generator's input: the known pixels shifted (kept in [0, 1] for the plain shift, whose ring colour can push
    far pixels out), the holes zero, the mask."""
    known = image + shift
    if mode == "plain":
        known = known.clamp(0.0, 1.0)
    return torch.cat([known * (1 - mask), mask], dim=1)


def flat_ground_fill(image: torch.Tensor, mask: torch.Tensor, scales: List[float], confidence: float,
                     flat: List[float]) -> Tuple[torch.Tensor, torch.Tensor]:
    """Where a hole lies in a plain ground, the ground's own colour: (fill, weight), both for the hole's pixels.

    A plain ground (paper, plaster, a flat pigment, a sky) holds no structure for the network to continue, and any
    it paints there is wrong; the classical fills, which only spread the edge's colours, are right. Each known pixel
    gets its texture: the standard deviation of the known pixels within about 2 px (largest over channels). Both
    the colours and the texture are spread into the hole by normalised convolution, finest scale with enough known
    neighbours first (as :func:`boundary_correction` spreads its error): ``fill`` is the colour of the hole's
    surroundings, and ``weight`` is 1 where their texture is at most ``flat[0]`` (plain up to scan noise), 0 from
    ``flat[1]`` on (texture, structure: the network's fill stays), linear between.
    """
    known = 1 - mask
    texture = local_texture(image, known)
    both = torch.cat([image, texture], dim=1) * known
    spread, left = spread_from_known(both, known, scales, confidence)
    reached = 1 - left  # 0 where no scale reaches a known pixel: the network's fill stays
    spread = spread / reached.clamp_min(1e-6)
    fill = spread[:, :image.shape[1]]
    plain = ((flat[1] - spread[:, image.shape[1]:]) / (flat[1] - flat[0])).clamp(0.0, 1.0)
    return fill * mask, plain * reached * mask


def option_numbers(text: str, count: int, usage: str) -> Optional[List[float]]:
    """A comma-separated option of exactly ``count`` numbers, as floats; None when empty; ``usage`` is the error."""
    values = [float(v) for v in text.split(",") if v.strip()]
    if not values:
        return None
    if len(values) != count:
        raise ValueError(usage)
    return values


def flat_ground_arg(text: str):
    """--flat-ground's 'LO,HI' in grey levels of 255 as [lo, hi] in [0, 1] units; None when empty."""
    values = option_numbers(text, 2, "--flat-ground takes two numbers, LO,HI (grey levels of 255), e.g. 3,6")
    return None if values is None else [v / 255 for v in values]


def grain_gate_arg(text: str) -> Optional[List[float]]:
    """--grain-gate's 'R0,R1,T0,T1' (spread/texture ratios, then texture in grey levels of 255) in ``GRAIN_GATE``'s
    units; None when empty."""
    values = option_numbers(text, 4, "--grain-gate takes four numbers: spread/texture up to, none from, texture up "
                                     "to, none from (grey levels of 255), e.g. 1.05,1.15,32,40")
    return None if values is None else [values[0], values[1], values[2] / 255, values[3] / 255]


def gate_arg(text: str) -> Optional[List[float]]:
    """--plain-gate's 'T0,T1,S0,S1' in grey levels of 255 as a gate in [0, 1] units (``PLAIN_GATE``'s layout); None
    when empty."""
    values = option_numbers(text, 4, "--plain-gate takes four numbers, grey levels of 255: texture plain up to, not "
                                     "plain from, spread plain up to, not plain from (e.g. 4,8,20,32)")
    return None if values is None else [v / 255 for v in values]


SHIFTS = ("off", "limited", "full", "plain")
MAIN_SHIFTS = ("off", "nearly-plain")


class InpaintingModel(nn.Module):
    """What a model package holds: image (B,3,H,W) in [0,1] and mask (B,1,H,W), 1 = hole -> composited RGB.

    ``boundary_scales`` (e.g. ``[1.0, 2.0, 4.0]``) turns on :func:`boundary_correction`; empty = the release's
    plain compositing (what imported checkpoints use, so the authors' weights give the authors' output).
    ``flip_average`` averages the prediction with that of the mirrored input (costs a second generator pass).
    ``expert``: a second generator for plain grounds (:func:`plain_mixture`; needs ``shift="plain"``), run only where
    the gate opens; ``expert_inverse`` averages its fill with that of the inverted ground (:meth:`expert_fill`);
    ``expert_smooth`` (px, 0 = off) keeps only the smooth part of its fill (:func:`smooth_fill`). ``plain_gate``: the
    plain shift's (and the expert's) gate, [texture plain up to, not plain from, spread up to, from] in [0, 1] units
    (default ``PLAIN_GATE``). ``grain_gate``: :func:`plain_ring`'s grain gate for the expert (``GRAIN_GATE``'s
    layout; None = off).
    """

    boundary_scales: List[float]
    flat_ground: List[float]
    plain_gate: List[float]
    main_gate: List[float]
    grain_gate: List[float]

    def __init__(self, generator: MISFGenerator, boundary_scales: Optional[List[float]] = None,
                 flip_average: bool = False, confidence: float = 0.1, shift: str = "off",
                 flat_ground: Optional[List[float]] = None, expert: Optional[MISFGenerator] = None,
                 expert_inverse: bool = False, main_shift: str = "off", expert_smooth: float = 0.0,
                 plain_gate: Optional[List[float]] = None, grain_gate: Optional[List[float]] = None):
        super().__init__()
        self.generator = generator
        self.has_expert = expert is not None
        self.expert = expert if expert is not None else nn.Identity()
        self.expert_inverse = expert_inverse
        if expert_smooth < 0 or (expert_smooth > 0 and not self.has_expert):
            raise ValueError("expert_smooth is a Gaussian's sigma (px, >= 0) for a plain expert's fill")
        self.expert_smooth = float(expert_smooth)
        if main_shift not in MAIN_SHIFTS:
            raise ValueError(f"the main generator's shift must be one of {MAIN_SHIFTS}")
        if main_shift != "off" and not self.has_expert:
            raise ValueError("main_shift is the main generator's shift beside a plain expert")
        self.main_shift = main_shift
        self.main_gate = list(NEARLY_PLAIN_GATE)
        if self.has_expert and shift != "plain":
            raise ValueError("a plain expert runs under the plain shift (shift='plain')")
        self.boundary_scales = [float(v) for v in (boundary_scales or [])]
        self.flip_average = flip_average
        self.confidence = confidence
        if shift not in SHIFTS:
            raise ValueError(f"colour shift must be one of {SHIFTS}")
        self.shift = shift
        self.plain_gate = [float(v) for v in (plain_gate if plain_gate is not None else PLAIN_GATE)]
        g = self.plain_gate
        if len(g) != 4 or not (0 <= g[0] < g[1] and 0 <= g[2] < g[3]):
            raise ValueError("plain_gate is [texture plain up to, not plain from, spread up to, from], each pair rising")
        self.grain_gate = [float(v) for v in (grain_gate or [])]
        g = self.grain_gate
        if g and (len(g) != 4 or not (0 < g[0] < g[1] and 0 <= g[2] < g[3])):
            raise ValueError("grain_gate is [spread/texture up to, none from, texture up to, none from], each pair rising")
        if g and not self.has_expert:
            raise ValueError("grain_gate opens the plain expert's gate on grain: it needs an expert")
        self.flat_ground = [float(v) for v in (flat_ground or [])]
        if len(self.flat_ground) not in (0, 2) or (self.flat_ground and not 0 <= self.flat_ground[0] < self.flat_ground[1]):
            raise ValueError("flat_ground is [plain up to, structure from] (standard deviations in [0, 1] units)")
        if self.flat_ground and not self.boundary_scales:
            raise ValueError("flat_ground needs boundary_scales (the scales it looks around a hole at)")

    def predict(self, inputs: torch.Tensor, expert: bool) -> torch.Tensor:
        """The main generator's (or the plain expert's) raw output, averaged with the mirrored input's if asked."""
        out = self.expert(inputs) if expert else self.generator(inputs)
        if self.flip_average:
            flipped = self.expert(inputs.flip([3])) if expert else self.generator(inputs.flip([3]))
            out = (out + flipped.flip([3])) / 2
        return out

    def expert_fill(self, inputs: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        """The plain expert's output, averaged, with ``expert_inverse``, with the inverse of its fill of the inverted
        ground: a plain ground inverted around mid-grey is again a plain ground, so a bias of the expert's fill towards
        dark or light cancels (synthetic grounds, 8 px losses: 2.6-4.1 grey levels without, within 0.3 of the
        classical fill with it)."""
        fill = self.predict(inputs, True)
        if self.expert_inverse:
            inverted = torch.cat([(1 - inputs[:, :3]) * (1 - mask), mask], dim=1)
            fill = (fill + 1 - self.predict(inverted, True)) / 2
        if self.expert_smooth > 0:
            fill = smooth_fill(fill, self.expert_smooth)
        return fill

    def raw(self, image: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        """The network's output before the boundary correction: the main generator through the colour shift, or,
        with a plain expert, the blend of :func:`plain_mixture` (each generator run only where its share is not 0)."""
        if self.has_expert:
            grain: Optional[List[float]] = None
            if len(self.grain_gate) == 4:
                grain = self.grain_gate
            weight, shift, back, main_in, expert_in = plain_mixture(image, mask, self.plain_gate, self.main_shift,
                                                                    self.main_gate, grain)
            out = torch.zeros_like(image)
            if bool((weight < 1).any()):
                out = out + (1 - weight) * (self.predict(main_in, False) - back)
            if bool((weight > 0).any()):
                out = out + weight * (self.expert_fill(expert_in, mask) - shift)
            return out
        shift = shift_for(image, mask, self.shift, self.plain_gate)
        return self.predict(shifted_input(image, mask, shift, self.shift), False) - shift

    def forward(self, image: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        out = self.raw(image, mask)
        if len(self.boundary_scales) > 0:
            out = out + boundary_correction(image, out, mask, self.boundary_scales, self.confidence)
        if len(self.flat_ground) == 2:
            fill, weight = flat_ground_fill(image, mask, self.boundary_scales, self.confidence, self.flat_ground)
            out = out + weight * (fill - out)
        if len(self.boundary_scales) > 0 or self.shift != "off":
            out = out.clamp(0, 1)
        return out * mask + image * (1 - mask)


def width_of(state: dict) -> int:
    """The width of MISF generator weights (a state dict or a release checkpoint): encoder0's output channels."""
    state = state["generator"] if "generator" in state else state
    return int(state["encoder0.1.weight"].shape[0])


def load_release_state(generator: MISFGenerator, checkpoint) -> None:
    """Load a release-format checkpoint (``{'generator': state_dict, ...}``) or a bare state dict, strictly."""
    state = checkpoint["generator"] if isinstance(checkpoint, dict) and "generator" in checkpoint else checkpoint
    generator.load_state_dict(state, strict=True)
