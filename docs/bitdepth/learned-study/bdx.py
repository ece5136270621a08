# Main study script: learned 4->8 bit expansion prior (ridge + numpy MLP). Usage: see bottom / run.sh
import numpy as np, time, sys, argparse, json
from feats import features, dist_feats
ap = argparse.ArgumentParser()
ap.add_argument('--sets', default='png,stel,jpg')
ap.add_argument('--W', type=int, default=7); ap.add_argument('--Wx', type=int, default=3)
ap.add_argument('--scales', default='')
ap.add_argument('--dist', type=int, default=0)
ap.add_argument('--novar', action='store_true')
ap.add_argument('--per', type=int, default=2000, help='sampled pixels per crop-channel')
ap.add_argument('--model', default='ridge')
ap.add_argument('--hidden', default='64,64')
ap.add_argument('--epochs', type=int, default=6)
ap.add_argument('--secs', type=float, default=180)
ap.add_argument('--lr', type=float, default=2e-3)
ap.add_argument('--tag', default='')
a = ap.parse_args()
scales = tuple(int(s) for s in a.scales.split(',') if s)
rng = np.random.default_rng(1)
def featq(q):
    F = features(q, W=a.W, Wx=a.Wx, var=not a.novar, scales=scales)
    if a.dist:
        D = dist_feats(q)
        F = [np.concatenate([f, d], 1) for f, d in zip(F, D)]
    return F
# ---- training set
T = np.load('train_crops.npz')
crops = np.concatenate([T[s] for s in a.sets.split(',')])
t0 = time.time()
import os
key = f"cache_{a.sets.replace(',','-')}_W{a.W}_x{a.Wx}_s{a.scales.replace(',','-')}_d{a.dist}_v{int(not a.novar)}_p{a.per}.npz"
X, Y = [], []
if os.path.exists(key):
    z = np.load(key); X, Y = [z['X']], [z['Y']]; crops = []
for img in crops:
    q = (img >> 4).astype(np.int32)
    F = featq(q)
    for c in range(3):
        v = img[:, :, c].reshape(-1).astype(np.float32)
        r = v - (16 * q[:, :, c].reshape(-1) + 7.5)
        idx = rng.choice(len(v), a.per, replace=False)
        X.append(F[c][idx]); Y.append(r[idx] / 8.0)
X = np.concatenate(X).astype(np.float32); Y = np.concatenate(Y).astype(np.float32)
if not os.path.exists(key): np.savez(key, X=X, Y=Y)
tf = time.time() - t0
print(f'train pixels {len(Y)} features {X.shape[1]} crops {len(crops)} feat time {tf:.1f}s', flush=True)
# ---- models
def mse_r(p): return np.mean((np.clip(p, -7.5/8, 7.5/8) - Y)**2) * 64
t0 = time.time()
if a.model == 'ridge':
    Xb = np.concatenate([X, np.ones((len(X), 1), np.float32)], 1).astype(np.float64)
    A = Xb.T @ Xb + 1e-1 * np.eye(Xb.shape[1]); w = np.linalg.solve(A, Xb.T @ Y)
    nparam = w.size
    def predict(F): return F @ w[:-1] + w[-1]
else:
    sizes = [X.shape[1]] + [int(h) for h in a.hidden.split(',')] + [1]
    mu = X.mean(0); sd = X.std(0) + 1e-3
    Ws = [rng.normal(0, np.sqrt(2.0 / sizes[i]), (sizes[i], sizes[i+1])).astype(np.float32) for i in range(len(sizes)-1)]
    bs = [np.zeros(sizes[i+1], np.float32) for i in range(len(sizes)-1)]
    P = Ws + bs
    m = [np.zeros_like(p) for p in P]; vv = [np.zeros_like(p) for p in P]
    nparam = sum(p.size for p in P)
    Xn = (X - mu) / sd
    def fwd(x, keep=False):
        hs = [x]
        for i in range(len(Ws)):
            z = hs[-1] @ Ws[i] + bs[i]
            if i < len(Ws) - 1: z = np.maximum(z, 0)
            hs.append(z)
        return hs
    B = 1024; step = 0; b1, b2 = 0.9, 0.999
    n = len(Y); nval = min(50000, n // 10)
    tot_steps = None
    for ep in range(a.epochs):
        perm = rng.permutation(n)
        for k in range(0, n - B + 1, B):
            ib = perm[k:k+B]; x = Xn[ib]; y = Y[ib]
            hs = fwd(x); out = hs[-1][:, 0]
            g = (2.0 / B) * (out - y)[:, None]
            grads_W = [None] * len(Ws); grads_b = [None] * len(Ws)
            for i in range(len(Ws) - 1, -1, -1):
                grads_W[i] = hs[i].T @ g; grads_b[i] = g.sum(0)
                if i > 0:
                    g = (g @ Ws[i].T) * (hs[i] > 0)
            G = grads_W + grads_b
            step += 1
            el = time.time() - t0
            lr = a.lr * max(0.05, 1 - el / a.secs)   # linear decay over the time budget
            for j, (p, gj) in enumerate(zip(P, G)):
                m[j] = b1 * m[j] + (1 - b1) * gj; vv[j] = b2 * vv[j] + (1 - b2) * gj * gj
                p -= lr * (m[j] / (1 - b1**step)) / (np.sqrt(vv[j] / (1 - b2**step)) + 1e-8)
            if el > a.secs: break
        pv = fwd(Xn[:nval])[-1][:, 0]
        print(f'epoch {ep} step {step} t {time.time()-t0:.0f}s train-subset mse(levels^2) {mse_r(np.concatenate([pv, np.zeros(n-nval)]))*n/nval - np.mean(Y[nval:]**2)*64*(n-nval)/nval:.3f}', flush=True)
        if time.time() - t0 > a.secs: break
    def predict(F): return fwd((F - mu) / sd)[-1][:, 0]
ttrain = time.time() - t0
# ---- test
K = np.load('kodak_crops.npy')
contour = np.load('contour_psnr.npy')
ps, pc = [], []
tinf = 0
tkey = 'test_' + key.split('_', 2)[2].rsplit('_p', 1)[0] + '.npy'
TF = np.load(tkey) if os.path.exists(tkey) else None
TFs = []
for ii, img in enumerate(K):
    q = (img >> 4).astype(np.int32)
    t1 = time.time()
    F = featq(q) if TF is None else list(TF[ii])
    TFs.append(np.stack(F))
    pred = np.zeros(img.shape, np.float64)
    for c in range(3):
        r = np.clip(predict(F[c]) * 8.0, -7.5, 7.5)
        vhat = np.clip(np.round(16 * q[:, :, c].reshape(-1) + 7.5 + r), 16 * q[:, :, c].reshape(-1), 16 * q[:, :, c].reshape(-1) + 15)
        pred[:, :, c] = vhat.reshape(256, 256)
    tinf += time.time() - t1
    mse = np.mean((pred - img)**2); ps.append(10 * np.log10(255**2 / mse))
    cen = 16 * q + 8; pc.append(10 * np.log10(255**2 / np.mean((cen - img.astype(np.float64))**2)))
if TF is None: np.save(tkey, np.stack(TFs))
ps = np.array(ps); pc = np.array(pc); d = ps - pc
mp = 24 * 256 * 256 / 1e6
res = dict(tag=a.tag, args=vars(a), train_pixels=int(len(Y)), nfeat=int(X.shape[1]), params=int(nparam), feat_s=tf, train_s=ttrain,
           mean_psnr=float(ps.mean()), centre=float(pc.mean()), dmin=float(d.min()), dmax=float(d.max()),
           vs_contour_mean=float((ps - contour).mean()), beats_contour=int((ps > contour).sum()), inf_s_per_mp=tinf / mp,
           per_image=[round(float(x), 3) for x in ps])
print(json.dumps(res))
open('results.jsonl', 'a').write(json.dumps(res) + '\n')
