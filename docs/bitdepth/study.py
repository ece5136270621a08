#!/usr/bin/env python3
"""Design study behind the contour method (docs/BITDEPTH.md): mean PSNR of variants on two sets.

Reads binary PPM/PGM files (ImageMagick: `convert in.png -depth 16 out.ppm`; the Kodak crops are
`-gravity center -crop 256x256+0+0`). Usage: study.py N M FILE...  e.g. study.py 4 8 k*.ppm
The Java implementation (ContourInterpolation) reproduces the 'contour r8 c0.5 h0.5' row exactly.
"""
import sys
import numpy as np
from scipy.ndimage import distance_transform_edt as edt, gaussian_filter


def read(path):
    d = open(path, 'rb').read()
    parts, pos = [], 0
    while len(parts) < 4:
        while d[pos:pos + 1].isspace():
            pos += 1
        if d[pos:pos + 1] == b'#':
            while d[pos:pos + 1] != b'\n':
                pos += 1
            continue
        s = pos
        while not d[pos:pos + 1].isspace():
            pos += 1
        parts.append(d[s:pos])
    pos += 1
    w, h, mx = int(parts[1]), int(parts[2]), int(parts[3])
    ch = 3 if parts[0] == b'P6' else 1
    dt = np.dtype('>u2') if mx > 255 else np.uint8
    return np.frombuffer(d[pos:], dtype=dt)[:w * h * ch].reshape(h, w, ch).astype(np.float64)


def psnr(a, b, bits):
    return 10 * np.log10((2 ** bits - 1) ** 2 / np.mean((a - b) ** 2))


def contour_fraction(v, radius):
    up = np.full(v.shape, np.inf)
    down = np.full(v.shape, np.inf)
    for level in np.unique(v):
        sel = v == level
        if (v > level).any():
            up[sel] = edt(~(v > level))[sel]
        if (v < level).any():
            down[sel] = edt(~(v < level))[sel]
    du, dd = np.minimum(up, radius) - 0.5, np.minimum(down, radius) - 0.5
    return np.where((up >= radius) & (down >= radius), 0.5, dd / (du + dd))


def histogram_fraction(v, n):
    cnt = np.bincount(v.ravel(), minlength=2 ** n).astype(float)
    left = np.concatenate([[cnt[0]], (cnt[:-1] + cnt[1:]) / 2])
    right = np.concatenate([(cnt[:-1] + cnt[1:]) / 2, [cnt[-1]]])
    return np.where(left + right > 0, (left + 2 * right) / (3 * (left + right) + 1e-300), 0.5)[v]


def main():
    n, m, files = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3:]
    k, step = m - n, 2 ** (m - n)
    rows = {}
    for f in files:
        x = read(f)
        v = np.floor(x / step).astype(int)
        lo, hi = v * step, v * step + step - 1
        centre = lo + step / 2
        out = {'centre': centre}
        fr = {r: np.stack([contour_fraction(v[..., c], r) for c in range(x.shape[2])], -1) for r in (4, 8, 12)}
        hf = np.stack([histogram_fraction(v[..., c], n) for c in range(x.shape[2])], -1)
        by_hist = lo + hf * step - 0.5
        for r in (4, 8, 12):
            by_contour = lo + fr[r] * step - 0.5
            for cw in (0.3, 0.5, 0.7, 1.0):
                out['contour r%d c%.1f h0.0' % (r, cw)] = centre + cw * (by_contour - centre)
            for hw in (0.5, 1.0):
                out['contour r%d c0.5 h%.1f' % (r, hw)] = centre + 0.5 * (by_contour - centre) + hw * (by_hist - centre)
        out['histogram only'] = by_hist
        for sigma in (0.7, 1.2):
            out['blur s%.1f shrink 0.3' % sigma] = centre + 0.3 * (gaussian_filter(centre, (sigma, sigma, 0)) - centre)
        pocs = centre.copy()
        for _ in range(20):
            pocs = np.clip(gaussian_filter(pocs, (0.7, 0.7, 0)), lo, hi)
        out['blur+clip x20 (POCS)'] = pocs
        for key, est in out.items():
            rows.setdefault(key, []).append(psnr(x, np.round(np.clip(est, lo, hi)), m))
    base = np.mean(rows['centre'])
    print('| variant | mean PSNR (dB) | vs centre |\n|---|---:|---:|')
    for key, vals in rows.items():
        print('| %s | %.3f | %+.3f |' % (key, np.mean(vals), np.mean(vals) - base))


if __name__ == '__main__':
    main()
