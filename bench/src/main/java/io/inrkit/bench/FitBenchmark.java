package io.inrkit.bench;

import io.inrkit.core.Signal;
import io.inrkit.core.fit.FitListener;
import io.inrkit.core.fit.FitOptions;
import io.inrkit.core.fit.FitResult;
import io.inrkit.core.fit.InrFitter;
import io.inrkit.core.model.Formulation;
import io.inrkit.core.model.InrModel;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * Measures, in one run on one machine, how close fused full-batch training comes to the raw matrix
 * multiply speed: the achieved GFLOP/s of a training iteration (the FLOPs of its matrix products,
 * forward and backward, over its wall time) against ND4J's GEMM at the step's dominant shape. The
 * iterations are timed through the public fit call, so their time includes the fit's periodic
 * evaluations as well as the steps.
 */
public final class FitBenchmark {

    /**
     * @param rows coordinate rows per step (full batch)
     * @param gemmGflops raw GEMM speed at {@code [rows x width] x [width x width]}
     * @param stepMillis mean wall time of one training iteration
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

    /** Times a fit of {@code steps} full-batch iterations (after a warm-up fit of the same length) and the raw GEMM. */
    public static Result run(Signal signal, FitOptions options, int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be at least 1, got " + steps);
        }
        FitOptions o = options.toBuilder().batchSize(FitOptions.FULL_BATCH).maxIterations(steps).timeLimitSeconds(0)
                .build();
        int rows = rows(signal, o.siren().formulation());
        int[] dims = dims(signal, o);
        double gemm = gemmGflops(rows, o.architecture().width(), steps, o.budget().threads());
        InrFitter.fit(signal, o, FitListener.NONE); // warm-up: JIT, caches, thread pools
        FitResult timed = InrFitter.fit(signal, o, FitListener.NONE);
        double millis = timed.seconds() * 1e3 / Math.max(1, timed.iterations());
        return new Result(rows, o.architecture().width(), o.architecture().layers(), o.budget().threads(), gemm, millis, flopsPerStep(rows, dims));
    }

    /** Full-batch rows: one per position, or per position and plane for the bit-input formulation. */
    private static int rows(Signal s, Formulation formulation) {
        long positions = s.spec().positions();
        return (int) (formulation == Formulation.BIT_INPUT ? positions * s.bitDepth() : positions);
    }

    /** Layer widths: inputs, {@code layers} sine layers of {@code width}, outputs. */
    private static int[] dims(Signal s, FitOptions o) {
        int[] dims = new int[o.architecture().layers() + 2];
        dims[0] = InrModel.inputDimension(s.spec(), o.siren().formulation());
        for (int l = 1; l <= o.architecture().layers(); l++) {
            dims[l] = o.architecture().width();
        }
        dims[o.architecture().layers() + 1] = InrModel.outputDimension(s.spec(), o.siren().formulation());
        return dims;
    }

    /** Floating-point operations of one full-batch step's matrix products (forward and backward). */
    static long flopsPerStep(int rows, int[] dims) {
        long f = 0;
        for (int l = 0; l + 1 < dims.length; l++) {
            long mac = (long) rows * dims[l] * dims[l + 1];
            f += 2 * mac; // forward
            f += 2 * mac; // weight gradient
            if (l > 0) {
                f += 2 * mac; // input gradient
            }
        }
        return f;
    }

    private static double gemmGflops(int rows, int width, int reps, int threads) {
        int previous = Nd4j.getEnvironment().maxMasterThreads();
        setThreads(threads);
        try {
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
        } finally {
            setThreads(previous);
        }
    }

    /** ND4J's native thread count, as the fit sets it for its own run. */
    private static void setThreads(int n) {
        Nd4j.getEnvironment().setMaxMasterThreads(n);
        Nd4j.getEnvironment().setMaxThreads(n);
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(n);
    }
}
