import os

import numpy as np
import pytest
from PIL import Image
from scipy import ndimage

from conftest import REPO, SHARED
from misf.data import (DAMAGE_KINDS, PAPER_RESIZE, TEST_SOURCES, augment_mask, centre_square, centre_square_mask,
                       damage, split, stroke_mask, held_out_domain, held_out_images, is_truth, load_rgb, training_pool,
                       validation_cases)

DATA = os.path.join(SHARED, "data")
# the resize fixtures that the Java evaluate's BilinearResampler must reproduce exactly (EvaluationGeometryTest)
JAVA_RESIZE_FIXTURES = os.path.join(REPO, "src", "test", "resources", "metrics")
needs_data = pytest.mark.skipif(not os.path.isdir(os.path.join(DATA, "images")), reason="shared data not present")


def test_validation_split_is_disjoint_and_deterministic():
    items = [f"f{i:03d}" for i in range(95)]
    val, train = split(items, True), split(items, False)
    assert not set(val) & set(train)
    assert sorted(val + train) == items
    assert split(items, True) == val


def test_test_sources_are_recognised_by_folder_and_class():
    root = "/d"
    assert held_out_domain(root, "/d/images/natural/urban100/img_001.png") == "photos"
    assert held_out_domain(root, "/d/images/murals/wikiart224/wikiart_c6_123.jpg") == "paintings"
    assert held_out_domain(root, "/d/images/murals/wikiart224/wikiart_c1_123.jpg") is None
    assert held_out_domain(root, "/d/images/natural/bsds500_train/1.jpg") is None
    assert held_out_domain(root, "/d/images/faces/ddnm_celebahq/0.jpg") == "faces"


def test_a_masked_input_among_the_test_images_is_not_a_truth():
    assert not is_truth("/d", "/d/images/faces/edgeconnect_celeba/celeba_01.png")
    assert is_truth("/d", "/d/images/faces/ddnm_celebahq/celebahq_00234.jpg")
    assert is_truth("/d", "/d/images/natural/urban100/img_001.png")


@needs_data
def test_the_images_skipped_as_masked_inputs_are_mostly_pure_white_strokes_and_the_kept_faces_have_none():
    faces = held_out_images(DATA, "faces")
    white = {p: float((load_rgb(p).min(axis=2) == 255).mean()) for p in faces}
    assert all(w > 0.2 for p, w in white.items() if not is_truth(DATA, p))
    assert all(w < 0.01 for p, w in white.items() if is_truth(DATA, p))
    assert sum(not is_truth(DATA, p) for p in faces) == 5


@needs_data
def test_no_test_source_reaches_training_or_validation():
    pool = set(training_pool(DATA))
    tests = {p for d in TEST_SOURCES for p in held_out_images(DATA, d)}
    assert pool and tests and not pool & tests
    assert {p for p, _, _ in validation_cases(DATA, 256, 4)} <= pool
    assert len(held_out_images(DATA, "photos")) >= 150 and len(held_out_images(DATA, "paintings")) >= 500


def test_generated_masks_are_binary_and_not_empty():
    rng = np.random.default_rng(0)
    m = stroke_mask(128, rng)
    assert m.shape == (128, 128) and set(np.unique(m)) <= {0, 1} and m.sum() > 0
    for kind in DAMAGE_KINDS:
        m = damage(kind, 120, 200, rng, 0.05)
        assert m.shape == (120, 200) and set(np.unique(m)) <= {0, 1} and m.sum() > 0


@pytest.mark.parametrize("kind", DAMAGE_KINDS)
def test_damage_reaches_about_the_asked_coverage(kind):
    rng = np.random.default_rng(3)
    for coverage in (0.01, 0.05, 0.10):
        got = damage(kind, 400, 300, rng, coverage).mean()
        assert coverage * 0.9 <= got <= coverage * 2 + 0.01, (kind, coverage, got)


def test_cracks_are_thin_and_spots_are_small():
    rng = np.random.default_rng(1)
    cracks = damage("cracks", 300, 300, rng, 0.05).astype(bool)
    # a crack is at most 5 px wide: opening with a 7x7 square leaves almost nothing
    assert ndimage.binary_opening(cracks, np.ones((7, 7))).sum() < 0.02 * cracks.sum()
    spots = damage("spots", 300, 300, rng, 0.02).astype(bool)
    labels, n = ndimage.label(spots)
    sizes = ndimage.sum(spots, labels, range(1, n + 1))
    assert n > 20 and np.median(sizes) <= 80  # ellipses 2-10 px across


def test_mask_augmentation_keeps_the_hole_ratio_when_downscaled():
    rng = np.random.default_rng(2)
    m = np.zeros((256, 256), np.uint8)
    m[64:192, 32:96] = 1
    a = augment_mask(m, 128, rng)
    assert a.shape == (128, 128)
    assert abs(a.mean() - m.mean()) < 0.01


def test_centre_square_crops_the_middle():
    img = np.zeros((100, 200, 3), np.uint8)
    img[:, 50:150] = 255
    out = centre_square(img, 50)
    assert out.shape == (50, 50, 3) and out.min() == 255


def test_the_paper_resize_is_pillow_bilinear_not_bicubic():
    """The authors' test resized with scipy.misc.imresize's default (Pillow bilinear on uint8), as the Java side."""
    assert PAPER_RESIZE == Image.BILINEAR
    rng = np.random.default_rng(3)
    img = rng.integers(0, 256, (90, 130, 3), dtype=np.uint8)
    crop = Image.fromarray(img[:, 20:110])
    for size in (32, 256):  # down and up
        out = centre_square(img, size)
        assert out.dtype == np.uint8 and out.shape == (size, size, 3)
        assert np.array_equal(out, np.asarray(crop.resize((size, size), Image.BILINEAR)))
        assert not np.array_equal(out, np.asarray(crop.resize((size, size), Image.BICUBIC)))
    assert np.array_equal(centre_square(img[:, 20:110], 90), img[:, 20:110])  # already the size: untouched


@pytest.mark.parametrize("stem", ["resize_rgb8_70x50", "resize_gray8_41x57"])
@pytest.mark.parametrize("size", [32, 64])
def test_centre_square_equals_the_java_evaluate_resize(stem, size):
    """Same pixels as the fixtures the Java BilinearResampler is tested against, so both sides score one picture."""
    with Image.open(os.path.join(JAVA_RESIZE_FIXTURES, f"{stem}.png")) as src, \
            Image.open(os.path.join(JAVA_RESIZE_FIXTURES, f"{stem}_to{size}.png")) as want:
        assert np.array_equal(centre_square(np.asarray(src), size), np.asarray(want))


def test_centre_square_mask_keeps_any_interpolated_hole_pixel():
    m = np.zeros((8, 10), np.uint8)
    m[3, 4] = 1  # column 4 of the 10 wide mask is column 3 of its centre square
    assert np.array_equal(centre_square_mask(m, 8), m[:, 1:9])
    up = centre_square_mask(m, 16)
    assert up.dtype == np.uint8 and set(np.unique(up)) == {0, 1}
    assert up.sum() > 4  # bilinear spreads the hole and > 0 keeps the fringe, as the authors and the Java side do
