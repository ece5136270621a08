package io.inrkit.codec;

import io.inrkit.codec.quant.TensorFormat;
import io.inrkit.core.IdentifiedEnum;

/** What the encoder may try. Build with {@link #builder()}; values are checked in build(). */
public final class EncodeOptions {

    /** How much the encoder searches for a network that makes the file smaller. */
    public enum Preset implements IdentifiedEnum {
        /** Context modelling only: no network is trained. */
        FAST,
        /** Also a small network (images; for audio no network has paid off, see docs/CODEC.md). */
        DEFAULT,
        /** Also larger networks and longer training, and networks for audio segments. */
        MAX;

        public static Preset fromId(String id) {
            return IdentifiedEnum.fromId(Preset.class, "preset", id);
        }
    }

    public final Preset preset;
    /** An explicit network (0 = the preset's): width, sine layers, training iterations. */
    public final int width;
    public final int layers;
    public final int iterations;
    /** Train until the quantized model alone reproduces every bit, and store that model. */
    public final boolean losslessModel;
    public final TensorFormat weightFormat;
    /** Choose each layer's weight format for the smallest file ({@code --weights auto}). */
    public final boolean autoWeights;
    public final int threads;
    public final long seed;
    /** Audio: frames per segment model. */
    public final int segmentFrames;

    private EncodeOptions(Builder b) {
        preset = b.preset;
        width = b.width;
        layers = b.layers;
        iterations = b.iterations;
        losslessModel = b.losslessModel;
        weightFormat = b.weightFormat;
        autoWeights = b.autoWeights;
        threads = b.threads;
        seed = b.seed;
        segmentFrames = b.segmentFrames;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Whether the user named a network explicitly. */
    public boolean explicitNetwork() {
        return width > 0 || layers > 0 || iterations > 0;
    }

    public static final class Builder {
        private Preset preset = Preset.DEFAULT;
        private int width;
        private int layers;
        private int iterations;
        private boolean losslessModel;
        private TensorFormat weightFormat = TensorFormat.INT8_CHANNEL;
        private boolean autoWeights;
        private int threads = Runtime.getRuntime().availableProcessors();
        private long seed;
        private int segmentFrames = 1024;

        public Builder preset(Preset v) {
            preset = v;
            return this;
        }

        public Builder width(int v) {
            width = v;
            return this;
        }

        public Builder layers(int v) {
            layers = v;
            return this;
        }

        public Builder iterations(int v) {
            iterations = v;
            return this;
        }

        public Builder losslessModel(boolean v) {
            losslessModel = v;
            return this;
        }

        public Builder weightFormat(TensorFormat v) {
            weightFormat = v;
            return this;
        }

        public Builder autoWeights(boolean v) {
            autoWeights = v;
            return this;
        }

        public Builder threads(int v) {
            threads = v;
            return this;
        }

        public Builder seed(long v) {
            seed = v;
            return this;
        }

        public Builder segmentFrames(int v) {
            segmentFrames = v;
            return this;
        }

        public EncodeOptions build() {
            if (width < 0 || width > 8192 || layers < 0 || layers > 62 || iterations < 0) {
                throw new IllegalArgumentException("width must be 1..8192, layers 1..62, iterations positive");
            }
            if (threads < 1 || segmentFrames < 1 || preset == null || weightFormat == null) {
                throw new IllegalArgumentException("threads and segment frames must be positive");
            }
            return new EncodeOptions(this);
        }
    }
}
