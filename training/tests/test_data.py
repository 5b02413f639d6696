import numpy as np

from misf.data import augment_mask, crack_mask, split, stroke_mask, centre_square


def test_validation_split_is_disjoint_and_deterministic():
    items = [f"f{i:03d}" for i in range(95)]
    val, train = split(items, True), split(items, False)
    assert not set(val) & set(train)
    assert sorted(val + train) == items
    assert split(items, True) == val


def test_generated_masks_are_binary_and_not_empty():
    rng = np.random.default_rng(0)
    for make in (stroke_mask, crack_mask):
        m = make(128, rng)
        assert m.shape == (128, 128) and set(np.unique(m)) <= {0, 1} and m.sum() > 0


def test_crack_masks_are_thin():
    rng = np.random.default_rng(1)
    ratios = [crack_mask(256, rng).mean() for _ in range(10)]
    assert max(ratios) < 0.1


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
