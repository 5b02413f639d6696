"""Before/after crops of one large hole, for README ("Large holes"), made with the CLI of two builds.

    /usr/bin/python3 docs/figures/large_hole.py --before OLD.jar --after target/MISF_Inpainting-0.1.0-SNAPSHOT.jar

A held-out photo (Urban100, never trained on) is enlarged 3x (bicubic) to 1536 x 1536 so that a 640 x 640 hole
is larger than the network's comfortable size at the image's own scale. Both builds fill it with the default
model; the figure shows the ground truth, the hole, and both fills, with PSNR inside the hole.
"""
import argparse
import os
import subprocess
import tempfile

import numpy as np
from PIL import Image

HERE = os.path.dirname(os.path.abspath(__file__))
PHOTO = os.path.join(HERE, "..", "..", "..", "shared", "data", "images", "natural", "urban100", "urban100_img_023.png")


def psnr(a, b, mask):
    d = (a.astype(np.float64) - b.astype(np.float64))[mask]
    return 10 * np.log10(255.0 ** 2 / np.mean(d ** 2))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--before", required=True, help="CLI jar of the build before coarse-to-fine")
    ap.add_argument("--after", required=True, help="CLI jar of this build")
    ap.add_argument("--photo", default=PHOTO)
    ap.add_argument("--out", default=os.path.join(HERE, "large_hole.png"))
    a = ap.parse_args()
    img = Image.open(a.photo).convert("RGB")
    big = img.resize((img.width * 3, img.height * 3), Image.BICUBIC)
    truth = np.asarray(big)
    h, w = truth.shape[:2]
    side = 640
    y0, x0 = (h - side) // 2, (w - side) // 2
    mask = np.zeros((h, w), np.uint8)
    mask[y0:y0 + side, x0:x0 + side] = 255
    with tempfile.TemporaryDirectory() as tmp:
        Image.fromarray(truth).save(os.path.join(tmp, "photo.png"))
        Image.fromarray(mask).save(os.path.join(tmp, "mask.png"))
        fills = {}
        for name, jar in (("before", a.before), ("after", a.after)):
            out = os.path.join(tmp, name + ".png")
            subprocess.run(["java", "-jar", jar, "inpaint", os.path.join(tmp, "photo.png"), os.path.join(tmp, "mask.png"),
                            "-o", out, "--quiet"], check=True)
            fills[name] = np.asarray(Image.open(out).convert("RGB"))
    hole = mask > 0
    pad = 96
    crop = (slice(y0 - pad, y0 + side + pad), slice(x0 - pad, x0 + side + pad))
    holed = truth.copy()
    holed[hole] = 255
    panels = [truth[crop], holed[crop], fills["before"][crop], fills["after"][crop]]
    cw = panels[0].shape[1]
    sheet = np.full((panels[0].shape[0], 4 * cw + 3 * 8, 3), 255, np.uint8)
    for i, p in enumerate(panels):
        sheet[:, i * (cw + 8):i * (cw + 8) + cw] = p
    Image.fromarray(sheet).resize((sheet.shape[1] // 2, sheet.shape[0] // 2), Image.LANCZOS).save(a.out)
    print("ground truth | hole | before: shrunk 2x and enlarged (PSNR in hole %.2f dB) | after: coarse-to-fine "
          "(%.2f dB) -> %s" % (psnr(fills["before"], truth, hole), psnr(fills["after"], truth, hole), a.out))


if __name__ == "__main__":
    main()
