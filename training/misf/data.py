"""Training and validation data from ../shared/data: images, NVIDIA irregular masks, generated strokes and cracks.

The split is deterministic: every 10th file (in sorted order) of each image folder and of the mask list
is held out for validation, so training and validation never share an image or a mask.
"""
import math
import os
from typing import List, Tuple

import numpy as np
from PIL import Image, ImageDraw

IMAGE_EXT = (".jpg", ".jpeg", ".png", ".bmp")
HOLDOUT_EVERY = 10


def list_images(root: str, groups=("natural", "murals")) -> List[str]:
    paths = []
    for g in groups:
        for dirpath, _, files in sorted(os.walk(os.path.join(root, "images", g))):
            paths.extend(os.path.join(dirpath, f) for f in sorted(files) if f.lower().endswith(IMAGE_EXT))
    return sorted(paths)


def split(items: List[str], validation: bool) -> List[str]:
    return [p for i, p in enumerate(items) if (i % HOLDOUT_EVERY == 0) == validation]


def read_mask_index(root: str) -> List[Tuple[str, float]]:
    rows = []
    with open(os.path.join(root, "masks", "irregular_index.tsv")) as f:
        next(f)
        for line in f:
            name, ratio, _ = line.rstrip("\n").split("\t")
            rows.append((os.path.join(root, "masks", "irregular", name), float(ratio)))
    return rows


def load_rgb(path: str) -> np.ndarray:
    with Image.open(path) as im:
        return np.asarray(im.convert("RGB"))


def load_mask(path: str) -> np.ndarray:
    with Image.open(path) as im:
        return (np.asarray(im.convert("L")) > 127).astype(np.uint8)


def centre_square(img: np.ndarray, size: int) -> np.ndarray:
    """Centre crop to a square and resize to size x size (the authors' test preprocessing)."""
    h, w = img.shape[:2]
    s = min(h, w)
    top, left = (h - s) // 2, (w - s) // 2
    crop = img[top:top + s, left:left + s]
    return np.asarray(Image.fromarray(crop).resize((size, size), Image.BICUBIC))


def random_crop(img: np.ndarray, size: int, rng: np.random.Generator) -> np.ndarray:
    h, w = img.shape[:2]
    s = min(h, w)
    # random scale: crop a square of side in [size, s] then resize to size
    side = int(rng.integers(min(size, s), s + 1))
    top = int(rng.integers(0, h - side + 1))
    left = int(rng.integers(0, w - side + 1))
    crop = img[top:top + side, left:left + side]
    if side != size:
        crop = np.asarray(Image.fromarray(crop).resize((size, size), Image.BICUBIC))
    if rng.random() < 0.5:
        crop = crop[:, ::-1]
    return np.ascontiguousarray(crop)


def augment_mask(mask: np.ndarray, size: int, rng: np.random.Generator) -> np.ndarray:
    mask = np.rot90(mask, int(rng.integers(0, 4)))
    if rng.random() < 0.5:
        mask = mask[:, ::-1]
    if mask.shape[0] != size:
        mask = np.asarray(Image.fromarray(mask * 255).resize((size, size), Image.NEAREST)) > 127
    return np.ascontiguousarray(mask).astype(np.uint8)


def stroke_mask(size: int, rng: np.random.Generator) -> np.ndarray:
    """Free-form brush strokes (in the spirit of DeepFill v2's generator)."""
    im = Image.new("L", (size, size), 0)
    d = ImageDraw.Draw(im)
    for _ in range(int(rng.integers(1, 5))):
        x, y = rng.uniform(0, size, 2)
        width = int(rng.uniform(size / 40, size / 10))
        for _ in range(int(rng.integers(2, 8))):
            angle = rng.uniform(0, 2 * math.pi)
            length = rng.uniform(size / 16, size / 4)
            nx = float(np.clip(x + length * math.cos(angle), 0, size - 1))
            ny = float(np.clip(y + length * math.sin(angle), 0, size - 1))
            d.line([(x, y), (nx, ny)], fill=255, width=width)
            d.ellipse([nx - width / 2, ny - width / 2, nx + width / 2, ny + width / 2], fill=255)
            x, y = nx, ny
    return (np.asarray(im) > 127).astype(np.uint8)


def crack_mask(size: int, rng: np.random.Generator) -> np.ndarray:
    """Thin branching crack-like lines, 1-3 px wide: the damage murals suffer from."""
    im = Image.new("L", (size, size), 0)
    d = ImageDraw.Draw(im)
    for _ in range(int(rng.integers(1, 4))):
        x, y = rng.uniform(0, size, 2)
        angle = rng.uniform(0, 2 * math.pi)
        stack = [(x, y, angle, int(rng.integers(20, 60)))]
        while stack:
            x, y, angle, steps = stack.pop()
            width = int(rng.integers(1, 4))
            for _ in range(steps):
                angle += rng.normal(0, 0.35)
                nx, ny = x + 3 * math.cos(angle), y + 3 * math.sin(angle)
                d.line([(x, y), (nx, ny)], fill=255, width=width)
                x, y = nx, ny
                if rng.random() < 0.04 and len(stack) < 6:
                    stack.append((x, y, angle + rng.choice([-1, 1]) * rng.uniform(0.4, 1.2), steps // 2))
                if not (0 <= x < size and 0 <= y < size):
                    break
    return (np.asarray(im) > 127).astype(np.uint8)


class TrainingSampler:
    """Draws (image, mask) pairs: random crops of training images; irregular, stroke or crack masks."""

    def __init__(self, root: str, size: int, seed: int = 0):
        self.size = size
        self.rng = np.random.default_rng(seed)
        self.images = [load_rgb(p) for p in split(list_images(root), validation=False)]
        self.images = [im for im in self.images if min(im.shape[:2]) >= 64]
        self.masks = [p for p, _ in split(read_mask_index(root), validation=False)]

    def mask(self) -> np.ndarray:
        r = self.rng.random()
        if r < 0.6:
            m = load_mask(self.masks[int(self.rng.integers(len(self.masks)))])
            return augment_mask(m, self.size, self.rng)
        if r < 0.8:
            return stroke_mask(self.size, self.rng)
        return np.maximum(crack_mask(self.size, self.rng), (self.rng.random() < 0.3) * stroke_mask(self.size, self.rng))

    def batch(self, n: int) -> Tuple[np.ndarray, np.ndarray]:
        imgs = np.stack([random_crop(self.images[int(self.rng.integers(len(self.images)))], self.size, self.rng)
                         for _ in range(n)])
        masks = np.stack([self.mask() for _ in range(n)])
        return imgs, masks


BINS = ((0.0, 0.2), (0.2, 0.4), (0.4, 0.6))


def validation_cases(root: str, size: int, per_bin: int, seed: int = 1234):
    """Fixed validation cases: (image path, mask path, bin index), images and masks from the held-out split.

    Each bin gets ``per_bin`` cases; images are taken in turn, masks drawn (fixed seed) from the bin.
    """
    rng = np.random.default_rng(seed)
    images = split(list_images(root), validation=True)
    order = rng.permutation(len(images))
    masks = split(read_mask_index(root), validation=True)
    cases = []
    for b, (lo, hi) in enumerate(BINS):
        pool = [p for p, r in masks if lo < r <= hi]
        picks = rng.choice(len(pool), size=per_bin, replace=len(pool) < per_bin)
        for k in range(per_bin):
            cases.append((images[order[(b * per_bin + k) % len(images)]], pool[picks[k]], b))
    return cases
