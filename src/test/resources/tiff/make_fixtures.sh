#!/bin/sh
# Makes the TIFF fixtures of io/TiffPlanesTest with third-party writers (Debian's python3-tifffile and
# libvips-tools), so reading is tested on files this project did not write. Pixel values follow one formula that
# the test computes again: 8-bit (x*7 + y*13 + c*50) % 256, 16-bit (x*263 + y*1031 + c*5000) % 65536, 1-bit
# ((x // 5 + y // 3) % 2). Size 150 x 100 (not a multiple of the tiles). Run from this folder.
set -e
/usr/bin/python3 - <<'PY'
import numpy as np, tifffile
h, w = 100, 150
y, x = np.mgrid[0:h, 0:w]
def img8(c): return np.stack([(x * 7 + y * 13 + k * 50) % 256 for k in range(c)], -1).astype(np.uint8).squeeze()
def img16(c): return np.stack([(x * 263 + y * 1031 + k * 5000) % 65536 for k in range(c)], -1).astype(np.uint16).squeeze()
tifffile.imwrite('gray8_tiled_bigtiff.tif', img8(1), bigtiff=True, tile=(64, 64))
tifffile.imwrite('gray8_striped_zlib.tif', img8(1), compression='zlib', rowsperstrip=16)
tifffile.imwrite('gray8_one_strip.tif', img8(1))
tifffile.imwrite('gray16_tiled_zlib_predictor.tif', img16(1), tile=(64, 48), compression='zlib', predictor=True)
tifffile.imwrite('rgb8_tiled.tif', img8(3), photometric='rgb', tile=(64, 64))
tifffile.imwrite('rgb8_planar_striped.tif', np.moveaxis(img8(3), -1, 0), photometric='rgb', planarconfig='separate', rowsperstrip=7)
tifffile.imwrite('rgb16_striped_bigendian.tif', img16(3), photometric='rgb', byteorder='>', rowsperstrip=10)
tifffile.imwrite('mask1_striped.tif', ((x // 5 + y // 3) % 2).astype(bool), photometric='minisblack')
PY
vips tiffsave gray8_one_strip.tif gray8_tiled_lzw.tif --tile --tile-width 32 --tile-height 32 --compression lzw
vips tiffsave rgb8_tiled.tif rgb8_tiled_packbits_bigtiff.tif --tile --tile-width 128 --tile-height 64 --compression packbits --bigtiff
ls -l
