"""Plain grounds: the test grounds and holes, the flattest spot of a real image, the training sampler, the colour
shift around the generator, and the plain-ground table and bar."""
import numpy as np
import pytest
import torch

from misf.network import (GRAIN_GATE, NEARLY_PLAIN_GATE, PLAIN_GATE, InpaintingModel, MISFGenerator, colour_shift,
                          flat_ground_arg, flat_ground_fill, grain_gate_arg,
                          plain_ring, plain_shift)
from misf.plain import (GRAIN_GROUNDS, GRAIN_HOLES, GRAIN_LEVELS, GROUNDS, PlainSampler, crack_hole, grain_cases,
                        ground, ground_cases, hole_error, hole_names, plainest_disc)
from misf.plain_eval import deep_cases, deep_error, plain_verdict, summarise_plain


def test_every_ground_is_its_colour_with_the_noise_of_a_scan():
    for name, (top, bottom) in GROUNDS.items():
        g = ground(name, 64, np.random.default_rng(0))
        assert g.shape == (64, 64, 3) and g.dtype == np.uint8
        if top == bottom:
            assert np.abs(g.reshape(-1, 3).mean(0) - np.asarray(top)).max() < 1.0, name
            sd = g.reshape(-1, 3).std(0)
            assert (0.5 < sd).all() and (sd < 3).all() or max(top) == 255 or min(top) < 8, name  # clipped at the ends
    cases = ground_cases(size=160)
    assert len(cases) == len(GROUNDS) * len(hole_names())
    assert all(0 < c["mask"].mean() < 0.5 for c in cases)


def test_grainy_grounds_are_their_colour_with_grain_of_each_level_one_row_a_level():
    cases = grain_cases(size=96)
    assert len(cases) == len(GRAIN_LEVELS) * len(GRAIN_GROUNDS) * len(GRAIN_HOLES)
    for c in cases:
        sigma = int(c["row"].split(",")[1].split()[1])
        colour = np.asarray(GROUNDS[c["ground"].split(",")[0]][0])
        known = c["truth"][c["mask"] == 0].astype(np.float64)
        assert np.abs(known.mean(0) - colour).max() < 4, c["ground"]  # clipping at 255 moves the mean a little
        assert np.all((0.7 * sigma < known.std(0)) & (known.std(0) < 1.1 * sigma)), c["ground"]  # 255 clips the top
        assert c["mask"].sum() == int(c["hole"].split()[0]) ** 2
    assert len({c["row"] for c in cases}) == len(GRAIN_LEVELS)
    # mottled: neighbours alike (i.i.d. grain: correlation about 0)
    for c in (cases[0], next(c for c in cases if "mottled" in c["row"])):
        g = c["truth"][..., 1].astype(np.float64)
        r = np.corrcoef(g[:, :-1].ravel(), g[:, 1:].ravel())[0, 1]
        assert (r > 0.6) if "mottled" in c["row"] else (abs(r) < 0.1), (c["row"], r)


def test_a_crack_crosses_the_ground_three_pixels_wide():
    m = crack_hole(128)
    cols = np.nonzero(m.any(axis=0))[0]
    assert cols.min() == 0 and cols.max() > 64 and len(cols) == cols.max() + 1  # one unbroken crack from the left
    assert 2.5 <= m.sum() / len(cols) <= 6


def test_the_plainest_disc_lies_in_the_flat_part_of_an_image():
    rng = np.random.default_rng(1)
    img = rng.integers(0, 256, (120, 160, 3)).astype(np.uint8)
    img[60:, 80:] = 200  # the only flat part
    m = plainest_disc(img, 16)
    ys, xs = np.nonzero(m)
    assert ys.min() >= 60 and xs.min() >= 80 and abs(m.sum() - np.pi * 64) < 20
    with pytest.raises(ValueError):
        plainest_disc(img[:20, :20], 16)


def test_hole_error_counts_only_hole_pixels():
    truth = np.full((8, 8, 3), 100, np.uint8)
    result = truth.copy()
    result[0, 0] = 90
    result[7, 7] = 0
    mask = np.zeros((8, 8), np.uint8)
    mask[0, 0] = 1
    assert hole_error(result, truth, mask) == (10.0, 10.0)


def test_the_training_sampler_draws_plain_grounds_and_holes():
    s = PlainSampler([np.zeros((40, 40, 3), np.uint8)], 64, np.random.default_rng(2), masks=lambda: np.ones((64, 64), np.uint8))
    imgs, masks = s.batch(24)
    assert imgs.shape == (24, 64, 64, 3) and masks.shape == (24, 64, 64)
    assert all(0 < m.sum() for m in masks)
    means = imgs.reshape(24, -1, 3).mean(1)
    assert means.min() < 30 and means.max() > 225  # the ends of the range are trained on


def test_the_limited_shift_never_moves_a_known_pixel_out_of_range():
    torch.manual_seed(0)
    image = torch.rand(4, 3, 16, 16)
    image[0] = 0.97 + 0.03 * torch.rand(3, 16, 16)  # nearly white: shifted far down
    image[1, :, :4] = 0.0  # a dark strip and bright rest: the range forbids a shift
    image[1, :, 4:] = 1.0
    mask = torch.zeros(4, 1, 16, 16)
    mask[:, :, 6:10, 6:10] = 1
    s = colour_shift(image, mask)
    shifted = (image + s) * (1 - mask)
    assert shifted.min() >= 0 and shifted.max() <= 1
    assert s[0].max() < -0.45 and s[1].abs().max() < 1e-6
    full = colour_shift(image, mask, limited=False)
    known = 1 - mask
    mean = ((image + full) * known).sum(dim=[2, 3]) / known.sum(dim=[2, 3])
    assert torch.allclose(mean, torch.full_like(mean, 0.5), atol=1e-5)


def test_the_shift_changes_nothing_when_off_and_keeps_known_pixels_when_on():
    torch.manual_seed(0)
    gen = MISFGenerator(8, 1).eval()
    image, mask = torch.rand(1, 3, 16, 20), torch.zeros(1, 1, 16, 20)
    mask[:, :, 4:8, 4:12] = 1
    with torch.no_grad():
        plain = InpaintingModel(gen)(image, mask)
        off = InpaintingModel(gen, shift="off")(image, mask)
        on = InpaintingModel(gen, shift="limited")(image * 0.1 + 0.9, mask)
        scripted = torch.jit.script(InpaintingModel(gen, [1.0], shift="limited"))(image, mask)
        eager = InpaintingModel(gen, [1.0], shift="limited")(image, mask)
    assert torch.equal(plain, off)
    assert torch.equal(on * (1 - mask), (image * 0.1 + 0.9) * (1 - mask))
    assert torch.allclose(scripted, eager, atol=1e-6)
    with pytest.raises(ValueError):
        InpaintingModel(gen, shift="sideways")


def test_deep_cases_span_the_range_and_score_in_percent_of_it():
    cases = deep_cases(size=64)
    assert [c["truth"].dtype for c in cases] == [np.uint16, np.uint16, np.float32, np.float32]
    for c in cases:
        t, m = c["truth"], c["mask"]
        plain = float(np.median(t[m > 0]))
        span = float(t.max()) - float(t.min())
        at_top = "top" in c["row"]
        assert (plain - float(t.min())) / span > 0.9 if at_top else (plain - float(t.min())) / span < 0.1
        off = t.astype(np.float64).copy()
        off[m > 0] += span / 100
        assert deep_error(off, t, m)[0] == pytest.approx(1.0)


def rows(row, unit, ours, classical, ours_max=5, classical_max=5):
    out = []
    for i, (a, b) in enumerate(zip(ours, classical)):
        out += [{"row": row, "case": i, "method": "ours", "err": a, "max": ours_max, "unit": unit},
                {"row": row, "case": i, "method": "Telea", "err": b + 0.5, "max": classical_max, "unit": unit},
                {"row": row, "case": i, "method": "NS", "err": b, "max": classical_max, "unit": unit}]
    return out


def test_the_plain_bar_asks_for_one_grey_level_no_far_pixel_and_no_loss_in_real_flat_regions():
    good = (rows("white paper, 8 px", "grey levels", [1.9], [1.0]) + rows("mid grey, 64 px", "grey levels", [1.2], [1.4])
            + rows("plainest region, photos, 40 px disc", "grey levels", [3.0, 2.0], [3.5, 2.0])
            + rows("16-bit, plain area at the top of the data range", "% of range", [0.8], [0.1]))
    s = summarise_plain(good, "ours")
    assert [x["best"] for x in s] == ["NS"] * 4 and s[2]["wins"] == 1 and s[2]["ties"] == 1
    assert plain_verdict(s) == []
    bad = (rows("white paper, 8 px", "grey levels", [2.1], [1.0])
           + rows("lapis, 32 px", "grey levels", [1.0], [1.0], ours_max=30, classical_max=5)
           + rows("plainest region, paintings, 16 px disc", "grey levels", [2.0, 2.2], [2.0, 2.0])
           + rows("32-bit, plain area at the bottom of the data range", "% of range", [1.2], [0.1]))
    fails = plain_verdict(summarise_plain(bad, "ours"))
    assert len(fails) == 4 and "30 grey levels off" in fails[1]
    # grain: the mean decides; a pixel that continues its neighbour's grain may be further off than the classical worst
    grain = rows("grainy grounds, noise 18", "grey levels", [15.1], [14.9], ours_max=93, classical_max=80)
    assert plain_verdict(summarise_plain(grain, "ours")) == []
    blob = rows("grainy grounds, noise 18", "grey levels", [46.9], [14.9], ours_max=247, classical_max=80)
    assert len(plain_verdict(summarise_plain(blob, "ours"))) == 1


def _ground_with_hole(texture: float, seed: int = 3):
    rng = np.random.default_rng(seed)
    img = np.full((1, 3, 96, 96), 0.8, np.float32) + rng.normal(0, 1.5 / 255, (1, 3, 96, 96)).astype(np.float32)
    if texture:
        yy, xx = np.mgrid[:96, :96]
        img += (texture * np.sign(np.sin(xx / 2.0) * np.sin(yy / 3.0)))[None, None].astype(np.float32)
    mask = np.zeros((1, 1, 96, 96), np.float32)
    mask[..., 32:64, 32:64] = 1
    return torch.from_numpy(img), torch.from_numpy(mask)


def test_a_hole_in_a_plain_ground_takes_the_ground_colour_and_one_in_texture_keeps_the_network_fill():
    scales = [0.5, 1, 2, 4, 8, 16]
    image, mask = _ground_with_hole(0.0)
    fill, weight = flat_ground_fill(image, mask, scales, 0.1, [3 / 255, 6 / 255])
    hole = mask[0, 0] > 0
    assert float(weight[0, 0][hole].min()) == pytest.approx(1.0)
    err = (fill[0, :, hole] - 0.8).abs()
    assert float(err.mean()) < 1 / 255 and float(err.max()) < 5 / 255  # the ground's colour, up to its noise
    assert float(weight[0, 0][~hole].abs().max()) == 0.0  # known pixels are never touched
    image, mask = _ground_with_hole(0.1)  # a pattern of +-25 grey levels
    _, weight = flat_ground_fill(image, mask, scales, 0.1, [3 / 255, 6 / 255])
    assert float(weight.max()) == 0.0


def test_the_flat_ground_fill_is_part_of_the_exported_model_and_can_be_turned_off():
    torch.manual_seed(0)
    gen = MISFGenerator(8, 1).eval()
    image, mask = _ground_with_hole(0.0)
    with torch.no_grad():
        on = InpaintingModel(gen, [0.5, 1, 2, 4, 8, 16], shift="limited", flat_ground=[3 / 255, 6 / 255])(image, mask)
        scripted = torch.jit.script(InpaintingModel(gen, [0.5, 1, 2, 4, 8, 16], shift="limited",
                                                    flat_ground=[3 / 255, 6 / 255]).eval())(image, mask)
        off = InpaintingModel(gen, [0.5, 1, 2, 4, 8, 16], shift="limited")(image, mask)
    hole = mask[0, 0] > 0
    assert float((on[0, :, hole] - 0.8).abs().mean()) < 2 / 255  # an untrained generator, yet the ground's colour
    assert float((off[0, :, hole] - 0.8).abs().mean()) > 5 / 255
    assert torch.allclose(on, scripted, atol=1e-5)
    with pytest.raises(ValueError):
        InpaintingModel(gen, [], flat_ground=[0.01, 0.02])
    with pytest.raises(ValueError):
        InpaintingModel(gen, [1.0], flat_ground=[0.02, 0.01])
    assert flat_ground_arg("3,6") == pytest.approx([3 / 255, 6 / 255]) and flat_ground_arg("") is None


def test_the_plain_shift_makes_a_plain_ring_mid_grey_and_leaves_texture_alone():
    image, mask = _ground_with_hole(0.0)  # a 0.8 ground with scan noise
    s = plain_shift(image, mask, PLAIN_GATE)
    assert s.shape == (1, 3, 1, 1)
    assert float((s + 0.3).abs().max()) < 2 / 255  # the ring's colour moved to 0.5
    image, mask = _ground_with_hole(0.1)  # +-25 grey levels of pattern around the hole
    assert float(plain_shift(image, mask, PLAIN_GATE).abs().max()) == 0.0


def test_the_plain_shift_is_part_of_the_exported_model_and_keeps_the_known_pixels():
    torch.manual_seed(0)
    gen = MISFGenerator(8, 1).eval()
    image, mask = _ground_with_hole(0.0)
    textured, _ = _ground_with_hole(0.1)
    with torch.no_grad():
        eager = InpaintingModel(gen, [1.0, 2.0], shift="plain")(image, mask)
        scripted = torch.jit.script(InpaintingModel(gen, [1.0, 2.0], shift="plain").eval())(image, mask)
        on_texture = InpaintingModel(gen, [1.0, 2.0], shift="plain")(textured, mask)
        off_texture = InpaintingModel(gen, [1.0, 2.0])(textured, mask)
    assert torch.allclose(eager, scripted, atol=1e-5)
    assert torch.equal(eager * (1 - mask), image * (1 - mask))
    assert torch.equal(on_texture, off_texture)  # no plain ground: exactly the unshifted model


def test_a_plain_expert_runs_only_where_the_ring_is_plain_and_the_main_generator_stays_exact_elsewhere():
    torch.manual_seed(0)
    main, expert = MISFGenerator(8, 1).eval(), MISFGenerator(8, 1).eval()
    plain, mask = _ground_with_hole(0.0)
    textured, _ = _ground_with_hole(0.1)
    scales = [1.0, 2.0]
    with torch.no_grad():
        mixed = InpaintingModel(main, scales, shift="plain", expert=expert).eval()
        alone = InpaintingModel(main, scales).eval()  # the main generator, no shift
        shifted_expert = InpaintingModel(expert, scales, shift="plain").eval()  # full shift: the ring is plain
        assert torch.equal(mixed(textured, mask), alone(textured, mask))
        assert torch.allclose(mixed(plain, mask), shifted_expert(plain, mask), atol=1e-6)
        assert not torch.allclose(mixed(plain, mask), InpaintingModel(main, scales, shift="plain")(plain, mask))
        scripted = torch.jit.script(mixed)
        both = torch.cat([plain, textured])
        assert torch.allclose(scripted(both, mask.repeat(2, 1, 1, 1)), mixed(both, mask.repeat(2, 1, 1, 1)), atol=1e-5)
    with pytest.raises(ValueError):
        InpaintingModel(main, scales, expert=expert)  # an expert needs the plain shift's gate


def test_the_plain_gate_is_partial_between_its_two_textures():
    image, mask = _ground_with_hole(0.0)
    rng = np.random.default_rng(1)
    noisy = image + torch.from_numpy(rng.normal(0, 5.5 / 255, image.shape).astype(np.float32))
    w_plain, colour = plain_ring(image, mask, PLAIN_GATE)
    w_noisy, _ = plain_ring(noisy, mask, PLAIN_GATE)
    assert float(w_plain) == 1.0 and 0.0 < float(w_noisy) < 1.0
    assert float((colour - 0.8).abs().max()) < 1 / 255
    bordered = image.clone()
    bordered[..., :, :40] = 0.02  # a black letterbox border meets the ground inside the ring: two grounds, not one
    assert float(plain_ring(bordered, mask, PLAIN_GATE)[0]) == 0.0
    yy = torch.linspace(0, 60 / 255, 96)[None, None, :, None]  # a sky gradient: one ground
    assert float(plain_ring(image + yy, mask, PLAIN_GATE)[0]) == 1.0


class _DarkFill(torch.nn.Module):
    """A generator whose fill is always 0.45: biased towards dark by 0.05 wherever it is run."""

    def forward(self, inputs):
        return torch.full_like(inputs[:, :3], 0.45)


def test_the_inverse_average_cancels_a_dark_bias_of_the_expert():
    image, mask = _ground_with_hole(0.0)  # a 0.8 ground: the ring is moved to 0.5 for the expert
    main = MISFGenerator(8, 1).eval()
    with torch.no_grad():
        plain = InpaintingModel(main, [], shift="plain", expert=_DarkFill())(image, mask)
        averaged = InpaintingModel(main, [], shift="plain", expert=_DarkFill(), expert_inverse=True)(image, mask)
    ring_colour = float(plain_ring(image, mask, PLAIN_GATE)[1].mean())
    hole = mask.bool().expand_as(image)
    assert abs(float(plain[hole].mean()) - (ring_colour - 0.05)) < 1e-4  # the bias, as it is
    assert abs(float(averaged[hole].mean()) - ring_colour) < 1e-4  # cancelled


class _SpeckledFill(torch.nn.Module):
    """A generator whose fill is its input's mid-grey plus speckle of 0.03 (the same pattern on every call)."""

    def __init__(self):
        super().__init__()
        self.register_buffer("speckle", 0.03 * torch.randn(1, 3, 96, 96, generator=torch.Generator().manual_seed(7)))

    def forward(self, inputs):
        return 0.5 + self.speckle.expand_as(inputs[:, :3])


def test_the_expert_smooth_keeps_a_near_black_ground_from_turning_light_where_its_speckle_is_clipped():
    image, mask = _ground_with_hole(0.0)
    image = (image - 0.8 + 2 / 255).clamp(0, 1)  # a near-black ground, 2 grey levels, scan noise
    main = MISFGenerator(8, 1).eval()
    ring_colour = float(plain_ring(image, mask, PLAIN_GATE)[1].mean())
    hole = mask.bool().expand_as(image)
    with torch.no_grad():
        speckled = InpaintingModel(main, [], shift="plain", expert=_SpeckledFill())(image, mask)
        smooth = torch.jit.script(InpaintingModel(main, [], shift="plain", expert=_SpeckledFill(),
                                                  expert_smooth=4.0).eval())(image, mask)
    assert float(speckled[hole].mean()) - ring_colour > 1.5 / 255  # speckle below 0 is clipped: lighter on average
    assert abs(float(smooth[hole].mean()) - ring_colour) < 1 / 255
    assert float(smooth[hole].std()) < float(speckled[hole].std()) / 4
    with pytest.raises(ValueError):
        InpaintingModel(main, [], expert_smooth=4.0)  # no expert to smooth


class _Recorder(torch.nn.Module):
    """A generator that fills with mid-grey and keeps the known pixels' mean colour of what it was given."""

    def __init__(self):
        super().__init__()
        self.seen = []

    def forward(self, inputs):
        known = 1 - inputs[:, 3:]
        self.seen.append(float((inputs[:, :3] * known).sum() / (3 * known.sum())))
        return torch.full_like(inputs[:, :3], 0.5)


def test_the_main_generator_sees_a_nearly_plain_dark_field_moved_to_mid_grey_and_structure_as_it_is():
    rng = np.random.default_rng(4)
    dark = torch.from_numpy((0.1 + rng.normal(0, 9 / 255, (1, 3, 96, 96))).clip(0, 1).astype(np.float32))
    _, mask = _ground_with_hole(0.0)
    structured, _ = _ground_with_hole(0.3)  # strong texture: the wide gate stays shut
    with torch.no_grad():
        assert float(plain_ring(dark * (1 - mask), mask, PLAIN_GATE)[0]) == 0.0  # too noisy for the expert
        weight = float(plain_ring(dark * (1 - mask), mask, NEARLY_PLAIN_GATE)[0])
        assert 0.5 < weight < 1.0
        shift = float(colour_shift(dark, mask, True).mean())
        known_mean = float((dark * (1 - mask)).sum() / (3 * (1 - mask).sum()))
        main = _Recorder()
        moved = InpaintingModel(main, [], shift="plain", expert=MISFGenerator(8, 1).eval(),
                                main_shift="nearly-plain").eval()
        out = moved(dark, mask)
        assert abs(main.seen[-1] - (known_mean + weight * shift)) < 1e-3  # moved towards mid-grey by the gate's share
        hole = mask.bool().expand_as(dark)
        assert abs(float(out[hole].mean()) - (0.5 - weight * shift)) < 1e-3  # and moved back: darker than the grey fill
        gen = MISFGenerator(8, 1).eval()
        scales = [1.0, 2.0]
        with_shift = InpaintingModel(gen, scales, shift="plain", expert=MISFGenerator(8, 1).eval(),
                                     main_shift="nearly-plain").eval()
        without = InpaintingModel(gen, scales, shift="plain", expert=with_shift.expert).eval()
        assert torch.equal(with_shift(structured, mask), without(structured, mask))  # structure: exactly as before
        assert torch.allclose(torch.jit.script(with_shift)(dark, mask), with_shift(dark, mask), atol=1e-5)
    with pytest.raises(ValueError):
        InpaintingModel(gen, scales, main_shift="nearly-plain")  # beside a plain expert only


def test_the_grain_gate_opens_on_a_flat_colour_with_heavy_grain_and_stays_shut_where_two_grounds_meet():
    rng = np.random.default_rng(4)
    image, mask = _ground_with_hole(0.0)
    grainy = (image + torch.from_numpy(rng.normal(0, 18 / 255, image.shape).astype(np.float32))).clamp(0, 1)
    assert float(plain_ring(grainy, mask, PLAIN_GATE)[0]) == 0.0  # too much texture for the plain gate
    assert float(plain_ring(grainy, mask, PLAIN_GATE, 8, GRAIN_GATE)[0]) == 1.0
    two = grainy.clone()
    two[..., :, :48] -= 0.3  # a darker ground meets it inside the ring: its colours spread more than its grain
    assert float(plain_ring(two, mask, PLAIN_GATE, 8, GRAIN_GATE)[0]) == 0.0
    w_plain, _ = plain_ring(image, mask, PLAIN_GATE)
    assert float(plain_ring(image, mask, PLAIN_GATE, 8, GRAIN_GATE)[0]) == float(w_plain)  # never less open


def test_a_package_with_a_grain_gate_scripts_and_records_it():
    torch.manual_seed(7)
    main, expert = MISFGenerator(8, 1).eval(), MISFGenerator(8, 1).eval()
    rng = np.random.default_rng(5)
    image, mask = _ground_with_hole(0.0)
    grainy = (image + torch.from_numpy(rng.normal(0, 18 / 255, image.shape).astype(np.float32))).clamp(0, 1)
    with torch.no_grad():
        model = InpaintingModel(main, [1.0], shift="plain", expert=expert, grain_gate=GRAIN_GATE).eval()
        without = InpaintingModel(main, [1.0], shift="plain", expert=expert).eval()
        expert_only = InpaintingModel(main, [1.0], shift="plain", expert=expert,
                                      plain_gate=[60 / 255, 64 / 255, 60 / 255, 64 / 255]).eval()
        assert torch.allclose(model(grainy, mask), expert_only(grainy, mask), atol=1e-6)
        assert not torch.allclose(model(grainy, mask), without(grainy, mask))
        assert torch.allclose(torch.jit.script(model)(grainy, mask), model(grainy, mask), atol=1e-5)
    assert grain_gate_arg("1.05,1.15,32,40") == [1.05, 1.15, 32 / 255, 40 / 255]
    with pytest.raises(ValueError):
        InpaintingModel(main, [1.0], grain_gate=GRAIN_GATE)  # no expert to open
