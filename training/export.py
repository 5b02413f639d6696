#!/usr/bin/env python3
"""Export a trained MISF generator to a model package (a folder under models/).

The package holds:
  model.pt                       TorchScript (scripted: any H, W multiple of 4) of
                                 forward(image[B,3,H,W] in [0,1], mask[B,1,H,W] 1 = hole) -> composited RGB
  model.yaml                     the descriptor (name, version, architecture, axes, ranges, sha256, training, ...)
  test_input_image.npy, test_input_mask.npy, test_output.npy
                                 a non-square test pair the Java side replays
  generator.pth                  the generator in the release format {'iteration', 'generator'} (resume / import)
  discriminator.pth              optional, to resume adversarial training

Example:
    python3 training/export.py --checkpoint training/runs/w32/generator.pth --width 32 --out models/misf-w32 \
        --id misf-w32 --name "MISF width 32 (default)" --boundary-scales 0.5,1,2,4,8,16
"""
import argparse
import hashlib
import json
import os
import shutil
import sys

import numpy as np
import torch
import yaml

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from misf.network import (MAIN_SHIFTS, PLAIN_GATE, RING_PX, SHIFTS, InpaintingModel, MISFGenerator,  # noqa: E402
                          flat_ground_arg, gate_arg, grain_gate_arg, load_release_state,
                          plain_ring)

TEST_SIZE = (64, 96)  # H, W: deliberately non-square

CITATION = ("Li, X., Guo, Q., Lin, D., Li, P., Feng, W., Wang, S. MISF: Multi-level Interactive Siamese Filtering "
            "for High-Fidelity Image Inpainting. CVPR 2022.")


def sha256(path: str) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def script_model(model: InpaintingModel) -> torch.jit.ScriptModule:
    return torch.jit.script(model.eval())


def test_pair(seed: int = 7, blended: bool = False, gate=None):
    """The package's test pair. ``blended``: a pale ground whose noise leaves the plain gate (``gate``, default
    ``PLAIN_GATE``) half open, so that the test runs both the main generator and the plain expert, and their blend."""
    gate = PLAIN_GATE if gate is None else gate
    noise = 5.5 / 255 * ((gate[0] + gate[1]) / (PLAIN_GATE[0] + PLAIN_GATE[1]))
    g = torch.Generator().manual_seed(seed)
    h, w = TEST_SIZE
    yy, xx = torch.meshgrid(torch.linspace(0, 1, h), torch.linspace(0, 1, w), indexing="ij")
    if blended:
        image = (0.75 + 0.08 * yy - 0.05 * xx + noise * torch.randn(1, 3, h, w, generator=g)).clamp(0, 1)
    else:
        image = torch.rand(1, 3, h, w, generator=g)
        # a smooth image is a more telling test than noise: add gradients
        image = (0.5 * image + 0.25 * yy + 0.25 * xx).clamp(0, 1)
    mask = torch.zeros(1, 1, h, w)
    mask[:, :, 16:40, 24:60] = 1
    mask[:, :, 50:54, 8:90] = 1
    return image, mask


def write_descriptor(path: str, desc: dict) -> None:
    with open(path, "w") as f:
        f.write("# MISF for Fiji model package descriptor (see README.md, 'Model packages')\n")
        yaml.safe_dump(desc, f, sort_keys=False, default_flow_style=None, width=120)


def export(gen: MISFGenerator, out: str, name: str, pid: str, version: str, training: dict, extra: dict = None,
           generator_ckpt: str = None, discriminator_ckpt: str = None, boundary_scales=None,
           flip_average: bool = False, shift: str = "off", flat_ground=None, expert: MISFGenerator = None,
           expert_ckpt: str = None, expert_inverse: bool = False, main_shift: str = "off",
           expert_smooth: float = 0.0, plain_gate=None, grain_gate=None) -> dict:
    os.makedirs(out, exist_ok=True)
    gen = gen.eval()
    model = InpaintingModel(gen, boundary_scales, flip_average, shift=shift, flat_ground=flat_ground,
                            expert=expert.eval() if expert is not None else None,
                            expert_inverse=expert_inverse, main_shift=main_shift,
                            expert_smooth=expert_smooth, plain_gate=plain_gate, grain_gate=grain_gate).eval()
    scripted = script_model(model)
    model_path = os.path.join(out, "model.pt")
    scripted.save(model_path)
    image, mask = test_pair(blended=expert is not None, gate=model.plain_gate)
    if expert is not None:
        weight = float(plain_ring(image, mask, model.plain_gate)[0])
        if not 0 < weight < 1:
            raise SystemExit(f"the test pair should half open the plain gate (weight {weight:.2f})")
    with torch.no_grad():
        expected = model(image, mask)
        got = torch.jit.load(model_path)(image, mask)
    diff = (expected - got).abs().max().item()
    if diff > 1e-5:
        raise SystemExit(f"TorchScript differs from the eager model by {diff}")
    np.save(os.path.join(out, "test_input_image.npy"), image.numpy().astype(np.float32))
    np.save(os.path.join(out, "test_input_mask.npy"), mask.numpy().astype(np.float32))
    np.save(os.path.join(out, "test_output.npy"), expected.numpy().astype(np.float32))
    if generator_ckpt and os.path.abspath(generator_ckpt) != os.path.abspath(os.path.join(out, "generator.pth")):
        shutil.copyfile(generator_ckpt, os.path.join(out, "generator.pth"))
    if expert_ckpt:
        shutil.copyfile(expert_ckpt, os.path.join(out, "expert.pth"))
    if discriminator_ckpt and os.path.exists(discriminator_ckpt):
        shutil.copyfile(discriminator_ckpt, os.path.join(out, "discriminator.pth"))
    desc = {
        "format_version": 1,
        "id": pid,
        "name": name,
        "version": version,
        "description": "MISF image inpainting generator (Multi-level Interactive Siamese Filtering).",
        "architecture": {"name": "MISF", "width": gen.width, "residual_blocks": gen.residual_blocks,
                         "parameters": sum(p.numel() for p in gen.parameters())},
        "weights": {"source": "model.pt", "format": "torchscript", "sha256": sha256(model_path),
                    "pytorch_version": torch.__version__.split("+")[0]},
        "inputs": [
            {"name": "image", "axes": "bcyx", "channels": 3, "dtype": "float32", "data_range": [0.0, 1.0]},
            {"name": "mask", "axes": "bcyx", "channels": 1, "dtype": "float32", "data_range": [0.0, 1.0],
             "meaning": "1 = hole (to fill), 0 = known"},
        ],
        "outputs": [
            {"name": "output", "axes": "bcyx", "channels": 3, "dtype": "float32", "data_range": [0.0, 1.0],
             "meaning": "inpainted RGB, known pixels copied from the input"},
        ],
        "size": {"multiple_of": 4, "min": 16, "comfortable": 256, "max": 512},
        "test": {"inputs": ["test_input_image.npy", "test_input_mask.npy"], "outputs": ["test_output.npy"],
                 "tolerance": 1e-4},
        "inference": {"boundary_correction": {"scales_px": list(model.boundary_scales),
                                              "confidence": model.confidence} if model.boundary_scales else "off",
                      "flip_average": model.flip_average,
                      "colour_shift": {"mode": "plain", "ring_px": RING_PX,
                                       "texture_grey_levels": [round(v * 255, 3) for v in model.plain_gate[:2]],
                                       "spread_grey_levels": [round(v * 255, 3) for v in model.plain_gate[2:]],
                                       **({"grain": {"spread_over_texture": model.grain_gate[:2],
                                                     "texture_grey_levels": [round(v * 255, 3)
                                                                             for v in model.grain_gate[2:]]}}
                                          if model.grain_gate else {}),
                                       "moves": "the plain expert's input only" if expert is not None
                                       else "the generator's input"}
                      if model.shift == "plain" else model.shift,
                      "plain_expert": {"weights": "expert.pth", "parameters": sum(p.numel() for p in expert.parameters()),
                                       "runs": "where the ring around the holes is plain (the colour shift's gate "
                                               "open), blended with the main generator by the gate",
                                       "inverse_average": model.expert_inverse,
                                       **({"smooth_px": model.expert_smooth} if model.expert_smooth > 0 else {})}
                      if expert is not None else "off",
                      "main_shift": {"mode": "nearly-plain", "shift": "the known pixels' mean towards mid-grey, none "
                                     "leaving [0, 1], times the gate's weight", "ring_px": RING_PX,
                                     "texture_grey_levels": [round(v * 255, 3) for v in model.main_gate[:2]],
                                     "spread_grey_levels": [round(v * 255, 3) for v in model.main_gate[2:]]}
                      if model.main_shift == "nearly-plain" else "off",
                      "flat_ground": {"plain_up_to": model.flat_ground[0], "structure_from": model.flat_ground[1]}
                      if model.flat_ground else "off"},
        "training": training,
        "license": "Apache-2.0 (weights trained by the MISF for Fiji project)",
        "citation": CITATION,
    }
    if extra:
        desc.update(extra)
    write_descriptor(os.path.join(out, "model.yaml"), desc)
    return desc


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--checkpoint", required=True, help="release-format generator checkpoint (or a bare state dict)")
    ap.add_argument("--discriminator", help="discriminator state dict to ship for resuming")
    ap.add_argument("--width", type=int, default=16)
    ap.add_argument("--blocks", type=int, default=8)
    ap.add_argument("--out", required=True)
    ap.add_argument("--id", help="package id (default: misf-w<width>)")
    ap.add_argument("--name", help="display name (default: MISF width <width>)")
    ap.add_argument("--version", default="0.1.0")
    ap.add_argument("--boundary-scales", default="",
                    help="comma-separated Gaussian scales in px for the boundary colour correction (e.g. 1,2,4; empty = off)")
    ap.add_argument("--flip-average", action="store_true", help="average with the mirrored input's prediction (2x cost)")
    ap.add_argument("--shift", default="off", choices=SHIFTS,
                    help="colour shift around the generator (misf.network.shift_for): 'limited' moves the known "
                         "pixels' mean towards mid-grey as far as the window's range allows; 'plain' moves a plain ground "
                         "around the holes to mid-grey and leaves surroundings with texture as they are")
    ap.add_argument("--flat-ground", default="",
                    help="LO,HI in grey levels of 255 (e.g. 3,6): where a hole's surroundings are plain (texture at most "
                         "LO) it takes their colour, from HI on the network's fill stays (misf.network.flat_ground_fill; "
                         "needs --boundary-scales); empty = off")
    ap.add_argument("--expert", help="plain expert generator checkpoint (train.py --expert): run where the holes' "
                    "surroundings are plain, the main generator elsewhere (misf.network.plain_mixture; needs --shift plain)")
    ap.add_argument("--expert-inverse", action="store_true",
                    help="average the expert's fill with the inverse of its fill of the inverted ground (2 expert passes)")
    ap.add_argument("--main-shift", default="off", choices=MAIN_SHIFTS,
                    help="beside a plain expert, the main generator's colour shift: 'nearly-plain' moves a nearly plain "
                         "field (misf.network.NEARLY_PLAIN_GATE) towards mid-grey (misf.network.main_shift_of)")
    ap.add_argument("--expert-smooth", type=float, default=0.0,
                    help="keep only the smooth part of the expert's fill: a Gaussian of this many px "
                         "(misf.network.smooth_fill); 0 = off")
    ap.add_argument("--plain-gate", default="",
                    help="the plain shift's and expert's gate in grey levels of 255: TEXTURE_PLAIN,TEXTURE_NOT,"
                         "SPREAD_PLAIN,SPREAD_NOT (misf.network.plain_ring); empty = PLAIN_GATE, 4,8,20,32")
    ap.add_argument("--grain-gate", default="",
                    help="also open the expert's gate on grain: SPREAD/TEXTURE up to, none from, TEXTURE up to, none "
                         "from (grey levels of 255), e.g. 1.05,1.15,32,40 (misf.network.GRAIN_GATE); empty = off")
    ap.add_argument("--training-json", help="JSON file with the training summary for the descriptor")
    args = ap.parse_args()
    gen = MISFGenerator(args.width, args.blocks)
    ck = torch.load(args.checkpoint, map_location="cpu")
    load_release_state(gen, ck)
    expert = None
    if args.expert:
        expert = MISFGenerator(args.width, args.blocks)
        load_release_state(expert, torch.load(args.expert, map_location="cpu"))
    training = {}
    if args.training_json:
        with open(args.training_json) as f:
            training = json.load(f)
    if isinstance(ck, dict) and "iteration" in ck:
        training.setdefault("iterations", int(ck["iteration"]))
    desc = export(gen, args.out, args.name or f"MISF width {args.width}", args.id or f"misf-w{args.width}",
                  args.version, training,
                  generator_ckpt=args.checkpoint, discriminator_ckpt=args.discriminator,
                  boundary_scales=[float(v) for v in args.boundary_scales.split(",") if v],
                  flip_average=args.flip_average, shift=args.shift, flat_ground=flat_ground_arg(args.flat_ground),
                  expert=expert, expert_ckpt=args.expert, expert_inverse=args.expert_inverse,
                  main_shift=args.main_shift, expert_smooth=args.expert_smooth,
                  plain_gate=gate_arg(args.plain_gate), grain_gate=grain_gate_arg(args.grain_gate))
    print(f"exported {args.out}: sha256 {desc['weights']['sha256']}")


if __name__ == "__main__":
    main()
