package io.inrkit.codec.internal.model;

/**
 * Online least-squares linear predictor (as paq8px's image models and Sac's audio cascade use):
 * keeps an exponentially forgotten covariance of its inputs and their correlation with the value
 * that followed, and every {@code interval} updates re-solves the normal equations (Cholesky,
 * with a small ridge term) for the weights of its next prediction. Encoder and decoder update
 * it with the same decoded values in the same order of double operations, so both predict the
 * same (Java's double arithmetic is IEEE 754 everywhere since Java 17); no weight is stored.
 *
 * <p>Written here: no maintained Java library offers a recursive least-squares predictor whose
 * every operation is in a fixed order (the linear-algebra libraries block and reorder their
 * sums, which would let two machines disagree on a bit).
 */
final class Ols {

    private final int n;
    private final double lambda;
    private final double ridge;
    private final int interval;
    /** The inputs of the prediction being made; the caller fills them before {@link #predict}. */
    final double[] x;
    /** Lower triangle of the forgotten covariance, row by row. */
    private final double[] covariance;
    private final double[] correlation;
    private final double[] weights;
    private final double[] factor;
    private final double[] solution;
    private int updates;

    /**
     * @param n inputs
     * @param lambda forgetting factor per update (0.99..0.9999: larger remembers longer)
     * @param ridge added to the covariance's diagonal when solving, so flat regions stay solvable
     * @param interval updates between solves
     */
    Ols(int n, double lambda, double ridge, int interval) {
        this.n = n;
        this.lambda = lambda;
        this.ridge = ridge;
        this.interval = interval;
        this.x = new double[n];
        this.covariance = new double[n * (n + 1) / 2];
        this.correlation = new double[n];
        this.weights = new double[n];
        this.factor = new double[n * (n + 1) / 2];
        this.solution = new double[n];
    }

    /** The prediction from the inputs in {@link #x}. */
    double predict() {
        double p = 0;
        for (int i = 0; i < n; i++) {
            p += weights[i] * x[i];
        }
        return p;
    }

    /** Learns that the inputs in {@link #x} were followed by {@code actual}. */
    void update(double actual) {
        double keep = lambda;
        double add = 1 - lambda;
        int at = 0;
        for (int i = 0; i < n; i++) {
            double xi = x[i] * add;
            for (int j = 0; j <= i; j++, at++) {
                covariance[at] = keep * covariance[at] + xi * x[j];
            }
            correlation[i] = keep * correlation[i] + xi * actual;
        }
        afterUpdate();
    }

    /**
     * {@link #update} of two predictors that saw the same inputs ({@code a.x} and {@code b.x}
     * equal), in one pass over the inputs: each does exactly the operations its own update does,
     * so the result is the same, with the inputs read once (a fifth less time).
     */
    static void update(Ols a, Ols b, double actual) {
        if (a.n != b.n) {
            throw new IllegalArgumentException("predictors of " + a.n + " and " + b.n + " inputs");
        }
        double[] x = a.x;
        double keepA = a.lambda;
        double addA = 1 - a.lambda;
        double keepB = b.lambda;
        double addB = 1 - b.lambda;
        double[] covA = a.covariance;
        double[] covB = b.covariance;
        for (int i = 0, row = 0; i < a.n; row += ++i) {
            double xiA = x[i] * addA;
            double xiB = x[i] * addB;
            for (int j = 0; j <= i; j++) {
                double xj = x[j];
                covA[row + j] = keepA * covA[row + j] + xiA * xj;
                covB[row + j] = keepB * covB[row + j] + xiB * xj;
            }
            a.correlation[i] = keepA * a.correlation[i] + xiA * actual;
            b.correlation[i] = keepB * b.correlation[i] + xiB * actual;
        }
        a.afterUpdate();
        b.afterUpdate();
    }

    private void afterUpdate() {
        if (++updates >= interval) {
            updates = 0;
            solve();
        }
    }

    /** Cholesky of covariance + ridge I, then two triangular solves; keeps the old weights if singular. */
    private void solve() {
        double[] l = factor;
        int rowI = 0;
        for (int i = 0; i < n; i++, rowI += i) {
            int rowJ = 0;
            for (int j = 0; j <= i; j++, rowJ += j) {
                double sum = covariance[rowI + j] + (i == j ? ridge : 0);
                for (int k = 0; k < j; k++) {
                    sum -= l[rowI + k] * l[rowJ + k];
                }
                if (i == j) {
                    if (!(sum > 0)) {
                        return;
                    }
                    l[rowI + i] = Math.sqrt(sum);
                } else {
                    l[rowI + j] = sum / l[rowJ + j];
                }
            }
        }
        double[] y = solution;
        int row = 0;
        for (int i = 0; i < n; i++, row += i) {
            double sum = correlation[i];
            for (int k = 0; k < i; k++) {
                sum -= l[row + k] * y[k];
            }
            y[i] = sum / l[row + i];
        }
        for (int i = n - 1; i >= 0; i--) {
            double sum = y[i];
            for (int k = i + 1; k < n; k++) {
                sum -= l[k * (k + 1) / 2 + i] * weights[k];
            }
            weights[i] = sum / l[i * (i + 1) / 2 + i];
        }
    }
}
