"""Checks a wall's result against its input and mask, tile by tile (bounded memory): the result's pixels differ
from the input's only where the mask is non-zero. Reads the result's own tiling with tifffile (an independent
reader), the input and mask region by region.
usage: check_wall.py INPUT MASK RESULT"""
import sys, zlib, numpy as np, tifffile

def tiles(path):
    t = tifffile.TiffFile(path)
    p = t.pages[0]
    return t, p

def read_tile(t, p, i):
    fh = t.filehandle
    fh.seek(p.dataoffsets[i])
    data = fh.read(p.databytecounts[i])
    th, tw = p.tilelength, p.tilewidth
    spp = p.samplesperpixel
    if p.compression == 8 or p.compression == 32946:
        data = zlib.decompress(data)
    elif p.compression != 1:
        raise SystemExit('compression %d not handled here' % p.compression)
    a = np.frombuffer(data, p.dtype).reshape((th, tw, spp) if spp > 1 else (th, tw))
    return a

ti, pi = tiles(sys.argv[1]); tm, pm = tiles(sys.argv[2]); to, po = tiles(sys.argv[3])
assert pi.is_tiled and pm.is_tiled and po.is_tiled
T = po.tilelength
assert pi.tilelength == T and pm.tilelength == T and pi.tilewidth == T == pm.tilewidth == po.tilewidth, 'same tiling'
H, W = po.shape[:2]
assert (H, W) == pi.shape[:2] == pm.shape[:2]
across = (W + T - 1) // T
changed = outside = holes = 0
for i in range(len(po.dataoffsets)):
    a, b, m = read_tile(ti, pi, i), read_tile(to, po, i), read_tile(tm, pm, i)
    ty, tx = divmod(i, across)
    h, w = min(T, H - ty * T), min(T, W - tx * T)
    a, b, m = a[:h, :w], b[:h, :w], m[:h, :w]
    d = a != b
    if d.ndim == 3: d = d.any(-1)
    changed += int(d.sum()); outside += int((d & (m == 0)).sum()); holes += int((m != 0).sum())
print('result %dx%d tiled %d, %s; hole pixels %d, changed %d, changed outside the holes %d' % (W, H, T, 'BigTIFF' if to.is_bigtiff else 'classic TIFF', holes, changed, outside))
sys.exit(1 if outside else 0)
