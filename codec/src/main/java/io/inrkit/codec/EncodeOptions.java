package io.inrkit.codec;

import io.inrkit.codec.internal.format.Tiling;
import io.inrkit.core.IdentifiedEnum;
import io.inrkit.core.SignalSpec;
import io.inrkit.core.internal.NetworkLimits;
import java.util.OptionalInt;

/**
 * What the encoder may try. Build with {@link #builder()}; values are checked in build(). A value
 * that is not set is the preset's (or, for a lossless model, the lossless network's): the network
 * accessors are then empty, never a stand-in number.
 */
public final class EncodeOptions {

    /** Which context model the encoder codes with, and how much it searches for a network that makes the file smaller. */
    public enum Preset implements IdentifiedEnum {
        /** The first context model (2 to 2.5 times as fast to encode and decode); no network. */
        FAST,
        /**
         * The stronger context model through a window ({@code context2+window} for images,
         * {@code context2+lean} for audio), and on images large enough the context network where it
         * pays; no coordinate network (none has paid for its bytes on the photos, scans and
         * recordings measured, docs/CODEC.md).
         */
        DEFAULT,
        /**
         * The stronger context model without a window (images) or with the full cascade (audio), a
         * larger context network, and coordinate networks: two for images, one per audio segment.
         */
        MAX;

        public static Preset fromId(String id) {
            return IdentifiedEnum.fromId(Preset.class, "preset", id);
        }
    }

    /** Which network a lossless model is. */
    public enum Architecture {
        /** Sine layers and a linear output, its weights stored in the weight format once trained. */
        SIREN,
        /**
         * The paper's ternary BitLinear network, trained ternary from the first step, so its
         * weights are stored as trained: a lossless model only, each piece it trains on (the
         * image, or one audio segment) at most {@link io.inrkit.core.fit.InrFitter#TERNARY_MAX_POSITIONS}
         * positions.
         */
        TERNARY_BITLINEAR
    }

    private final Preset preset;
    private final OptionalInt width;
    private final OptionalInt layers;
    private final OptionalInt iterations;
    private final boolean losslessModel;
    private final Architecture architecture;
    private final WeightFormat weightFormat;
    private final boolean weightFormatNamed;
    private final boolean autoWeights;
    private final int threads;
    private final long seed;
    private final int segmentFrames;
    private final OptionalInt tileSize;
    private final int blockFrames;

    /**
     * The default tile edge of images, {@value}: 512x512 tiles cost 0.07% on the full Kodak set
     * and 0.56% on the 16-bit set against one tile, 256x256 tiles 0.77% and 2.38%
     * (docs/CODEC.md, "Tiles"). The fast preset codes images of up to 8 bits in
     * {@value #FAST_SHALLOW_TILE_SIZE}-pixel tiles.
     */
    public static final int DEFAULT_TILE_SIZE = Tiling.DEFAULT_EDGE;
    /**
     * The fast preset's tile edge for images of up to 8 bits, {@value}: with the image window
     * (mode 9) 256x256 tiles cost 0.65% on the full Kodak set against one tile (512x512: 0.04%),
     * and a 512x512 region of a 12-megapixel photo decodes in 9% of the whole photo's time
     * against 11-12% in 512x512 tiles (docs/CODEC.md, "A 12-megapixel photo"). Deeper images
     * keep {@link #DEFAULT_TILE_SIZE}: on the 16-bit set 256x256 tiles cost 2.4%.
     */
    public static final int FAST_SHALLOW_TILE_SIZE = 256;
    /** The default audio block, {@value} frames: about 24 s at 44.1 kHz (docs/CODEC.md, "Tiles"). */
    public static final int DEFAULT_BLOCK_FRAMES = Tiling.DEFAULT_BLOCK_FRAMES;

    private EncodeOptions(Builder b) {
        preset = b.preset;
        width = b.width;
        layers = b.layers;
        iterations = b.iterations;
        losslessModel = b.losslessModel;
        architecture = b.architecture;
        weightFormat = b.weightFormat;
        weightFormatNamed = b.weightFormatNamed;
        autoWeights = b.autoWeights;
        threads = b.threads;
        seed = b.seed;
        segmentFrames = b.segmentFrames;
        tileSize = b.tileSize;
        blockFrames = b.blockFrames;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Preset preset() {
        return preset;
    }

    /** Units per hidden layer the user asked for; empty: the preset's. */
    public OptionalInt width() {
        return width;
    }

    /** Hidden (sine or BitLinear) layers the user asked for; empty: the preset's. */
    public OptionalInt layers() {
        return layers;
    }

    /** Training steps the user allowed; empty: the preset's. */
    public OptionalInt iterations() {
        return iterations;
    }

    /** Whether the user named a network: any of width, layers and iterations. */
    public boolean explicitNetwork() {
        return width.isPresent() || layers.isPresent() || iterations.isPresent();
    }

    /** Train until the quantized model alone reproduces every bit, and store that model. */
    public boolean losslessModel() {
        return losslessModel;
    }

    /** The network of a lossless model; without one the encoder trains SIRENs. */
    public Architecture architecture() {
        return architecture;
    }

    /** How a SIREN's weights are stored (a ternary BitLinear network's are ternary). */
    public WeightFormat weightFormat() {
        return weightFormat;
    }

    /**
     * The format the user named for every weight, or empty: {@link #weightFormat()} is then the
     * SIRENs' default, and the context network chooses its formats per tensor, as with
     * {@code --weights auto}.
     */
    public java.util.Optional<WeightFormat> namedWeightFormat() {
        return weightFormatNamed && !autoWeights ? java.util.Optional.of(weightFormat) : java.util.Optional.empty();
    }

    /**
     * Choose each layer's weight format for the smallest file ({@code --weights auto}); with a
     * SIREN lossless model, also train the ternary BitLinear network and keep the smaller file.
     */
    public boolean autoWeights() {
        return autoWeights;
    }

    public int threads() {
        return threads;
    }

    public long seed() {
        return seed;
    }

    /** Audio: frames per segment model. */
    public int segmentFrames() {
        return segmentFrames;
    }

    /** Images: the longest tile edge asked for; empty: the preset's ({@link #tileSize(SignalSpec)}). */
    public OptionalInt tileSize() {
        return tileSize;
    }

    /**
     * Images: the longest tile edge {@code spec} is coded with, the one asked for or else the
     * preset's: {@link #FAST_SHALLOW_TILE_SIZE} for the fast preset and at most 8 bits,
     * {@link #DEFAULT_TILE_SIZE} otherwise. Where two tiles are needed across (or down) they are
     * two equal halves, narrower than the edge.
     */
    public int tileSize(SignalSpec spec) {
        boolean fastShallow = preset == Preset.FAST && spec.bitDepth() <= 8;
        return tileSize.orElse(fastShallow ? FAST_SHALLOW_TILE_SIZE : DEFAULT_TILE_SIZE);
    }

    /** Audio: frames of the blocks coded independently. Default {@link #DEFAULT_BLOCK_FRAMES}. */
    public int blockFrames() {
        return blockFrames;
    }

    public static final class Builder {
        private Preset preset = Preset.DEFAULT;
        private OptionalInt width = OptionalInt.empty();
        private OptionalInt layers = OptionalInt.empty();
        private OptionalInt iterations = OptionalInt.empty();
        private boolean losslessModel;
        private Architecture architecture = Architecture.SIREN;
        private WeightFormat weightFormat = WeightFormat.INT8_CHANNEL;
        private boolean weightFormatNamed;
        private boolean autoWeights;
        private int threads = Runtime.getRuntime().availableProcessors();
        private long seed;
        private int segmentFrames = 1024;
        private OptionalInt tileSize = OptionalInt.empty();
        private int blockFrames = DEFAULT_BLOCK_FRAMES;

        public Builder preset(Preset v) {
            preset = v;
            return this;
        }

        public Builder width(int v) {
            width = OptionalInt.of(v);
            return this;
        }

        public Builder layers(int v) {
            layers = OptionalInt.of(v);
            return this;
        }

        public Builder iterations(int v) {
            iterations = OptionalInt.of(v);
            return this;
        }

        public Builder losslessModel(boolean v) {
            losslessModel = v;
            return this;
        }

        public Builder architecture(Architecture v) {
            architecture = v;
            return this;
        }

        public Builder weightFormat(WeightFormat v) {
            weightFormat = v;
            weightFormatNamed = true;
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

        public Builder tileSize(int v) {
            tileSize = OptionalInt.of(v);
            return this;
        }

        public Builder blockFrames(int v) {
            blockFrames = v;
            return this;
        }

        public EncodeOptions build() {
            width.ifPresent(v -> check(v >= 1 && v <= NetworkLimits.MAX_UNITS,
                    "width must be 1.." + NetworkLimits.MAX_UNITS + ", got " + v));
            layers.ifPresent(v -> check(v >= 1 && v <= NetworkLimits.MAX_HIDDEN_LAYERS,
                    "layers must be 1.." + NetworkLimits.MAX_HIDDEN_LAYERS + ", got " + v));
            iterations.ifPresent(v -> check(v >= 1, "iterations must be at least 1, got " + v));
            check(threads >= 1, "threads must be at least 1, got " + threads);
            check(segmentFrames >= 1, "segment frames must be at least 1, got " + segmentFrames);
            tileSize.ifPresent(v -> check(v >= 16, "the tile size must be at least 16 pixels, got " + v));
            check(blockFrames >= 64, "blocks must be at least 64 frames, got " + blockFrames);
            check(preset != null && architecture != null && weightFormat != null,
                    "preset, architecture and weight format are required");
            if (architecture == Architecture.TERNARY_BITLINEAR) {
                check(losslessModel, "the ternary BitLinear network is trained as a lossless model: "
                        + "set losslessModel, got false");
                check(!autoWeights, "auto weights choose a SIREN's formats (and weigh the ternary network "
                        + "against it): leave the architecture SIREN, got " + architecture);
            }
            return new EncodeOptions(this);
        }

        private static void check(boolean ok, String message) {
            if (!ok) {
                throw new IllegalArgumentException(message);
            }
        }
    }
}
