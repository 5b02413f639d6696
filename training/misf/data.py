"""Training, validation and test data from ../shared/data: images, NVIDIA irregular masks, generated damage.

Images are split by source, not by file: the sources in ``TEST_SOURCES`` (whole collections: Urban100,
Sun-Hays80, Set14, two WikiArt class folders, the faces) are never trained on and form the test set that
``evaluate.py`` reports. Of the remaining training sources every 10th file (sorted) is a validation image
that training only watches. Masks: every 10th NVIDIA mask is held out for validation and test.
"""
import math
import os
from typing import List, Tuple

import numpy as np
from PIL import Image, ImageDraw

IMAGE_EXT = (".jpg", ".jpeg", ".png", ".bmp")
HOLDOUT_EVERY = 10
# Whole sources kept out of training (paths relative to data/images; a prefix of the file path).
TEST_SOURCES = {
    "photos": ("natural/urban100/", "natural/sunhays80/", "natural/set14/"),
    "paintings": ("murals/wikiart224/wikiart_c5_", "murals/wikiart224/wikiart_c6_"),
    "faces": ("faces/",),
}

# Files of a test source that are not truths: EdgeConnect's face examples are its *masked inputs*, white strokes burnt
# in (28-51 % of their pixels pure white). A fill scored against them is scored against damage, so the test cases
# skip them (``is_truth``); they keep their place in every random draw, so that no other case changes.
NOT_TRUTHS = ("faces/edgeconnect_celeba/",)


def is_truth(root: str, path: str) -> bool:
    """False for a file of a test source that is itself damaged (``NOT_TRUTHS``)."""
    rel = os.path.relpath(path, os.path.join(root, "images")).replace(os.sep, "/")
    return not rel.startswith(NOT_TRUTHS)


def list_images(root: str, groups=("natural", "murals", "faces")) -> List[str]:
    paths = []
    for g in groups:
        for dirpath, _, files in sorted(os.walk(os.path.join(root, "images", g))):
            paths.extend(os.path.join(dirpath, f) for f in sorted(files) if f.lower().endswith(IMAGE_EXT))
    return sorted(paths)


def split(items: List[str], validation: bool) -> List[str]:
    return [p for i, p in enumerate(items) if (i % HOLDOUT_EVERY == 0) == validation]


def held_out_domain(root: str, path: str):
    """The test domain ('photos', 'paintings', 'faces') of an image from a held-out source, else None."""
    rel = os.path.relpath(path, os.path.join(root, "images")).replace(os.sep, "/")
    for domain, prefixes in TEST_SOURCES.items():
        if rel.startswith(prefixes):
            return domain
    return None


def training_pool(root: str) -> List[str]:
    """Every image of the training sources (training + validation files); no test source is in it."""
    return [p for p in list_images(root) if held_out_domain(root, p) is None]


def held_out_images(root: str, domain: str) -> List[str]:
    return [p for p in list_images(root) if held_out_domain(root, p) == domain]


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


# The paper's test resize, decided here once for the Python side. The authors' test (MISF's src/dataset.py,
# Dataset.resize, as released with the paper in 2022) centre-crops to a square and calls scipy.misc.imresize with its
# default interp='bilinear', which is Pillow's Image.resize(size, BILINEAR) on the uint8 image (scipy's bytescale
# leaves uint8 data as they are). The Java `evaluate` command resizes the same way (metrics/BilinearResampler,
# Pillow-exact), so both sides score the same 256x256 pictures. (A 2023 commit of the authors' repository, a year
# after the paper, switched to cv2.resize; the published numbers predate it.) Training's validation cases (train.py)
# go through centre_square too; the training crops (random_crop) keep their bicubic resizes: augmentation, not this.
PAPER_RESIZE = Image.BILINEAR


def _centre_crop(img: np.ndarray) -> np.ndarray:
    h, w = img.shape[:2]
    s = min(h, w)
    top, left = (h - s) // 2, (w - s) // 2
    return img[top:top + s, left:left + s]


def centre_square(img: np.ndarray, size: int) -> np.ndarray:
    """The paper's test preprocessing of an image: centre crop to a square, resized to size x size with
    ``PAPER_RESIZE`` (Pillow bilinear on the uint8 pixels). Images already of that size are returned as they are."""
    crop = _centre_crop(img)
    if crop.shape[0] == size:
        return crop.copy()
    return np.asarray(Image.fromarray(crop).resize((size, size), PAPER_RESIZE))


def centre_square_mask(mask: np.ndarray, size: int) -> np.ndarray:
    """The paper's test preprocessing of a 0/1 mask: as ``centre_square``, then every pixel above 0 is a hole
    (the authors' threshold after interpolation, and the Java side's)."""
    crop = _centre_crop(mask)
    if crop.shape[0] == size:
        return (crop > 0).astype(np.uint8)
    out = np.asarray(Image.fromarray((crop > 0).astype(np.uint8) * 255).resize((size, size), PAPER_RESIZE))
    return (out > 0).astype(np.uint8)


def random_crop(img: np.ndarray, size: int, rng: np.random.Generator, native: float = 0.0) -> np.ndarray:
    """A size x size crop. With probability ``native`` the crop keeps the image's own scale (thin damage stays
    as thin as users' damage; images smaller than ``size`` are enlarged just enough); otherwise a square of random
    side in [size, min(h, w)] is resized to size (more context per pixel)."""
    h, w = img.shape[:2]
    s = min(h, w)
    if rng.random() < native:
        if s < size:
            f = size / s
            img = np.asarray(Image.fromarray(img).resize((max(size, round(w * f)), max(size, round(h * f))), Image.BICUBIC))
            h, w = img.shape[:2]
        side = size
    else:
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


def _walk(draw, x, y, angle, steps, width, rng, h, w, branches):
    """One crack: a random walk of short segments that can fork (depth-first, bounded)."""
    for _ in range(steps):
        angle += rng.normal(0, 0.3)
        step = rng.uniform(2, 5)
        nx, ny = x + step * math.cos(angle), y + step * math.sin(angle)
        draw.line([(x, y), (nx, ny)], fill=255, width=width)
        if width > 2:
            r = width / 2
            draw.ellipse([nx - r, ny - r, nx + r, ny + r], fill=255)
        x, y = nx, ny
        if not (-10 <= x < w + 10 and -10 <= y < h + 10):
            return
        if rng.random() < 0.03 and branches[0] > 0:
            branches[0] -= 1
            _walk(draw, x, y, angle + rng.choice([-1, 1]) * rng.uniform(0.5, 1.3), steps // 2,
                  max(1, width - int(rng.integers(0, 2))), rng, h, w, branches)


def cracks(h: int, w: int, rng: np.random.Generator, coverage: float) -> np.ndarray:
    """Thin branching cracks, 1-5 px wide, at the image's own scale, until about ``coverage`` of the image."""
    im = Image.new("L", (w, h), 0)
    d = ImageDraw.Draw(im)
    target = coverage * h * w
    for _ in range(200):
        width = int(rng.choice([1, 1, 2, 2, 2, 3, 3, 4, 5]))
        steps = int(rng.integers(15, 15 + max(h, w) // 3))
        _walk(d, *rng.uniform(0, 1, 2) * (w, h), rng.uniform(0, 2 * math.pi), steps, width, rng, h, w, [4])
        if np.count_nonzero(np.asarray(im)) >= target:
            break
    return (np.asarray(im) > 127).astype(np.uint8)


def spots(h: int, w: int, rng: np.random.Generator, coverage: float) -> np.ndarray:
    """Flaking: clusters of small ellipses 2-10 px across, at the image's own scale, until about ``coverage``."""
    im = Image.new("L", (w, h), 0)
    d = ImageDraw.Draw(im)
    target = coverage * h * w
    for _ in range(400):
        cx, cy = rng.uniform(0, 1, 2) * (w, h)
        spread = rng.uniform(4, max(8, min(h, w) / 8))
        for _ in range(int(rng.integers(1, 12))):
            x, y = cx + rng.normal(0, spread), cy + rng.normal(0, spread)
            a, b = rng.uniform(1, 5, 2)
            d.ellipse([x - a, y - b, x + a, y + b], fill=255)
        if np.count_nonzero(np.asarray(im)) >= target:
            break
    return (np.asarray(im) > 127).astype(np.uint8)


def damage(kind: str, h: int, w: int, rng: np.random.Generator, coverage: float) -> np.ndarray:
    """Damage shaped like murals': 'cracks', 'spots' or 'mixed' (both, half the coverage each)."""
    if kind == "cracks":
        return cracks(h, w, rng, coverage)
    if kind == "spots":
        return spots(h, w, rng, coverage)
    if kind == "mixed":
        return np.maximum(cracks(h, w, rng, coverage / 2), spots(h, w, rng, coverage / 2))
    raise ValueError(f"unknown damage kind {kind!r}")


DAMAGE_KINDS = ("cracks", "spots", "mixed")


class TrainingSampler:
    """Draws (image, mask) pairs from the training files of the training sources.

    Masks: NVIDIA irregular masks, free-form strokes, and native-scale damage (cracks, spots, both) at 1-15 %.
    ``thin`` is the share of native-scale damage masks; crops keep the image's scale with probability ``native``.
    """

    def __init__(self, root: str, size: int, seed: int = 0, thin: float = 0.2, native: float = 0.0):
        self.size = size
        self.thin = thin
        self.native = native
        self.rng = np.random.default_rng(seed)
        self.images = [load_rgb(p) for p in split(training_pool(root), validation=False)]
        self.images = [im for im in self.images if min(im.shape[:2]) >= 64]
        self.masks = [p for p, _ in split(read_mask_index(root), validation=False)]

    def mask(self) -> np.ndarray:
        r = self.rng.random()
        if r < self.thin:
            kind = DAMAGE_KINDS[int(self.rng.integers(3))]
            return damage(kind, self.size, self.size, self.rng, float(self.rng.uniform(0.01, 0.15)))
        r = (r - self.thin) / (1 - self.thin)
        if r < 0.75:
            m = load_mask(self.masks[int(self.rng.integers(len(self.masks)))])
            return augment_mask(m, self.size, self.rng)
        return stroke_mask(self.size, self.rng)

    @staticmethod
    def mask_sampler(root: str, size: int, rng: np.random.Generator):
        """A callable drawing augmented NVIDIA training masks at ``size`` (for other samplers' irregular holes)."""
        paths = [p for p, _ in split(read_mask_index(root), validation=False)]
        return lambda: augment_mask(load_mask(paths[int(rng.integers(len(paths)))]), size, rng)

    def batch(self, n: int) -> Tuple[np.ndarray, np.ndarray]:
        imgs = np.stack([random_crop(self.images[int(self.rng.integers(len(self.images)))], self.size, self.rng,
                                     self.native) for _ in range(n)])
        masks = np.stack([self.mask() for _ in range(n)])
        return imgs, masks


BINS = ((0.0, 0.2), (0.2, 0.4), (0.4, 0.6))


def validation_cases(root: str, size: int, per_bin: int, seed: int = 1234):
    """Fixed validation cases that training watches: (image path, mask path, bin index), from the validation files
    of the training sources (never a test source) and the held-out masks. Each bin gets ``per_bin`` cases."""
    rng = np.random.default_rng(seed)
    images = split(training_pool(root), validation=True)
    order = rng.permutation(len(images))
    masks = split(read_mask_index(root), validation=True)
    cases = []
    for b, (lo, hi) in enumerate(BINS):
        pool = [p for p, r in masks if lo < r <= hi]
        picks = rng.choice(len(pool), size=per_bin, replace=len(pool) < per_bin)
        for k in range(per_bin):
            cases.append((images[order[(b * per_bin + k) % len(images)]], pool[picks[k]], b))
    return cases
