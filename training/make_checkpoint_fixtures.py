#!/usr/bin/env python3
"""Test fixtures for the Java checkpoint importer (org.misf.checkpoint).

Good fixtures (``--good``): a release-format checkpoint ``torch.save({'iteration': 0, 'generator': sd})`` of
``MISFGenerator(width)`` with fixed-seed weights, and the eager Python output of ``InpaintingModel`` on fixed
non-square image + mask pairs (the numbers the Java import must reproduce):

    misf-w{W}-seed{S}.pth
    input_image_{H}x{W}.npy, input_mask_{H}x{W}.npy, expected_{H}x{W}.npy   for 64x96 and 72x40

Broken fixtures (``--broken``): files the importer must refuse, each small (tensors of the width-64
layout are zero-stride views of one-element storages, so the files are a few KB):

    posix_system.pth, os_system.pth, builtins_eval.pth, stack_global_eval.pth   pickles calling code
    truncated.pth       the first half of a valid checkpoint
    legacy.pth          the pre-1.6 (non-zip) torch.save format
    missing_key.pth     width-64 layout without decoder.7.bias
    wrong_shape.pth     width-64 layout with encoder0.1.weight 64x3x7x7
    unexpected_key.pth  width-64 layout plus an extra key
    non_float.pth       width-64 layout with encoder0.1.bias as int64
    absurd_shape.pth    a tensor of 2^31 x 2^31 elements (zero-stride)
    zip_bomb.pth        a storage entry that inflates 1000:1 beyond its declared size
    constant_w64.pth    valid: the width-64 layout, every tensor a constant (a bare state dict)

Examples:
    /usr/bin/python3 training/make_checkpoint_fixtures.py --good --width 8 --out src/test/resources/org/misf/checkpoint/fixtures
    /usr/bin/python3 training/make_checkpoint_fixtures.py --broken --out src/test/resources/org/misf/checkpoint/broken
    /usr/bin/python3 training/make_checkpoint_fixtures.py --good --width 64 --out target/ckpt-w64   # 92 MB, at test time
"""
import argparse
import collections
import io
import os
import pickle
import sys
import zipfile

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from misf.network import InpaintingModel, MISFGenerator  # noqa: E402

SIZES = [(64, 96), (72, 40)]  # H, W: both non-square, one wide and one tall


def test_pair(h: int, w: int, seed: int = 11):
    g = torch.Generator().manual_seed(seed)
    yy, xx = torch.meshgrid(torch.linspace(0, 1, h), torch.linspace(0, 1, w), indexing="ij")
    image = (0.5 * torch.rand(1, 3, h, w, generator=g) + 0.25 * yy + 0.25 * xx).clamp(0, 1)
    mask = torch.zeros(1, 1, h, w)
    mask[:, :, h // 4:h // 2, w // 4:(3 * w) // 5] = 1
    mask[:, :, (3 * h) // 4:(3 * h) // 4 + 4, 4:w - 4] = 1
    return image, mask


def write_good(out: str, width: int, seed: int) -> None:
    os.makedirs(out, exist_ok=True)
    torch.manual_seed(seed)
    gen = MISFGenerator(width).eval()
    name = os.path.join(out, f"misf-w{width}-seed{seed}.pth")
    torch.save({"iteration": 0, "generator": gen.state_dict()}, name)
    model = InpaintingModel(gen).eval()
    for h, w in SIZES:
        image, mask = test_pair(h, w)
        with torch.no_grad():
            expected = model(image, mask)
        np.save(os.path.join(out, f"input_image_{h}x{w}.npy"), image.numpy().astype(np.float32))
        np.save(os.path.join(out, f"input_mask_{h}x{w}.npy"), mask.numpy().astype(np.float32))
        np.save(os.path.join(out, f"expected_{h}x{w}.npy"), expected.numpy().astype(np.float32))
    print(f"wrote {name} ({os.path.getsize(name)} bytes) and the expected outputs")


def constant_state(width: int = 64):
    """The state-dict layout of MISFGenerator(width); each tensor is one value broadcast (zero strides)."""
    sd = collections.OrderedDict()
    for i, (key, t) in enumerate(MISFGenerator(width).state_dict().items()):
        sd[key] = torch.full([1] * t.dim(), 0.001 * (i % 7 - 3)).expand(t.shape)
    return sd


def save(obj, path: str) -> None:
    torch.save(obj, path)


class Call:
    """Pickles as a call of ``fn(*args)``; only pickled here, never unpickled."""

    def __init__(self, fn, args):
        self.fn, self.args = fn, args

    def __reduce__(self):
        return self.fn, self.args


def torch_zip(path: str, pickle_bytes: bytes, storages=None) -> None:
    """A zip laid out like torch.save's: archive/data.pkl, archive/data/<key>, archive/version."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as z:
        z.writestr("archive/data.pkl", pickle_bytes)
        for key, (data, compression) in (storages or {}).items():
            z.writestr(zipfile.ZipInfo(f"archive/data/{key}"), data, compress_type=compression)
        z.writestr("archive/version", "3\n")


def write_broken(out: str) -> None:
    os.makedirs(out, exist_ok=True)
    # code-calling pickles inside an otherwise release-like dict
    torch_zip(os.path.join(out, "posix_system.pth"),
              pickle.dumps({"iteration": 0, "generator": Call(os.system, ("echo pwned",))}, protocol=2))
    torch_zip(os.path.join(out, "builtins_eval.pth"),
              pickle.dumps({"iteration": 0, "generator": Call(eval, ("1+1",))}, protocol=3))
    torch_zip(os.path.join(out, "stack_global_eval.pth"),
              pickle.dumps({"iteration": 0, "generator": Call(eval, ("1+1",))}, protocol=4))
    # 'os system' by hand (Python itself would write 'posix system')
    evil = b"\x80\x02}q\x00(X\x09\x00\x00\x00iterationK\x00X\x09\x00\x00\x00generatorcos\nsystem\nX\x04\x00\x00\x00echo\x85Ru."
    torch_zip(os.path.join(out, "os_system.pth"), evil)

    sd = constant_state()
    save(sd, os.path.join(out, "constant_w64.pth"))
    with open(os.path.join(out, "constant_w64.pth"), "rb") as f:
        whole = f.read()
    with open(os.path.join(out, "truncated.pth"), "wb") as f:
        f.write(whole[:len(whole) // 2])
    torch.save({"iteration": 0, "generator": sd}, os.path.join(out, "legacy.pth"),
               _use_new_zipfile_serialization=False)

    missing = collections.OrderedDict(sd)
    del missing["decoder.7.bias"]
    save({"iteration": 0, "generator": missing}, os.path.join(out, "missing_key.pth"))
    wrong = collections.OrderedDict(sd)
    wrong["encoder0.1.weight"] = torch.zeros(1, 1, 1, 1).expand(64, 3, 7, 7)
    save({"iteration": 0, "generator": wrong}, os.path.join(out, "wrong_shape.pth"))
    extra = collections.OrderedDict(sd)
    extra["encoder0.9.weight"] = torch.zeros(1).expand(64)
    save({"iteration": 0, "generator": extra}, os.path.join(out, "unexpected_key.pth"))
    nonfloat = collections.OrderedDict(sd)
    nonfloat["encoder0.1.bias"] = torch.zeros(1, dtype=torch.int64).expand(64)
    save({"iteration": 0, "generator": nonfloat}, os.path.join(out, "non_float.pth"))
    save({"generator": {"huge": torch.zeros(1, 1).expand(2 ** 31, 2 ** 31)}}, os.path.join(out, "absurd_shape.pth"))

    # declared as a 4-element float storage; the entry inflates to 4 MB of zeros
    buf = io.BytesIO()
    torch.save({"w": torch.zeros(4)}, buf)
    with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as z:
        pkl_name = [n for n in z.namelist() if n.endswith("data.pkl")][0]
        pkl = z.read(pkl_name)
    torch_zip(os.path.join(out, "zip_bomb.pth"), pkl, {"0": (bytes(4 << 20), zipfile.ZIP_DEFLATED)})
    for name in sorted(os.listdir(out)):
        print(f"{name}: {os.path.getsize(os.path.join(out, name))} bytes")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--good", action="store_true", help="write the fixed-seed checkpoint and expected outputs")
    ap.add_argument("--broken", action="store_true", help="write the files the importer must refuse")
    ap.add_argument("--width", type=int, default=8)
    ap.add_argument("--seed", type=int, default=1234)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    if not (args.good or args.broken):
        ap.error("say --good and/or --broken")
    if args.good:
        write_good(args.out, args.width, args.seed)
    if args.broken:
        write_broken(args.out)


if __name__ == "__main__":
    main()
