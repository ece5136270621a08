package io.inrkit.core.fit;

/**
 * The state of a fit at one evaluation.
 *
 * @param iteration optimizer steps taken so far
 * @param loss mean loss over the bits of that evaluation
 * @param bitErrors bits whose thresholded logit differs from the signal
 * @param bitErrorsPerPlane the same per plane, index 0 = least significant
 * @param seconds time since the fit started
 * @param maxIterations the iteration limit
 * @param timeLimitSeconds the time limit, 0 for none
 */
public record FitProgress(int iteration, double loss, long bitErrors, long[] bitErrorsPerPlane, double seconds,
        int maxIterations, double timeLimitSeconds) {

    /** Steps per second so far. */
    public double iterationsPerSecond() {
        return seconds > 0 ? iteration / seconds : 0;
    }

    /** Seconds until the iteration or time limit, whichever comes first, at the current pace. */
    public double secondsToLimit() {
        double byIterations = iterationsPerSecond() > 0 ? (maxIterations - iteration) / iterationsPerSecond()
                : Double.POSITIVE_INFINITY;
        return timeLimitSeconds > 0 ? Math.min(byIterations, timeLimitSeconds - seconds) : byIterations;
    }

    /** The state after {@code iteration} steps of a fit that started at {@code startNanos}. */
    static FitProgress of(int iteration, double loss, long[] perPlane, long startNanos, FitOptions o) {
        long errors = 0;
        for (long e : perPlane) {
            errors += e;
        }
        return new FitProgress(iteration, loss, errors, perPlane, (System.nanoTime() - startNanos) / 1e9,
                o.budget().maxIterations(), o.budget().timeLimitSeconds());
    }
}
