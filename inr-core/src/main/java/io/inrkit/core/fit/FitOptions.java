package io.inrkit.core.fit;

import io.inrkit.core.IdentifiedEnum;
import io.inrkit.core.PlaneMapping;
import io.inrkit.core.model.Formulation;

/**
 * Everything a fit can be told, in three parts, as a trainer keeps one algorithm's options: the
 * {@link Architecture} (a SIREN or the paper's ternary BitLinear network, each with only its own
 * settings), the {@link Optimizer} and the {@link Budget}. Build with {@link #builder()} (a SIREN)
 * or {@link #ternaryBuilder()}; every value is checked in {@link Builder#build()}, so a FitOptions
 * is always usable. The defaults are INRKit's own choices for 2 CPU cores (docs/FITTING.md has the
 * measurements behind them); the paper's SIREN settings are {@link #paper()}.
 */
public final class FitOptions {

    /** Batch size meaning "every coordinate in every step". */
    public static final int FULL_BATCH = 0;

    /** {@link TernaryBitLinear#encodingFrequencies()}: chosen from the signal's size. */
    public static final int AUTO_FREQUENCIES = -1;

    /** The network a fit trains. */
    public sealed interface Architecture permits Siren, TernaryBitLinear {

        /** Units per hidden layer. */
        int width();

        /** Hidden layers (the output layer is extra). */
        int layers();

        /** Binary or Gray-coded bit planes. */
        PlaneMapping mapping();
    }

    /**
     * A coordinate SIREN: {@code layers} sine layers of {@code width} units and a linear output.
     *
     * @param formulation which outputs the network has (plane-heads or the paper's bit-input)
     * @param omega the sine layers' frequency
     * @param firstOmega the first sine layer's; 0 picks it from the signal ({@link InrFitter#firstOmega})
     * @param engine which training code runs the fit
     */
    public record Siren(Formulation formulation, PlaneMapping mapping, int width, int layers, float omega,
            float firstOmega, Engine engine) implements Architecture {
    }

    /**
     * The paper's ternary network ({@link InrFitter#fitTernary}): a positional encoding, then
     * {@code layers} BitLinear layers of {@code width} with ternary weights.
     *
     * @param encodingFrequencies K: each coordinate v becomes v and {@code sin, cos(2^k pi v)} for
     *     k &lt; K; {@link #AUTO_FREQUENCIES} picks {@link io.inrkit.core.model.TernaryInr#frequenciesFor}
     */
    public record TernaryBitLinear(PlaneMapping mapping, int width, int layers, int encodingFrequencies) implements Architecture {
    }

    /**
     * How the weights are trained: Adam with this learning rate and schedule.
     *
     * @param batchSize coordinates per step; {@link #FULL_BATCH} for all of them
     * @param seed initial weights and batch order
     */
    public record Optimizer(double learningRate, Schedule schedule, int batchSize, Loss loss, long seed) {
    }

    /**
     * What a fit may spend.
     *
     * @param maxIterations optimizer steps at most
     * @param timeLimitSeconds wall-clock limit; 0 for none
     * @param polish training after the first lossless step, as a fraction of the steps that took
     *     (0: stop at once, the paper's rule). Polishing raises the logits' margins, so a quantized
     *     copy stays lossless and coding the bits with the model's probabilities costs almost
     *     nothing. The result is the last state that was still lossless.
     * @param threads threads for the matrix products
     */
    public record Budget(int maxIterations, double timeLimitSeconds, double polish, int threads) {

        /** Whether a fit that started at {@code startNanos} has used up its time limit. */
        boolean timeUp(long startNanos) {
            return timeLimitSeconds > 0 && (System.nanoTime() - startNanos) / 1e9 >= timeLimitSeconds;
        }
    }

    /** Which training code runs the fit. */
    public enum Engine implements IdentifiedEnum {
        /** INRKit's training loop: ND4J matrix products, fused Java kernels for the rest. */
        FUSED,
        /** DL4J's MultiLayerNetwork with INRKit's sine activation and SIREN init: the reference. */
        DL4J;

        public static Engine fromId(String id) {
            return IdentifiedEnum.fromId(Engine.class, "engine", id);
        }
    }

    private final Architecture architecture;
    private final Optimizer optimizer;
    private final Budget budget;

    private FitOptions(Architecture architecture, Optimizer optimizer, Budget budget) {
        this.architecture = architecture;
        this.optimizer = optimizer;
        this.budget = budget;
    }

    public Architecture architecture() {
        return architecture;
    }

    /** The SIREN's settings; a ternary fit's options have none. */
    public Siren siren() {
        if (architecture instanceof Siren siren) {
            return siren;
        }
        throw new IllegalStateException("these options describe the ternary BitLinear network, not a SIREN");
    }

    /** The ternary network's settings; a SIREN fit's options have none. */
    public TernaryBitLinear ternary() {
        if (architecture instanceof TernaryBitLinear ternary) {
            return ternary;
        }
        throw new IllegalStateException("these options describe a SIREN, not the ternary BitLinear network");
    }

    public Optimizer optimizer() {
        return optimizer;
    }

    public Budget budget() {
        return budget;
    }

    /** A SIREN fit's builder with INRKit's defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The ternary BitLinear network's builder, with the same defaults for what it shares with a SIREN. */
    public static Builder ternaryBuilder() {
        Builder b = new Builder();
        b.ternary = true;
        return b;
    }

    /** The paper's settings: bit-input SIREN 5 x 512, omega 30, Adam 1e-4, full batch, BCE. */
    public static Builder paper() {
        return builder().formulation(Formulation.BIT_INPUT).width(512).layers(5).learningRate(1e-4)
                .schedule(Schedule.CONSTANT).batchSize(FULL_BATCH);
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.width = architecture.width();
        b.layers = architecture.layers();
        b.mapping = architecture.mapping();
        if (architecture instanceof Siren siren) {
            b.formulation = siren.formulation();
            b.omega = siren.omega();
            b.firstOmega = siren.firstOmega();
            b.engine = siren.engine();
        } else {
            b.ternary = true;
            b.encodingFrequencies = ternary().encodingFrequencies();
        }
        b.learningRate = optimizer.learningRate();
        b.schedule = optimizer.schedule();
        b.batchSize = optimizer.batchSize();
        b.loss = optimizer.loss();
        b.seed = optimizer.seed();
        b.maxIterations = budget.maxIterations();
        b.timeLimitSeconds = budget.timeLimitSeconds();
        b.polish = budget.polish();
        b.threads = budget.threads();
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
        private boolean ternary;
        /** The first SIREN-only setting given, and whether the ternary one was: build() refuses a mix. */
        private String sirenSetting;
        private boolean ternarySetting;

        public Builder formulation(Formulation v) {
            formulation = v;
            sirenSetting = sirenSetting != null ? sirenSetting : "formulation";
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
            sirenSetting = sirenSetting != null ? sirenSetting : "omega";
            return this;
        }

        /** Omega of the first sine layer; 0 (the default) picks it from the signal. */
        public Builder firstOmega(float v) {
            firstOmega = v;
            sirenSetting = sirenSetting != null ? sirenSetting : "first omega";
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
            sirenSetting = sirenSetting != null ? sirenSetting : "engine choice";
            return this;
        }

        /** Positional encoding of the ternary network; see {@link TernaryBitLinear#encodingFrequencies}. */
        public Builder encodingFrequencies(int v) {
            encodingFrequencies = v;
            ternarySetting = true;
            return this;
        }

        /** Extra training after lossless, as a fraction of the steps to lossless; see {@link Budget#polish}. */
        public Builder polish(double v) {
            polish = v;
            return this;
        }

        public FitOptions build() {
            check(width >= 1 && width <= io.inrkit.core.internal.NetworkLimits.MAX_UNITS,
                    "width must be 1.." + io.inrkit.core.internal.NetworkLimits.MAX_UNITS + ", got " + width);
            check(layers >= 1 && layers <= io.inrkit.core.internal.NetworkLimits.MAX_HIDDEN_LAYERS,
                    "layers must be 1.." + io.inrkit.core.internal.NetworkLimits.MAX_HIDDEN_LAYERS + ", got " + layers);
            check(omega > 0 && Float.isFinite(omega), "omega must be a positive number, got " + omega);
            check(firstOmega >= 0 && Float.isFinite(firstOmega), "first omega must be 0 (automatic) or positive, got "
                    + firstOmega);
            check(learningRate > 0 && Double.isFinite(learningRate), "learning rate must be positive, got " + learningRate);
            check(batchSize >= 0, "batch size must be positive or full, got " + batchSize);
            check(maxIterations >= 1, "max iterations must be at least 1, got " + maxIterations);
            check(timeLimitSeconds >= 0 && Double.isFinite(timeLimitSeconds), "time limit must be 0 (none) or positive seconds, got " + timeLimitSeconds);
            check(threads >= 1 && threads <= 1024, "threads must be 1..1024, got " + threads);
            check(polish >= 0 && polish <= 100, "polish must be 0..100, got " + polish);
            check(encodingFrequencies == AUTO_FREQUENCIES
                    || encodingFrequencies >= 0 && encodingFrequencies <= io.inrkit.core.model.TernaryInr.MAX_FREQUENCIES,
                    "encoding frequencies must be 0.." + io.inrkit.core.model.TernaryInr.MAX_FREQUENCIES + ", got "
                    + encodingFrequencies);
            check(formulation != null && mapping != null && schedule != null && loss != null && engine != null,
                    "formulation, mapping, schedule, loss and engine are required");
            if (ternary && sirenSetting != null) {
                throw new IllegalArgumentException("the ternary BitLinear network has no " + sirenSetting
                        + " (a SIREN setting)");
            }
            if (!ternary && ternarySetting) {
                throw new IllegalArgumentException("a SIREN has no encoding frequencies (a setting of the ternary "
                        + "network, FitOptions.ternaryBuilder()), got " + encodingFrequencies);
            }
            Architecture architecture = ternary ? new TernaryBitLinear(mapping, width, layers, encodingFrequencies)
                    : new Siren(formulation, mapping, width, layers, omega, firstOmega, engine);
            return new FitOptions(architecture, new Optimizer(learningRate, schedule, batchSize, loss, seed),
                    new Budget(maxIterations, timeLimitSeconds, polish, threads));
        }

        private static void check(boolean ok, String message) {
            if (!ok) {
                throw new IllegalArgumentException(message);
            }
        }
    }
}
