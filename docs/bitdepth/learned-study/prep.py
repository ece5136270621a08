# Build training crops (256x256x3 uint8) from /tmp/bd-train/out/img8 and Kodak test crops.
import numpy as np, subprocess, os, glob, sys
rng = np.random.default_rng(0)
import os
SRC = os.environ.get('TRAIN_DIR', '/tmp/bd-train/out') + '/img8'
def load(path, resize=None):
    dims = subprocess.run(['identify', '-format', '%w %h\n', path], capture_output=True, text=True).stdout.split('\n')[0].split()
    w, h = int(dims[0]), int(dims[1])
    args = ['convert', path + '[0]', '-alpha', 'off']
    if resize:
        args += ['-filter', 'Box', '-resize', f'{100/resize:.4f}%']
        w, h = int(round(w / resize)), int(round(h / resize))
    args += ['-depth', '8', 'rgb:-']
    raw = subprocess.run(args, capture_output=True).stdout
    n = len(raw) // 3
    # recover geometry robustly
    if n != w * h:
        # resize rounding: try neighbours
        for dw in (-1, 0, 1):
            for dh in (-1, 0, 1):
                if (w + dw) * (h + dh) == n: w, h = w + dw, h + dh
    return np.frombuffer(raw, np.uint8).reshape(h, w, 3)
def crops(img, k, S=256):
    h, w, _ = img.shape
    out = []
    if h < S or w < S: return out
    for _ in range(k):
        y = rng.integers(0, h - S + 1); x = rng.integers(0, w - S + 1)
        out.append(img[y:y+S, x:x+S].copy())
    return out
files = sorted(os.listdir(SRC))
png_other = [f for f in files if f.endswith('.png') and not f.startswith('stellarium')]
stel = [f for f in files if f.startswith('stellarium')]
jpgs = [f for f in files if f.endswith('.jpg')]
sets = {'png': [], 'stel': [], 'jpg': [], 'jpgfull': []}
names = {k: [] for k in sets}
for f in png_other:
    for c in crops(load(os.path.join(SRC, f)), 4): sets['png'].append(c); names['png'].append(f)
for f in rng.permutation(stel)[:160]:
    img = load(os.path.join(SRC, f))
    cs = crops(img, 1)
    for c in cs:
        if c.mean() < 8: continue   # skip nearly black crops
        sets['stel'].append(c); names['stel'].append(f)
for f in jpgs:
    img = load(os.path.join(SRC, f), resize=4)   # box-downscale 4x: removes most JPEG artefacts
    for c in crops(img, 4): sets['jpg'].append(c); names['jpg'].append(f)
    img = load(os.path.join(SRC, f))            # full-res (JPEG artefacts present)
    for c in crops(img, 2): sets['jpgfull'].append(c); names['jpgfull'].append(f)
for k in sets:
    print(k, len(sets[k]))
np.savez_compressed('train_crops.npz', **{k: np.array(v) for k, v in sets.items()})
# Kodak test centre crops
test = []
for i in range(1, 25):
    img = load(os.environ.get('DATA', '../shared/data') + f'/img8/kodim{i:02d}.png')
    h, w, _ = img.shape
    y0, x0 = (h - 256) // 2, (w - 256) // 2
    test.append(img[y0:y0+256, x0:x0+256].copy())
np.save('kodak_crops.npy', np.array(test))
print('kodak', np.array(test).shape)
