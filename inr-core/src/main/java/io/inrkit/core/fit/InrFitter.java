package io.inrkit.core.fit;

import io.inrkit.core.Signal;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * Fits a bit-plane INR to a signal: the library's front door for fitting.
 *
 * <pre>{@code
 * FitResult r = InrFitter.fit(signal, FitOptions.builder().build(), FitListener.NONE);
 * if (r.lossless()) { InrModel model = r.model(); ... }
 * }</pre>
 */
public final class InrFitter {

    private InrFitter() {
    }

    public static FitResult fit(Signal signal, FitOptions options, FitListener listener) {
        TrainingSet data = new TrainingSet(signal, options.formulation, options.mapping);
        int previous = threads();
        setThreads(options.threads);
        try {
            if (options.engine == FitOptions.Engine.DL4J) {
                return new Dl4jSirenTrainer(data, options).fit(signal, listener);
            }
            return new FusedSirenTrainer(data, options).fit(signal, listener);
        } finally {
            setThreads(previous);
        }
    }

    /** Threads ND4J's native operations use (a process-wide setting of ND4J). */
    static int threads() {
        return Nd4j.getEnvironment().maxMasterThreads();
    }

    static void setThreads(int n) {
        Nd4j.getEnvironment().setMaxMasterThreads(n);
        Nd4j.getEnvironment().setMaxThreads(n);
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(n);
    }
}
