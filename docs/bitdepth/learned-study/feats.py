import numpy as np
def box_mean(a, r):
    # mean over (2r+1)^2 window, reflect padding; a: HxW float
    p = np.pad(a, r, mode='reflect')
    c = np.cumsum(np.cumsum(p, 0), 1)
    c = np.pad(c, ((1, 0), (1, 0)))
    k = 2 * r + 1
    H, W = a.shape
    s = c[k:k+H, k:k+W] - c[0:H, k:k+W] - c[k:k+H, 0:W] + c[0:H, 0:W]
    return s / (k * k)
def features(q, W=7, Wx=3, clipd=4.0, var=True, scales=(), level=True, onehot=True):
    """q: HxWx3 int (0..15). Returns list over channel c of (H*W, F) float32 features."""
    H, Wd, _ = q.shape
    qf = q.astype(np.float32)
    r = W // 2; rx = Wx // 2
    P = np.pad(qf, ((r, r), (r, r), (0, 0)), mode='reflect')
    out = []
    for c in range(3):
        cen = qf[:, :, c]
        F = []
        for dy in range(-r, r + 1):
            for dx in range(-r, r + 1):
                if dy == 0 and dx == 0: continue
                F.append(np.clip(P[r+dy:r+dy+H, r+dx:r+dx+Wd, c] - cen, -clipd, clipd))
        for o in range(3):
            if o == c or Wx == 0: continue
            oc = qf[:, :, o]
            F.append(np.clip(oc - cen, -clipd, clipd))
            for dy in range(-rx, rx + 1):
                for dx in range(-rx, rx + 1):
                    if dy == 0 and dx == 0: continue
                    F.append(np.clip(P[r+dy:r+dy+H, r+dx:r+dx+Wd, o] - oc, -clipd, clipd))
        if var:
            m = box_mean(cen, 2); m2 = box_mean(cen * cen, 2)
            F.append(np.sqrt(np.maximum(m2 - m * m, 0)))
            m = box_mean(cen, 4); m2 = box_mean(cen * cen, 4)
            F.append(np.sqrt(np.maximum(m2 - m * m, 0)))
        for s in scales:
            F.append(np.clip(box_mean(cen, s) - cen, -clipd, clipd) * 2)
            for o in range(3):
                if o != c:
                    F.append(np.clip(box_mean(qf[:, :, o], s) - qf[:, :, o], -clipd, clipd) * 2)
        if level:
            F.append(cen / 15.0 - 0.5)
        if onehot:
            for k in range(3):
                F.append(np.full_like(cen, 1.0 if k == c else 0.0))
        out.append(np.stack(F, -1).reshape(-1, len(F)))
    return out

from scipy.ndimage import distance_transform_edt as _edt
def dist_feats(q, cap=32.0):
    """Per channel: Euclidean distance from each pixel to the nearest pixel of a higher level and of a
    lower level (same channel), capped; returns list over c of (H*W, 3): log-ish distances and the
    contour fraction d_dn / (d_up + d_dn) - 0.5."""
    H, W, _ = q.shape
    out = []
    for c in range(3):
        qc = q[:, :, c]
        du = np.full((H, W), cap, np.float32); dd = np.full((H, W), cap, np.float32)
        for l in np.unique(qc):
            sel = qc == l
            up = qc > l
            if up.any(): du[sel] = np.minimum(_edt(~up)[sel], cap)
            dn = qc < l
            if dn.any(): dd[sel] = np.minimum(_edt(~dn)[sel], cap)
        frac = dd / (du + dd) - 0.5
        out.append(np.stack([np.log(du) / np.log(cap) - 0.5, np.log(dd) / np.log(cap) - 0.5, frac], -1).reshape(-1, 3))
    return out
