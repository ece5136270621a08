package io.inrkit.core.fit;

import io.inrkit.core.Signal;
import io.inrkit.core.internal.Segments;
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

    public static FitResult fit(Signal signal, FitOptions requested, FitListener listener) {
        return fit(signal, 0, requested, listener);
    }

    /**
     * Fits the bit-input network to planes {@code firstPlane} and up of {@code signal} only; the
     * lower planes are left to the network (bit-depth expansion queries it there). "Lossless" in
     * the result then means every known bit is reproduced.
     */
    public static FitResult fitUpperPlanes(Signal signal, int firstPlane, FitOptions requested, FitListener listener) {
        if (requested.siren().formulation() != io.inrkit.core.model.Formulation.BIT_INPUT) {
            throw new IllegalArgumentException("predicting unknown planes needs the bit-input formulation");
        }
        return fit(signal, firstPlane, requested, listener);
    }

    private static FitResult fit(Signal signal, int firstPlane, FitOptions requested, FitListener listener) {
        if (!(requested.architecture() instanceof FitOptions.Siren)) {
            throw new IllegalArgumentException("fit trains a SIREN; the ternary network's options go to fitTernary");
        }
        FitOptions options = requested.siren().firstOmega() > 0 ? requested
                : requested.toBuilder().firstOmega(firstOmega(signal.spec(), requested)).build();
        TrainingSet data = new TrainingSet(signal, options.siren().formulation(), options.architecture().mapping(), firstPlane);
        int previous = threads();
        setThreads(options.budget().threads());
        try {
            if (options.siren().engine() == FitOptions.Engine.DL4J) {
                return new Dl4jSirenTrainer(data, options).fit(signal, listener);
            }
            return new FusedSirenTrainer(data, options).fit(signal, listener);
        } finally {
            setThreads(previous);
        }
    }

    /** Positions {@link #fitTernary} takes in one piece (a 256x256 image, or 65,536 audio frames). */
    public static final int TERNARY_MAX_POSITIONS = BitLinearTrainer.MAX_ROWS;

    /**
     * Fits the paper's extreme-quantization network to {@code signal}: ternary weights from the
     * first step (see {@link io.inrkit.core.model.TernaryInr} for the architecture), with options
     * from {@link FitOptions#ternaryBuilder()}. Uses the learning rate and schedule, the budget and
     * the seed; always plane-heads outputs, full batch, BCE.
     */
    public static TernaryFitResult fitTernary(Signal signal, FitOptions options, FitListener listener) {
        if (!(options.architecture() instanceof FitOptions.TernaryBitLinear)) {
            throw new IllegalArgumentException("fitTernary trains the ternary network: build its options with "
                    + "FitOptions.ternaryBuilder(), not a SIREN's");
        }
        int previous = threads();
        setThreads(options.budget().threads());
        try {
            return new BitLinearTrainer(signal, options).fit(signal, listener);
        } finally {
            setThreads(previous);
        }
    }

    /** Hears about a segmented fit: which segment, and that segment's progress. */
    @FunctionalInterface
    public interface SegmentListener {
        void onEvaluation(int segment, int segments, FitProgress progress);
    }

    /**
     * Fits an audio clip in segments of {@code segmentFrames} frames, each with its own network
     * (see docs/FITTING.md for why and how long). A time limit in {@code options} is shared
     * equally among the segments.
     */
    public static SegmentedFitResult fitSegments(Signal audio, int segmentFrames, FitOptions options,
            SegmentListener listener) {
        if (audio.kind() != io.inrkit.core.SignalKind.AUDIO) {
            throw new IllegalArgumentException("segments are for audio; this is " + audio.spec().describe());
        }
        java.util.List<Segments.Piece> pieces = Segments.of(audio, segmentFrames);
        int count = pieces.size();
        FitOptions each = options.budget().timeLimitSeconds() > 0
                ? options.toBuilder().timeLimitSeconds(options.budget().timeLimitSeconds() / count).build() : options;
        java.util.List<FitResult> results = new java.util.ArrayList<>();
        Signal.Builder joined = Signal.builder(audio.spec());
        for (Segments.Piece piece : pieces) {
            FitResult r = fit(piece.of(audio), each, p -> listener.onEvaluation(piece.index(), count, p));
            results.add(r);
            Signal rec = r.reconstruction();
            joined.setAll(piece.start() * audio.channels(), rec.toIntArray(), 0, rec.sampleCount());
        }
        Signal reconstruction = joined.build();
        return new SegmentedFitResult(segmentFrames, java.util.List.copyOf(results), reconstruction,
                FitResult.psnr(audio, reconstruction));
    }

    /** Automatic first-layer omega of audio, per frame of the segment. */
    static final float AUDIO_OMEGA_PER_FRAME = 0.5f;

    /**
     * The first sine layer's omega when none is given: the hidden omega for images; for audio
     * {@code 0.5 * (frames - 1)}, so that the first layer follows changes from one sample to the
     * next (a drum's sign flips many times within a segment; with omega 30 nothing is learnt).
     * 0.5 per frame is the one value tried that was lossless on every clip and segment length
     * (docs/FITTING.md, "Audio", has the runs).
     */
    public static float firstOmega(io.inrkit.core.SignalSpec spec, FitOptions options) {
        if (options.siren().firstOmega() > 0) {
            return options.siren().firstOmega();
        }
        if (spec.kind() == io.inrkit.core.SignalKind.AUDIO) {
            return Math.max(options.siren().omega(), AUDIO_OMEGA_PER_FRAME * (spec.frames() - 1));
        }
        return options.siren().omega();
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
