import numpy as np
K = np.load('kodak_crops.npy').astype(np.float64)
q = np.floor(K / 16)
def psnr(a, b): return 10 * np.log10(255**2 / np.mean((a - b)**2))
for name, pred in [('centre 16q+7.5', 16*q+7.5), ('16q+7', 16*q+7), ('16q+8', 16*q+8)]:
    p = [psnr(K[i], pred[i]) for i in range(24)]
    print(name, np.mean(p), np.min(p), np.max(p))
