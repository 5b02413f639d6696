"""Plain grounds: the surfaces a conservator tries first (paper, plaster, a flat pigment, a dark field, a sky), as
test cases and as training samples.

A ground is a flat colour or a smooth gradient with the noise of a scan (about +-1-3 grey levels, slightly
correlated between neighbours). Test holes are centred squares of 8-64 px and one 3 px crack across the ground;
``plainest_disc`` puts a disc where a real image is flattest.
"""
import math
from typing import Dict, List, Tuple

import numpy as np
from PIL import Image, ImageDraw

# name -> (top colour, bottom colour); equal colours = a flat ground. Common mural pigments, grounds and papers.
GROUNDS: Dict[str, Tuple[Tuple[int, int, int], Tuple[int, int, int]]] = {
    "white paper": ((255, 255, 255), (255, 255, 255)),
    "off-white paper": ((246, 244, 238), (246, 244, 238)),
    "lime plaster": ((237, 230, 210), (237, 230, 210)),
    "ochre": ((196, 148, 72), (196, 148, 72)),
    "vermilion": ((205, 62, 38), (205, 62, 38)),
    "malachite": ((62, 138, 96), (62, 138, 96)),
    "lapis": ((38, 66, 150), (38, 66, 150)),
    "umber": ((62, 44, 30), (62, 44, 30)),
    "near-black": ((4, 4, 4), (4, 4, 4)),
    "mid grey": ((128, 128, 128), (128, 128, 128)),
    "sky gradient": ((92, 140, 210), (200, 222, 244)),
    "plaster, light falloff": ((244, 238, 220), (168, 160, 140)),
}
HOLE_SIDES = (8, 16, 32, 64)
CRACK = "3 px crack"
NOISE_SIGMA = 1.5  # grey levels, before the slight blur that correlates neighbours


def ground(name: str, size: int, rng: np.random.Generator, noise: float = NOISE_SIGMA) -> np.ndarray:
    """A size x size uint8 RGB ground: the colour (or vertical gradient) of ``GROUNDS[name]`` plus scan noise."""
    top, bottom = (np.asarray(c, np.float64) for c in GROUNDS[name])
    return ground_from(top, bottom, size, rng, noise)


def ground_from(top: np.ndarray, bottom: np.ndarray, size: int, rng: np.random.Generator, noise: float,
                angle: float = 0.0) -> np.ndarray:
    """A gradient from ``top`` to ``bottom`` (RGB 0-255) along ``angle`` (radians, 0 = top to bottom), with noise."""
    yy, xx = np.mgrid[0:size, 0:size] / max(size - 1, 1)
    t = (yy - 0.5) * math.cos(angle) + (xx - 0.5) * math.sin(angle) + 0.5
    t = np.clip(t, 0, 1)[..., None]
    img = top * (1 - t) + bottom * t
    if noise > 0:
        n = rng.normal(0, noise * 1.6, img.shape)
        n = (n + np.roll(n, 1, 0) + np.roll(n, 1, 1) + np.roll(n, (1, 1), (0, 1))) / 4 * 2  # slight correlation
        img = img + n * (noise / max(n.std(), 1e-6))
    return np.clip(np.rint(img), 0, 255).astype(np.uint8)


def square_hole(size: int, side: int) -> np.ndarray:
    m = np.zeros((size, size), np.uint8)
    a = (size - side) // 2
    m[a:a + side, a:a + side] = 1
    return m


def crack_hole(size: int, width: int = 3, seed: int = 7) -> np.ndarray:
    """One crack of ``width`` px that wanders across the ground (a fixed path for a given seed)."""
    rng = np.random.default_rng(seed)
    im = Image.new("L", (size, size), 0)
    d = ImageDraw.Draw(im)
    x, y, angle = 0.0, size * rng.uniform(0.3, 0.7), rng.normal(0, 0.2)
    while x < size:
        angle = float(np.clip(angle + rng.normal(0, 0.25), -0.8, 0.8))
        nx, ny = x + 4 * math.cos(angle), y + 4 * math.sin(angle)
        d.line([(x, y), (nx, ny)], fill=255, width=width)
        d.ellipse([nx - width / 2, ny - width / 2, nx + width / 2, ny + width / 2], fill=255)
        x, y = nx, ny
    return (np.asarray(im) > 127).astype(np.uint8)


def hole_names() -> List[str]:
    return [f"{s} px" for s in HOLE_SIDES] + [CRACK]


def hole(name: str, size: int) -> np.ndarray:
    return crack_hole(size) if name == CRACK else square_hole(size, int(name.split()[0]))


def ground_cases(size: int = 256, seed: int = 2026):
    """Every ground x every hole: dicts with ground, hole, truth (uint8 RGB), mask (uint8 0/1)."""
    cases = []
    for g, name in enumerate(GROUNDS):
        truth = ground(name, size, np.random.default_rng(seed + g))
        for h in hole_names():
            cases.append({"ground": name, "hole": h, "truth": truth, "mask": hole(h, size)})
    return cases


# Grounds with grain: the same flat colours with noise of this many grey levels (a coarse paper, a sandy plaster,
# film grain), i.i.d. or blurred by a Gaussian of this many px and brought back to the same deviation (a mottled
# plaster); a light, a saturated and a mid ground, each with the middle three hole sizes.
GRAIN_GROUNDS = ("lime plaster", "vermilion", "mid grey")
GRAIN_LEVELS = ((11, 0.0), (18, 0.0), (24, 0.0), (18, 1.5))  # (noise, blur px)
GRAIN_HOLES = (16, 32, 64)


def grain_row(sigma: int, blur: float = 0.0) -> str:
    return f"grainy grounds, noise {sigma}" + (f", mottled (blurred {blur:g} px)" if blur else "")


def grainy_ground(colour, sigma: float, blur: float, size: int, rng: np.random.Generator) -> np.ndarray:
    """A size x size uint8 RGB flat ``colour`` with noise of ``sigma`` grey levels: i.i.d., or blurred by a Gaussian
    of ``blur`` px and brought back to the same deviation (mottled)."""
    import cv2
    noise = rng.normal(0, sigma, (size, size, 3))
    if blur:
        noise = cv2.GaussianBlur(noise, (0, 0), blur)
        noise *= sigma / noise.std()
    return np.clip(np.rint(np.asarray(colour, np.float64)[None, None] + noise), 0, 255).astype(np.uint8)


def grain_cases(size: int = 256, seed: int = 3):
    """Every grain level x ``GRAIN_GROUNDS`` x ``GRAIN_HOLES`` (a fresh ground for each): dicts with row, ground,
    hole, truth, mask; one row per grain level."""
    rng = np.random.default_rng(seed)
    cases = []
    for sigma, blur in GRAIN_LEVELS:
        for name in GRAIN_GROUNDS:
            for side in GRAIN_HOLES:
                cases.append({"row": grain_row(sigma, blur), "hole": f"{side} px",
                              "ground": f"{name}, noise {sigma}" + (f", blurred {blur:g} px" if blur else ""),
                              "truth": grainy_ground(GROUNDS[name][0], sigma, blur, size, rng),
                              "mask": square_hole(size, side)})
    return cases


def disc(shape: Tuple[int, int], cy: int, cx: int, diameter: int) -> np.ndarray:
    yy, xx = np.mgrid[0:shape[0], 0:shape[1]]
    r = diameter / 2
    return (((yy - cy + 0.5) ** 2 + (xx - cx + 0.5) ** 2) <= r * r).astype(np.uint8)


def plainest_disc(img: np.ndarray, diameter: int) -> np.ndarray:
    """A disc of ``diameter`` px where the image is flattest: the centre whose surrounding square of twice the
    diameter has the lowest standard deviation (all channels), at least one diameter from the border."""
    g = img.astype(np.float64).mean(axis=2) if img.ndim == 3 else img.astype(np.float64)
    h, w = g.shape
    k = 2 * diameter
    if h < k + 2 or w < k + 2:
        raise ValueError("image too small for the disc")
    s1 = np.pad(g, ((1, 0), (1, 0))).cumsum(0).cumsum(1)
    s2 = np.pad(g * g, ((1, 0), (1, 0))).cumsum(0).cumsum(1)

    def box(s):
        return s[k:, k:] - s[:-k, k:] - s[k:, :-k] + s[:-k, :-k]

    mean = box(s1) / (k * k)
    var = box(s2) / (k * k) - mean * mean
    y, x = np.unravel_index(int(np.argmin(var)), var.shape)
    return disc((h, w), y + k // 2, x + k // 2, diameter)


def hole_error(result8: np.ndarray, truth8: np.ndarray, mask: np.ndarray) -> Tuple[float, float]:
    """Mean and max absolute error inside the hole, in grey levels (all channels)."""
    d = np.abs(result8.astype(np.int32) - truth8.astype(np.int32))[mask > 0]
    return float(d.mean()), float(d.max())


# Pigments and grounds that training samples are drawn around (jittered), besides uniformly random colours.
PALETTE = [c for top, bottom in GROUNDS.values() for c in (top, bottom)]


class PlainSampler:
    """Training samples on plain grounds, with a share drawn from the flattest parts of real training images.

    Kinds: a flat colour or a smooth gradient (colours from the whole cube, its corners and edges included, or
    near a common pigment) with scan noise of 0-3 grey levels, sometimes a band or patch of another colour, sometimes
    a faint paper or plaster texture; or the
    flattest of several random crops of a training image (``images``). Holes: one to three squares or discs of
    8-72 px, a crack, flaking spots, or an irregular mask from ``masks`` (a callable returning a 0/1 mask).
    """

    def __init__(self, images, size: int, rng: np.random.Generator, masks=None, real_share: float = 0.3):
        self.images = images
        self.real_share = real_share
        self.size = size
        self.rng = rng
        self.masks = masks

    def colour(self) -> np.ndarray:
        r = self.rng.random()
        if r < 0.35:  # a corner or an edge of the cube: white, black, saturated
            c = self.rng.choice([0.0, 1.0], 3) * 255 + self.rng.uniform(-12, 12, 3) * self.rng.choice([0, 1], 3)
        elif r < 0.65:
            c = np.asarray(PALETTE[int(self.rng.integers(len(PALETTE)))], np.float64) + self.rng.normal(0, 12, 3)
        else:
            c = self.rng.uniform(0, 255, 3)
        return np.clip(c, 0, 255)

    def synthetic(self) -> np.ndarray:
        top = self.colour()
        bottom = top
        if self.rng.random() < 0.4:
            bottom = np.clip(top + self.rng.normal(0, 40, 3), 0, 255)
        img = ground_from(top, bottom, self.size, self.rng, float(self.rng.uniform(0, 3)),
                          float(self.rng.uniform(0, 2 * math.pi))).astype(np.float64)
        if self.rng.random() < 0.3:  # a band or patch of another colour: the window's range then spans both
            other = ground_from(self.colour(), self.colour(), self.size, self.rng, float(self.rng.uniform(0, 3)))
            a, b = sorted(int(v) for v in self.rng.integers(0, self.size, 2))
            b = max(b, a + self.size // 10)
            if self.rng.random() < 0.5:
                img[a:b] = other[a:b]
            else:
                c, d = sorted(int(v) for v in self.rng.integers(0, self.size, 2))
                img[a:b, c:max(d, c + self.size // 10)] = other[a:b, c:max(d, c + self.size // 10)]
        if self.rng.random() < 0.3:  # a faint low-frequency texture (paper fibres, plaster)
            n = self.rng.normal(0, 1, (self.size // 8 + 2, self.size // 8 + 2))
            n = np.asarray(Image.fromarray(n.astype(np.float32)).resize((self.size, self.size), Image.BICUBIC))
            img = img + (n / max(n.std(), 1e-6) * self.rng.uniform(1, 6))[..., None]
        return np.clip(np.rint(img), 0, 255).astype(np.uint8)

    def flattest_crop(self) -> np.ndarray:
        img = self.images[int(self.rng.integers(len(self.images)))]
        h, w = img.shape[:2]
        s = self.size
        if min(h, w) < s:
            return self.synthetic()
        best, best_std = None, None
        for _ in range(12):
            y, x = int(self.rng.integers(0, h - s + 1)), int(self.rng.integers(0, w - s + 1))
            crop = img[y:y + s, x:x + s]
            sd = float(crop.std())
            if best_std is None or sd < best_std:
                best, best_std = crop, sd
        return np.ascontiguousarray(best)

    def image(self) -> np.ndarray:
        return self.flattest_crop() if self.images and self.rng.random() < self.real_share else self.synthetic()

    def mask(self) -> np.ndarray:
        s = self.size
        r = self.rng.random()
        if r < 0.55:
            m = np.zeros((s, s), np.uint8)
            for _ in range(int(self.rng.integers(1, 4))):
                side = int(self.rng.integers(8, min(72, s // 2) + 1))
                cy, cx = (int(v) for v in self.rng.integers(side // 2, s - side // 2, 2))
                if self.rng.random() < 0.5:
                    m[cy - side // 2:cy - side // 2 + side, cx - side // 2:cx - side // 2 + side] = 1
                else:
                    m |= disc((s, s), cy, cx, side)
            return m
        if r < 0.7:
            return crack_hole(s, int(self.rng.integers(1, 6)), int(self.rng.integers(1 << 30)))
        if self.masks is not None:
            return self.masks()
        return square_hole(s, s // 4)

    def batch(self, n: int):
        return (np.stack([self.image() for _ in range(n)]), np.stack([self.mask() for _ in range(n)]))
