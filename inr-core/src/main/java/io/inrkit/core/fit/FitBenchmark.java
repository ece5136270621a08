package io.inrkit.core.fit;

import io.inrkit.core.Signal;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Measures, in one run on one machine, how close a fused training step comes to the raw matrix
 * multiply speed: the step's achieved GFLOP/s (the FLOPs of its matrix products, forward and
 * backward, over the step's wall time) against ND4J's GEMM at the step's dominant shape.
 */
public final class FitBenchmark {

    /**
     * @param rows coordinate rows per step (full batch)
     * @param gemmGflops raw GEMM speed at {@code [rows x width] x [width x width]}
     * @param stepMillis mean wall time of one full training step
     * @param flopsPerStep matrix-product FLOPs of one step
     */
    public record Result(int rows, int width, int layers, int threads, double gemmGflops, double stepMillis,
            long flopsPerStep) {

        public double stepGflops() {
            return flopsPerStep / (stepMillis * 1e6);
        }

        /** Achieved step GFLOP/s over raw GEMM GFLOP/s. */
        public double ratio() {
            return stepGflops() / gemmGflops;
        }
    }

    private FitBenchmark() {
    }

    /** Times {@code steps} full-batch steps (after a warm-up of the same length) and the raw GEMM. */
    public static Result run(Signal signal, FitOptions options, int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be at least 1, got " + steps);
        }
        FitOptions o = options.toBuilder().batchSize(FitOptions.FULL_BATCH).build();
        TrainingSet data = new TrainingSet(signal, o.formulation, o.mapping);
        int previous = InrFitter.threads();
        InrFitter.setThreads(o.threads);
        try {
            double gemm = gemmGflops(data.rows, o.width, steps);
            FusedSirenTrainer t = new FusedSirenTrainer(data, o);
            try {
                t.timeSteps(steps); // warm-up: JIT, caches, thread pools
                double millis = t.timeSteps(steps) / 1e6 / steps;
                return new Result(data.rows, o.width, o.layers, o.threads, gemm, millis, t.flopsPerStep());
            } finally {
                t.close();
            }
        } finally {
            InrFitter.setThreads(previous);
        }
    }

    private static double gemmGflops(int rows, int width, int reps) {
        INDArray a = Nd4j.rand(DataType.FLOAT, rows, width);
        INDArray b = Nd4j.rand(DataType.FLOAT, width, width);
        INDArray c = Nd4j.create(DataType.FLOAT, rows, width);
        int n = Math.max(reps, 20);
        for (int i = 0; i < n; i++) {
            Nd4j.gemm(a, b, c, false, false, 1.0, 0.0);
        }
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            Nd4j.gemm(a, b, c, false, false, 1.0, 0.0);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return 2.0 * rows * width * width * n / seconds / 1e9;
    }
}
