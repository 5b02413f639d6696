#!/usr/bin/env python3
"""Makes examples/mural.png (a crop of a WikiArt painting) and examples/mural_mask.png (crack + blob damage).

Run from the repository root with /usr/bin/python3 (needs numpy, PIL, OpenCV and ../shared/data):
    /usr/bin/python3 examples/make_example.py
"""
import os

import cv2
import numpy as np
from PIL import Image

SOURCE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "data", "images", "murals",
                      "wikiart224", "wikiart_c0_664.jpg")
OUT = os.path.dirname(os.path.abspath(__file__))


def crack(mask, rng, start, steps, thickness):
    x, y = start
    angle = rng.uniform(0, 2 * np.pi)
    for _ in range(steps):
        angle += rng.normal(0, 0.35)
        nx, ny = x + 6 * np.cos(angle), y + 6 * np.sin(angle)
        cv2.line(mask, (int(x), int(y)), (int(nx), int(ny)), 255, thickness)
        x, y = nx, ny


def main():
    img = Image.open(SOURCE).convert("RGB")
    crop = img.crop((0, 28, 224, 196))  # 224 x 168, 4:3
    crop.save(os.path.join(OUT, "mural.png"))
    rng = np.random.default_rng(2022)
    mask = np.zeros((168, 224), np.uint8)
    crack(mask, rng, (20, 30), 30, 2)
    crack(mask, rng, (200, 140), 25, 3)
    crack(mask, rng, (110, 80), 18, 2)
    cv2.ellipse(mask, (160, 50), (14, 9), 30, 0, 360, 255, -1)
    cv2.ellipse(mask, (60, 130), (10, 12), 0, 0, 360, 255, -1)
    Image.fromarray(mask).save(os.path.join(OUT, "mural_mask.png"))
    print("hole fraction %.3f" % (mask > 0).mean())


if __name__ == "__main__":
    main()
