"""Makes a synthetic stitched wall and its damage mask as tiled BigTIFFs, row band by row band (bounded memory).
usage: make_wall.py OUT_DIR WIDTH HEIGHT SPOTS CRACK_LENGTH [rgb]"""
import sys, numpy as np, tifffile
out, W, H, spots, crack = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
rgb = len(sys.argv) > 6 and sys.argv[6] == 'rgb'
T = 512
rng = np.random.default_rng(25)
def bands_image():
    for y0 in range(0, H, T):
        h = min(T, H - y0)
        y, x = np.mgrid[y0:y0 + h, 0:W].astype(np.float32)
        base = 120 + 50 * np.sin(x / 900.0) * np.cos(y / 700.0) + 25 * np.sin((x + 2 * y) / 130.0)
        grain = rng.integers(-12, 13, (h, W))
        g = np.clip(base + grain, 0, 255).astype(np.uint8)
        if rgb:
            g = np.stack([g, np.clip(g.astype(int) - 20, 0, 255).astype(np.uint8), np.clip(g.astype(int) - 45, 0, 255).astype(np.uint8)], -1)
        for x0 in range(0, W, T):
            yield np.ascontiguousarray(g[:, x0:x0 + T]) if g[:, x0:x0 + T].shape[:2] == (T, T) else np.pad(g[:, x0:x0 + T], ((0, T - h), (0, T - min(T, W - x0))) + (((0, 0),) if rgb else ()))
shape = (H, W, 3) if rgb else (H, W)
tifffile.imwrite(out + '/big.tif', bands_image(), shape=shape, dtype=np.uint8, tile=(T, T), bigtiff=True, photometric='rgb' if rgb else 'minisblack')
# damage: spots of 3-20 px and one long meandering crack 3-5 px wide
sp = [(int(rng.integers(0, W - 30)), int(rng.integers(0, H - 30)), int(rng.integers(3, 21)), int(rng.integers(3, 21))) for _ in range(spots)]
pts = []
x, y, a = W * 0.1, H * 0.2, 0.5
for i in range(crack):
    a += rng.normal(0, 0.04); a = max(-1.2, min(1.2, a))
    x += np.cos(a); y += np.sin(a) * 0.8
    if not (5 < x < W - 10 and 5 < y < H - 10): break
    pts.append((int(x), int(y)))
def bands_mask():
    for y0 in range(0, H, T):
        h = min(T, H - y0)
        m = np.zeros((T, W + T), np.uint8)
        for (sx, sy, sw, sh) in sp:
            if sy + sh > y0 and sy < y0 + h:
                yy, xx = np.mgrid[sy:sy + sh, sx:sx + sw]
                inside = ((xx - sx - sw / 2) / (sw / 2)) ** 2 + ((yy - sy - sh / 2) / (sh / 2)) ** 2 <= 1
                yy, xx = yy[inside], xx[inside]
                keep = (yy >= y0) & (yy < y0 + h)
                m[yy[keep] - y0, xx[keep]] = 255
        for (cx, cy) in pts:
            if y0 - 3 <= cy < y0 + h + 3:
                for dy in range(-2, 2):
                    r = cy + dy - y0
                    if 0 <= r < h: m[r, cx - 2:cx + 2] = 255
        for x0 in range(0, W, T):
            yield np.ascontiguousarray(m[:, x0:x0 + T])
tifffile.imwrite(out + '/bigmask.tif', bands_mask(), shape=(H, W), dtype=np.uint8, tile=(T, T), bigtiff=True, compression='zlib')
print('crack points', len(pts), 'spots', len(sp))
