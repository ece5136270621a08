package io.inrkit.core.quality;

import io.inrkit.core.Signal;

/**
 * Structural similarity of two images (Wang, Bovik, Sheikh, Simoncelli 2004), computed as the
 * paper defines it: local statistics under an 11x11 Gaussian window (sigma 1.5), constants
 * (0.01 L)^2 and (0.03 L)^2 with L = 2^n - 1, averaged over the positions where the window fits
 * and then over the channels.
 */
final class Ssim {

    static final int WINDOW = 11;
    static final double SIGMA = 1.5;
    static final double K1 = 0.01;
    static final double K2 = 0.03;

    private Ssim() {
    }

    /** Mean SSIM over channels; NaN when the image is smaller than the window. */
    static double mean(Signal a, Signal b) {
        int w = a.spec().width();
        int h = a.spec().height();
        if (w < WINDOW || h < WINDOW) {
            return Double.NaN;
        }
        double peak = Math.pow(2, a.bitDepth()) - 1;
        double c1 = K1 * peak * K1 * peak;
        double c2 = K2 * peak * K2 * peak;
        double[] kernel = gaussian();
        double sum = 0;
        for (int c = 0; c < a.channels(); c++) {
            double[] x = channel(a, c);
            double[] y = channel(b, c);
            double[] xx = new double[x.length];
            double[] yy = new double[x.length];
            double[] xy = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                xx[i] = x[i] * x[i];
                yy[i] = y[i] * y[i];
                xy[i] = x[i] * y[i];
            }
            double[] mx = blur(x, w, h, kernel);
            double[] my = blur(y, w, h, kernel);
            double[] sxx = blur(xx, w, h, kernel);
            double[] syy = blur(yy, w, h, kernel);
            double[] sxy = blur(xy, w, h, kernel);
            double total = 0;
            for (int i = 0; i < mx.length; i++) {
                double vx = sxx[i] - mx[i] * mx[i];
                double vy = syy[i] - my[i] * my[i];
                double cov = sxy[i] - mx[i] * my[i];
                total += (2 * mx[i] * my[i] + c1) * (2 * cov + c2)
                        / ((mx[i] * mx[i] + my[i] * my[i] + c1) * (vx + vy + c2));
            }
            sum += total / mx.length;
        }
        return sum / a.channels();
    }

    private static double[] gaussian() {
        double[] k = new double[WINDOW];
        double total = 0;
        for (int i = 0; i < WINDOW; i++) {
            double d = i - WINDOW / 2;
            k[i] = Math.exp(-d * d / (2 * SIGMA * SIGMA));
            total += k[i];
        }
        for (int i = 0; i < WINDOW; i++) {
            k[i] /= total;
        }
        return k;
    }

    private static double[] channel(Signal s, int c) {
        int n = s.spec().positions();
        double[] out = new double[n];
        for (int p = 0; p < n; p++) {
            out[p] = s.sample(p, c);
        }
        return out;
    }

    /** Separable "valid" filtering: (w - 10) x (h - 10) outputs. */
    private static double[] blur(double[] v, int w, int h, double[] k) {
        int ow = w - WINDOW + 1;
        int oh = h - WINDOW + 1;
        double[] rows = new double[ow * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < ow; x++) {
                double s = 0;
                for (int i = 0; i < WINDOW; i++) {
                    s += k[i] * v[y * w + x + i];
                }
                rows[y * ow + x] = s;
            }
        }
        double[] out = new double[ow * oh];
        for (int y = 0; y < oh; y++) {
            for (int x = 0; x < ow; x++) {
                double s = 0;
                for (int i = 0; i < WINDOW; i++) {
                    s += k[i] * rows[(y + i) * ow + x];
                }
                out[y * ow + x] = s;
            }
        }
        return out;
    }
}
