#!/usr/bin/env python3
"""Write a zero-weight TorchScript skeleton of InpaintingModel(MISFGenerator(width)), gzip-compressed.

The Java checkpoint importer (org.misf.checkpoint) fills the skeleton's parameters from an authors'
checkpoint and saves the result as a model package's model.pt, so no weights need to be shipped:
a width-64 skeleton is ~92 MB of zeros, a few hundred KB once gzipped.

The skeleton is the same scripted module that training/export.py writes (dynamic H, W), so an imported
package behaves exactly like an exported one. Output is deterministic (gzip mtime 0).

Example:
    /usr/bin/python3 training/make_skeleton.py --width 64 \
        --out src/main/resources/org/misf/checkpoint/skeletons/misf-w64-b8.pt.gz
"""
import argparse
import gzip
import io
import os
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from misf.network import InpaintingModel, MISFGenerator  # noqa: E402
from export import script_model  # noqa: E402


def skeleton_bytes(width: int, blocks: int) -> bytes:
    gen = MISFGenerator(width, blocks)
    with torch.no_grad():
        for p in gen.parameters():
            p.zero_()
    buf = io.BytesIO()
    torch.jit.save(script_model(InpaintingModel(gen)), buf)
    return buf.getvalue()


def write_gzip(data: bytes, out: str) -> None:
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    with open(out, "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", compresslevel=9, fileobj=raw, mtime=0) as gz:
            gz.write(data)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--width", type=int, default=64)
    ap.add_argument("--blocks", type=int, default=8)
    ap.add_argument("--out", required=True, help="output .pt.gz file")
    args = ap.parse_args()
    data = skeleton_bytes(args.width, args.blocks)
    write_gzip(data, args.out)
    print(f"{args.out}: {len(data)} bytes TorchScript, {os.path.getsize(args.out)} bytes gzipped")


if __name__ == "__main__":
    main()
