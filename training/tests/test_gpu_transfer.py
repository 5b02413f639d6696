"""What gpu_transfer.py carries to a GPU machine keeps the split: no test source, and held-out masks stay held out."""
import os
import tarfile

import numpy as np
import torch
from PIL import Image

from gpu_transfer import mask_groups, merge, pack
from misf.data import HOLDOUT_EVERY, split
from misf.network import MISFGenerator


def fake_data(root, masks=45):
    for rel in ("natural/bsds500_train/a.jpg", "natural/bsds500_train/b.jpg", "natural/urban100/c.png",
                "murals/wikiart224/wikiart_c1_d.jpg", "murals/wikiart224/wikiart_c5_e.jpg", "faces/f.png"):
        path = os.path.join(root, "images", rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        Image.fromarray(np.zeros((64, 64, 3), np.uint8)).save(path)
    os.makedirs(os.path.join(root, "masks", "irregular"))
    with open(os.path.join(root, "masks", "irregular_index.tsv"), "w") as f:
        f.write("file\thole_ratio_256\tnvidia_original_bin\n")
        for i in range(masks):
            Image.fromarray(np.zeros((32, 32), np.uint8)).save(os.path.join(root, "masks", "irregular", f"{i:05d}.png"))
            f.write(f"{i:05d}.png\t{i / masks:.4f}\tbin\n")


def test_mask_groups_keep_every_held_out_mask_at_a_held_out_position():
    index = [(f"{i:05d}.png", i / 1000) for i in range(1000)]
    kept = mask_groups(index, 7)
    assert len(kept) == 7 * HOLDOUT_EVERY
    assert set(split(kept, validation=True)) == set(split(index, validation=True)) & set(kept)
    assert kept[-1][1] > 0.8  # spread over the index, which is ordered by hole ratio


def test_pack_carries_the_training_pool_only_and_a_consistent_mask_index(tmp_path):
    data, out, init = tmp_path / "data", tmp_path / "gpu", tmp_path / "init"
    fake_data(str(data))
    init.mkdir()
    torch.save({"iteration": 7, "generator": MISFGenerator(8, 1).state_dict()}, init / "generator.pth")
    summary = pack(str(data), str(out), groups=2, init=str(init))
    with tarfile.open(out / "data.tar") as tar:
        names = tar.getnames()
        index = tar.extractfile("masks/irregular_index.tsv").read().decode().splitlines()[1:]
    images = sorted(n for n in names if n.startswith("images/"))
    assert images == ["images/murals/wikiart224/wikiart_c1_d.jpg", "images/natural/bsds500_train/a.jpg",
                      "images/natural/bsds500_train/b.jpg"]
    carried = [line.split("\t")[0] for line in index]
    assert sorted("masks/irregular/" + n for n in carried) == sorted(n for n in names if n.startswith("masks/irregular/"))
    assert carried == [f"{i:05d}.png" for i in list(range(0, 10)) + list(range(20, 30))]
    assert summary["images"] == 3 and summary["masks"] == 20
    half = torch.load(out / "init" / "generator.pth")
    assert half["iteration"] == 7 and all(v.dtype == torch.float16 for v in half["generator"].values()
                                          if v.is_floating_point())


def test_merge_joins_the_two_halves(tmp_path):
    state = MISFGenerator(8, 1).state_dict()
    keys = sorted(state)
    for part, ks in (("a", keys[:10]), ("b", keys[10:])):
        torch.save({"iteration": 12, "generator": {k: state[k] for k in ks}}, tmp_path / f"w32_{part}.pth")
    assert merge(str(tmp_path), str(tmp_path / "run")) == 12
    joined = torch.load(tmp_path / "run" / "generator.pth")["generator"]
    assert sorted(joined) == keys and all(torch.equal(joined[k], state[k]) for k in keys)
