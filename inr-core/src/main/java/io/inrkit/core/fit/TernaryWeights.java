package io.inrkit.core.fit;

/**
 * BitNet b1.58's weight quantizer, the one the paper's extreme-quantization experiment trains
 * through: per tensor, {@code gamma = mean |W|} and {@code W_q = gamma * clamp(round(W / gamma), -1, 1)}.
 * The codec's ternary format stores exactly these values (it recognises an already ternary tensor
 * and keeps its gamma).
 */
public final class TernaryWeights {

    private TernaryWeights() {
    }

    /** The ternary values of {@code w}: -gamma, 0 or +gamma each. */
    public static float[] quantize(float[] w) {
        double sum = 0;
        for (float v : w) {
            sum += Math.abs(v);
        }
        float gamma = sum == 0 ? 1f : (float) (sum / w.length);
        float[] out = new float[w.length];
        for (int i = 0; i < w.length; i++) {
            long q = Math.max(-1, Math.min(1, Math.round(w[i] / gamma)));
            out[i] = q * gamma;
        }
        return out;
    }
}
