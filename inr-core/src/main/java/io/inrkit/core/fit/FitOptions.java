package io.inrkit.core.fit;

import io.inrkit.core.PlaneMapping;
import io.inrkit.core.model.Formulation;

/**
 * Everything a fit can be told. Build with {@link #builder()}; every value is checked in
 * {@link Builder#build()}, so a FitOptions is always usable. The defaults are INRKit's own
 * choices for 2 CPU cores (see docs/FITTING.md for the measurements behind them); the paper's
 * settings are {@link #paper()}.
 */
public final class FitOptions {

    /** Batch size meaning "every coordinate in every step". */
    public static final int FULL_BATCH = 0;

    public final Formulation formulation;
    public final PlaneMapping mapping;
    public final int width;
    public final int layers;
    public final float omega;
    /** Omega of the first sine layer; 0 for automatic (see {@link InrFitter#firstOmega}). */
    public final float firstOmega;
    public final double learningRate;
    public final Schedule schedule;
    public final int batchSize;
    public final int maxIterations;
    public final double timeLimitSeconds;
    public final long seed;
    public final int threads;
    public final Loss loss;
    public final Engine engine;
    /**
     * Training after the first lossless step, as a fraction of the steps that took (0: stop at
     * once, the paper's rule). Polishing raises the logits' margins, so a quantized copy stays
     * lossless and coding the bits with the model's probabilities costs almost nothing. The result
     * is the last state that was still lossless.
     */
    public final double polish;
    /**
     * Frequencies K of the positional encoding that feeds the ternary BitLinear network
     * ({@link InrFitter#fitTernary}): each coordinate v becomes v and {@code sin, cos(2^k pi v)} for
     * k &lt; K. {@link #AUTO_FREQUENCIES} (the default) picks
     * {@link io.inrkit.core.model.TernaryInr#frequenciesFor}. SIREN fits ignore it.
     */
    public final int encodingFrequencies;

    /** {@link #encodingFrequencies}: chosen from the signal's size. */
    public static final int AUTO_FREQUENCIES = -1;

    /** Which training code runs the fit. */
    public enum Engine {
        /** INRKit's training loop: ND4J matrix products, fused Java kernels for the rest. */
        FUSED,
        /** DL4J's MultiLayerNetwork with INRKit's sine activation and SIREN init: the reference. */
        DL4J;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Engine fromId(String id) {
            for (Engine e : values()) {
                if (e.id().equals(id)) {
                    return e;
                }
            }
            throw new IllegalArgumentException("unknown engine '" + id + "' (fused, dl4j)");
        }
    }

    private FitOptions(Builder b) {
        this.formulation = b.formulation;
        this.mapping = b.mapping;
        this.width = b.width;
        this.layers = b.layers;
        this.omega = b.omega;
        this.firstOmega = b.firstOmega;
        this.learningRate = b.learningRate;
        this.schedule = b.schedule;
        this.batchSize = b.batchSize;
        this.maxIterations = b.maxIterations;
        this.timeLimitSeconds = b.timeLimitSeconds;
        this.seed = b.seed;
        this.threads = b.threads;
        this.loss = b.loss;
        this.engine = b.engine;
        this.polish = b.polish;
        this.encodingFrequencies = b.encodingFrequencies;
    }

    /** Whether a fit that started at {@code startNanos} has used up its time limit. */
    boolean timeUp(long startNanos) {
        return timeLimitSeconds > 0 && (System.nanoTime() - startNanos) / 1e9 >= timeLimitSeconds;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The paper's settings: bit-input SIREN 5 x 512, omega 30, Adam 1e-4, full batch, BCE. */
    public static Builder paper() {
        return builder().formulation(Formulation.BIT_INPUT).width(512).layers(5).learningRate(1e-4)
                .schedule(Schedule.CONSTANT).batchSize(FULL_BATCH);
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.formulation = formulation;
        b.mapping = mapping;
        b.width = width;
        b.layers = layers;
        b.omega = omega;
        b.firstOmega = firstOmega;
        b.learningRate = learningRate;
        b.schedule = schedule;
        b.batchSize = batchSize;
        b.maxIterations = maxIterations;
        b.timeLimitSeconds = timeLimitSeconds;
        b.seed = seed;
        b.threads = threads;
        b.loss = loss;
        b.engine = engine;
        b.polish = polish;
        b.encodingFrequencies = encodingFrequencies;
        return b;
    }

    /** Mutable builder with INRKit's defaults. */
    public static final class Builder {
        private Formulation formulation = Formulation.PLANE_HEADS;
        private PlaneMapping mapping = PlaneMapping.BINARY;
        private int width = 256;
        private int layers = 3;
        private float omega = 30f;
        private float firstOmega = 0f;
        private double learningRate = 1e-3;
        private Schedule schedule = Schedule.CONSTANT;
        private int batchSize = FULL_BATCH;
        private int maxIterations = 5000;
        private double timeLimitSeconds = 0;
        private long seed = 0;
        private int threads = Runtime.getRuntime().availableProcessors();
        private Loss loss = Loss.BCE;
        private Engine engine = Engine.FUSED;
        private double polish;
        private int encodingFrequencies = AUTO_FREQUENCIES;

        public Builder formulation(Formulation v) {
            formulation = v;
            return this;
        }

        public Builder mapping(PlaneMapping v) {
            mapping = v;
            return this;
        }

        /** Units per hidden (sine) layer. */
        public Builder width(int v) {
            width = v;
            return this;
        }

        /** Number of sine layers (the output layer is extra). */
        public Builder layers(int v) {
            layers = v;
            return this;
        }

        public Builder omega(float v) {
            omega = v;
            return this;
        }

        /** Omega of the first sine layer; 0 (the default) picks it from the signal. */
        public Builder firstOmega(float v) {
            firstOmega = v;
            return this;
        }

        public Builder learningRate(double v) {
            learningRate = v;
            return this;
        }

        public Builder schedule(Schedule v) {
            schedule = v;
            return this;
        }

        /** Coordinates per step; {@link #FULL_BATCH} for all of them. */
        public Builder batchSize(int v) {
            batchSize = v;
            return this;
        }

        public Builder maxIterations(int v) {
            maxIterations = v;
            return this;
        }

        /** Wall-clock limit in seconds; 0 for none. */
        public Builder timeLimitSeconds(double v) {
            timeLimitSeconds = v;
            return this;
        }

        public Builder seed(long v) {
            seed = v;
            return this;
        }

        /** Threads for ND4J's matrix products. */
        public Builder threads(int v) {
            threads = v;
            return this;
        }

        public Builder loss(Loss v) {
            loss = v;
            return this;
        }

        public Builder engine(Engine v) {
            engine = v;
            return this;
        }

        /** Positional encoding of the ternary network; see {@link FitOptions#encodingFrequencies}. */
        public Builder encodingFrequencies(int v) {
            encodingFrequencies = v;
            return this;
        }

        /** Extra training after lossless, as a fraction of the steps to lossless; see {@link FitOptions#polish}. */
        public Builder polish(double v) {
            polish = v;
            return this;
        }

        public FitOptions build() {
            check(width >= 1 && width <= io.inrkit.core.model.NetworkLimits.MAX_UNITS,
                    "width must be 1.." + io.inrkit.core.model.NetworkLimits.MAX_UNITS + ", got " + width);
            check(layers >= 1 && layers <= io.inrkit.core.model.NetworkLimits.MAX_HIDDEN_LAYERS,
                    "layers must be 1.." + io.inrkit.core.model.NetworkLimits.MAX_HIDDEN_LAYERS + ", got " + layers);
            check(omega > 0 && Float.isFinite(omega), "omega must be a positive number, got " + omega);
            check(firstOmega >= 0 && Float.isFinite(firstOmega), "first omega must be 0 (automatic) or positive, got "
                    + firstOmega);
            check(learningRate > 0 && Double.isFinite(learningRate), "learning rate must be positive, got " + learningRate);
            check(batchSize >= 0, "batch size must be positive or full, got " + batchSize);
            check(maxIterations >= 1, "max iterations must be at least 1, got " + maxIterations);
            check(timeLimitSeconds >= 0 && Double.isFinite(timeLimitSeconds), "time limit must be 0 (none) or positive seconds");
            check(threads >= 1 && threads <= 1024, "threads must be 1..1024, got " + threads);
            check(polish >= 0 && polish <= 100, "polish must be 0..100, got " + polish);
            check(encodingFrequencies == AUTO_FREQUENCIES
                    || encodingFrequencies >= 0 && encodingFrequencies <= io.inrkit.core.model.TernaryInr.MAX_FREQUENCIES,
                    "encoding frequencies must be 0.." + io.inrkit.core.model.TernaryInr.MAX_FREQUENCIES + ", got "
                    + encodingFrequencies);
            check(formulation != null && mapping != null && schedule != null && loss != null && engine != null,
                    "formulation, mapping, schedule, loss and engine are required");
            return new FitOptions(this);
        }

        private static void check(boolean ok, String message) {
            if (!ok) {
                throw new IllegalArgumentException(message);
            }
        }
    }
}
