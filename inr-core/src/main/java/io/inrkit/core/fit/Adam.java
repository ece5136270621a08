package io.inrkit.core.fit;

/**
 * Adam (Kingma and Ba) on one parameter array, with PyTorch's defaults (beta1 0.9, beta2 0.999,
 * eps 1e-8) and update {@code p -= lr * mhat / (sqrt(vhat) + eps)}, rewritten so the bias
 * corrections are two scalars per step instead of two divisions per element.
 */
final class Adam {

    static final double BETA1 = 0.9;
    static final double BETA2 = 0.999;
    static final double EPS = 1e-8;

    /** Adam's m and v: decaying means of each parameter's gradient and of its square. */
    private final float[] firstMoments;
    private final float[] secondMoments;

    Adam(int size) {
        firstMoments = new float[size];
        secondMoments = new float[size];
    }

    /** One update of {@code param} by {@code grad} at 1-based step {@code t}. */
    void step(float[] param, float[] grad, double lr, int t) {
        double bc1 = 1 - Math.pow(BETA1, t);
        double bc2 = 1 - Math.pow(BETA2, t);
        float stepSize = (float) (lr * Math.sqrt(bc2) / bc1);
        float eps = (float) (EPS * Math.sqrt(bc2));
        float b1 = (float) BETA1;
        float b2 = (float) BETA2;
        float a1 = 1 - b1;
        float a2 = 1 - b2;
        for (int i = 0; i < param.length; i++) {
            float g = grad[i];
            float mi = b1 * firstMoments[i] + a1 * g;
            float vi = b2 * secondMoments[i] + a2 * g * g;
            firstMoments[i] = mi;
            secondMoments[i] = vi;
            param[i] -= stepSize * mi / ((float) Math.sqrt(vi) + eps);
        }
    }
}
