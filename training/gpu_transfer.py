"""Carry a continuation of the default model to a lent GPU machine and bring its weights back.

    /usr/bin/python3 training/gpu_transfer.py pack              # .gpu/ (git-ignored); prints the steps around the call
    OUT=$OUT bash training/gpu_continue.sh                      # on the GPU machine (the run tool's command)
    /usr/bin/python3 training/gpu_transfer.py merge FOLDER RUN  # FOLDER = the files that came back; RUN/generator.pth

`pack` stays under the device tool's limit on what travels with the working tree (64 MiB, counted on disk, tree
included).

`.gpu/data.tar` holds every image of the training sources (the whole training pool, so the every-10th validation split
is the same as here; no test source) and whole groups of ten NVIDIA masks in index order (one held-out mask
and nine training masks each), so the held-out masks keep their every-10th positions and no test mask becomes a
training mask. `.gpu/init/generator.pth` is the package's generator in float16 (half the bytes; training continues
in float32).
"""
import argparse
import io
import os
import shutil
import subprocess
import sys
import tarfile

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from misf.data import HOLDOUT_EVERY, read_mask_index, training_pool  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
MIB = 1 << 20
LIMIT_MIB = 64  # the device tool's limit on the working tree plus carried paths, counted on disk
# package weights training does not read there, kept from travelling (the printed steps)
WEIGHTS = ("models/misf-w32/model.pt", "models/misf-w32/generator.pth", "models/lpips-squeeze-v0.1/model.pt")


def on_disk(path: str) -> int:
    if os.path.isdir(path):
        return sum(on_disk(os.path.join(d, f)) for d, _, fs in os.walk(path) for f in fs)
    return os.stat(path).st_blocks * 512


def travelling_bytes(out: str) -> int:
    """What the run call would send: the tracked and untracked-not-ignored files but the weights, plus `out`."""
    files = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"], cwd=REPO,
                           check=True, capture_output=True).stdout.decode().split("\0")
    tree = sum(on_disk(os.path.join(REPO, f)) for f in files if f and f not in WEIGHTS
               and os.path.exists(os.path.join(REPO, f)))
    return tree + on_disk(out)


def mask_groups(index, groups: int):
    """Whole groups of HOLDOUT_EVERY consecutive index rows, spread evenly over the index (it is ordered by hole
    ratio): row k of the result is held out exactly when row k of the full index it came from is."""
    total = len(index) // HOLDOUT_EVERY
    picks = sorted({int(g * total / groups) for g in range(groups)}) if groups < total else range(total)
    return [row for g in picks for row in index[g * HOLDOUT_EVERY:(g + 1) * HOLDOUT_EVERY]]


def pack(data: str, out: str, groups: int, init: str) -> dict:
    os.makedirs(os.path.join(out, "init"), exist_ok=True)
    images = training_pool(data)
    masks = mask_groups(read_mask_index(data), groups)
    tar_path = os.path.join(out, "data.tar")
    with tarfile.open(tar_path + ".part", "w") as tar:
        for p in images:
            tar.add(p, arcname=os.path.relpath(p, data))
        kept = {os.path.basename(p) for p, _ in masks}
        with open(os.path.join(data, "masks", "irregular_index.tsv")) as f:  # header and rows as they are
            header, *rows = f.read().splitlines()
        lines = [header] + [r for r in rows if r.split("\t")[0] in kept]
        for p, _ in masks:
            tar.add(p, arcname=os.path.relpath(p, data))
        blob = ("\n".join(lines) + "\n").encode()
        info = tarfile.TarInfo("masks/irregular_index.tsv")
        info.size = len(blob)
        tar.addfile(info, io.BytesIO(blob))
    os.replace(tar_path + ".part", tar_path)
    ck = torch.load(os.path.join(init, "generator.pth"), map_location="cpu")
    half = {"iteration": ck.get("iteration", 0),
            "generator": {k: (v.half() if v.is_floating_point() else v) for k, v in ck["generator"].items()}}
    torch.save(half, os.path.join(out, "init", "generator.pth"))
    return {"images": len(images), "masks": len(masks), "tar_mib": os.path.getsize(tar_path) / MIB,
            "init_mib": os.path.getsize(os.path.join(out, "init", "generator.pth")) / MIB}


def merge(folder: str, run: str, name: str = "w32") -> int:
    """Join the two halves gpu_train.sh brought back (<name>_a.pth, <name>_b.pth) into <run>/generator.pth and copy
    the log beside it; returns the iteration."""
    parts = [torch.load(os.path.join(folder, f"{name}_{p}.pth"), map_location="cpu") for p in "ab"]
    if parts[0]["iteration"] != parts[1]["iteration"]:
        raise SystemExit("the two halves come from different iterations")
    generator = {**parts[0]["generator"], **parts[1]["generator"]}
    os.makedirs(run, exist_ok=True)
    torch.save({"iteration": parts[0]["iteration"], "generator": generator}, os.path.join(run, "generator.pth"))
    for extra in (f"{name}_log.tsv", f"{name}.out"):
        if os.path.exists(os.path.join(folder, extra)):
            shutil.copyfile(os.path.join(folder, extra), os.path.join(run, extra))
    return parts[0]["iteration"]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="command", required=True)
    p = sub.add_parser("pack", help="write .gpu/ for gpu_continue.sh")
    p.add_argument("--data", default=os.path.join(os.path.dirname(REPO), "shared", "data"))
    p.add_argument("--out", default=os.path.join(REPO, ".gpu"))
    p.add_argument("--mask-groups", type=int, default=100, help="groups of ten NVIDIA masks to carry")
    p.add_argument("--init", default=os.path.join(REPO, "models", "misf-w32"))
    m = sub.add_parser("merge", help="join the weights that came back into RUN/generator.pth")
    m.add_argument("folder")
    m.add_argument("run")
    args = ap.parse_args()
    if args.command == "merge":
        it = merge(args.folder, args.run)
        print(f"{args.run}/generator.pth: iteration {it}; export it with export.py --checkpoint")
        return
    summary = pack(args.data, args.out, args.mask_groups, args.init)
    print(f"{summary['images']} training images and {summary['masks']} masks: data.tar {summary['tar_mib']:.1f} MiB; "
          f"init/generator.pth (float16) {summary['init_mib']:.1f} MiB")
    total = travelling_bytes(args.out) / MIB
    print(f"the run call would carry {total:.1f} MiB of {LIMIT_MIB} (tree without the weights, plus {args.out})")
    if total > LIMIT_MIB - 2:
        raise SystemExit("too much to carry: lower --mask-groups")
    w = " ".join(WEIGHTS)
    restore = ";".join("\\#^" + x + "$#d" for x in WEIGHTS)
    print("Before the run call, keep the packages' weights (not needed there) from travelling:\n"
          f"  git rm --cached -q {w} && printf '%s\\n' {w} >> .git/info/exclude\n"
          "Run call: carry ['.gpu'], command 'OUT=$OUT SECONDS_BUDGET=360 bash training/gpu_continue.sh'.\n"
          f"After it: git reset -q {w} && sed -i '{restore}' .git/info/exclude")


if __name__ == "__main__":
    main()
