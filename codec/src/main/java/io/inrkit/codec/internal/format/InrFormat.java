package io.inrkit.codec.internal.format;

import io.inrkit.core.internal.NetworkLimits;

/** Constants of the .inr container, as specified in docs/FORMAT.md. */
public final class InrFormat {

    /** "INRK". */
    public static final byte[] MAGIC = {'I', 'N', 'R', 'K'};
    /** The version every file is written in: tiles (docs/FORMAT.md). */
    public static final int VERSION = 2;
    /** The first version: one stream for the whole signal; still read. */
    public static final int VERSION_1 = 1;
    public static final int HEADER_BYTES = 8;
    /** Tag, length, CRC32C around every section's payload. */
    public static final int SECTION_OVERHEAD = 9;

    public static final int TAG_SIGNAL = 'S';
    public static final int TAG_MODEL = 'M';
    public static final int TAG_TILES = 'T';
    public static final int TAG_BITS = 'B';
    public static final int TAG_END = 'E';

    public static final int KIND_IMAGE = 0;
    public static final int KIND_AUDIO = 1;
    /** Offset of the kind byte: the header, then the signal section's tag and length. */
    public static final int KIND_OFFSET = HEADER_BYTES + 5;
    /** Bytes to read to tell an .inr file and its kind: {@link #kindOf(byte[])}. */
    public static final int PEEK_BYTES = KIND_OFFSET + 1;

    public static final int FORMULATION_PLANE_HEADS = 0;
    public static final int FORMULATION_BIT_INPUT = 1;
    /** The paper's ternary network: positional encoding, BitLinear layers, GELU, plane-heads logits. */
    public static final int FORMULATION_TERNARY_BITLINEAR = 2;
    /** The context network: causal inputs, one hidden layer, one prediction a sample (mode 5). */
    public static final int FORMULATION_CONTEXT_NET = 3;

    /** How the bits section was coded. */
    public static final int MODE_CONTEXT = 0;
    public static final int MODE_MIXED = 1;
    public static final int MODE_INR = 2;
    /** {@link #MODE_CONTEXT} and {@link #MODE_MIXED} with the stronger context model (issue 13). */
    public static final int MODE_CONTEXT2 = 3;
    public static final int MODE_MIXED2 = 4;
    /** {@link #MODE_CONTEXT2} with the file's context network as one more prediction (images). */
    public static final int MODE_CONTEXT2_NET = 5;
    /**
     * {@link #MODE_CONTEXT} and {@link #MODE_CONTEXT2} for audio, each sample's high bits coded as
     * one decision: whether the sample lies in a window around its prediction (issue 14's speed).
     */
    public static final int MODE_WINDOW = 6;
    public static final int MODE_WINDOW2 = 7;
    /**
     * {@link #MODE_WINDOW2}, lean: a narrower window, the cascade without the first model's LMS
     * and LPC predictions, and each sample's planes below a quarter of its error coded light.
     */
    public static final int MODE_WINDOW2_LEAN = 8;
    /**
     * {@link #MODE_CONTEXT} for images through a window (issue 14's speed): the image model's
     * window, with seven of its fourteen predictions mixed.
     */
    public static final int MODE_IMAGE_WINDOW = 9;
    /**
     * {@link #MODE_CONTEXT2} and {@link #MODE_CONTEXT2_NET} for images through the image window
     * (issue 13's decode speed): the stronger model, fewer of its predictions mixed.
     */
    public static final int MODE_IMAGE_WINDOW2 = 10;
    public static final int MODE_IMAGE_WINDOW2_NET = 11;
    /**
     * {@link #MODE_IMAGE_WINDOW2} and {@link #MODE_IMAGE_WINDOW2_NET} with value tables (issue 13's
     * size), for images of at most 8 bits: the sample's histogram given two predictions' values,
     * and the residuals of the channels coded before it.
     */
    public static final int MODE_IMAGE_WINDOW2_VALUES = 12;
    public static final int MODE_IMAGE_WINDOW2_NET_VALUES = 13;
    public static final int MAX_MODE = MODE_IMAGE_WINDOW2_NET_VALUES;
    /** The deepest images the value modes code. */
    public static final int MAX_VALUE_MODE_BITS = 8;

    /** Whether mode {@code mode} codes with the stronger context model. */
    public static boolean strongMode(int mode) {
        return mode == MODE_CONTEXT2 || mode == MODE_MIXED2 || mode == MODE_CONTEXT2_NET || mode == MODE_WINDOW2
                || mode == MODE_WINDOW2_LEAN || mode == MODE_IMAGE_WINDOW2 || mode == MODE_IMAGE_WINDOW2_NET
                || valueMode(mode);
    }

    /** Whether mode {@code mode} codes images through the image window. */
    public static boolean imageWindowMode(int mode) {
        return mode == MODE_IMAGE_WINDOW || mode == MODE_IMAGE_WINDOW2 || mode == MODE_IMAGE_WINDOW2_NET
                || valueMode(mode);
    }

    /** Whether mode {@code mode} codes images with value tables (12 and 13). */
    public static boolean valueMode(int mode) {
        return mode == MODE_IMAGE_WINDOW2_VALUES || mode == MODE_IMAGE_WINDOW2_NET_VALUES;
    }

    /** Whether mode {@code mode} codes with the file's context network. */
    public static boolean contextNetMode(int mode) {
        return mode == MODE_CONTEXT2_NET || mode == MODE_IMAGE_WINDOW2_NET || mode == MODE_IMAGE_WINDOW2_NET_VALUES;
    }

    /** The mode that codes as context-only mode {@code contextMode} does with a context network (images): 5 or 11. */
    public static int netMode(int contextMode) {
        return switch (contextMode) {
            case MODE_CONTEXT2 -> MODE_CONTEXT2_NET;
            case MODE_IMAGE_WINDOW2 -> MODE_IMAGE_WINDOW2_NET;
            case MODE_IMAGE_WINDOW2_VALUES -> MODE_IMAGE_WINDOW2_NET_VALUES;
            default -> throw new IllegalArgumentException("mode " + contextMode + " takes no context network");
        };
    }

    /** Whether mode {@code mode} codes audio samples' high bits as one decision. */
    public static boolean windowMode(int mode) {
        return mode == MODE_WINDOW || mode == MODE_WINDOW2 || mode == MODE_WINDOW2_LEAN;
    }

    /** Whether mode {@code mode} codes with a context model alone: no model section. */
    public static boolean contextOnlyMode(int mode) {
        return mode == MODE_CONTEXT || mode == MODE_CONTEXT2 || windowMode(mode) || mode == MODE_IMAGE_WINDOW
                || mode == MODE_IMAGE_WINDOW2 || mode == MODE_IMAGE_WINDOW2_VALUES;
    }

    /**
     * The mixed mode of the context model that context-only mode {@code contextMode} codes with
     * (the window modes' is their model's, without the window).
     */
    public static int mixedMode(int contextMode) {
        return strongMode(contextMode) ? MODE_MIXED2 : MODE_MIXED;
    }

    /** The tiles section: tile width and height, then an entry a tile. */
    public static final int TILES_HEADER_BYTES = 8;
    /** A tile's entry: its coded length and the CRC32C of its samples. */
    public static final int TILE_ENTRY_BYTES = 8;
    /** The fewest bytes a tile's arithmetic-coded stream has: the four its coder closes with. */
    public static final int MIN_TILE_BYTES = 4;

    // Limits checked before allocating: generous for real use, small enough to refuse absurd files.
    public static final int MAX_MODELS = 1 << 16;
    /** Layers of one model, its output layer included ({@link NetworkLimits#MAX_LAYERS}). */
    public static final int MAX_LAYERS = NetworkLimits.MAX_LAYERS;
    /** Units of one layer ({@link NetworkLimits#MAX_UNITS}). */
    public static final int MAX_UNITS = NetworkLimits.MAX_UNITS;
    /** Parameters of one model, and of all models of a file: entropy coding can make a few bytes
     *  declare a huge constant tensor, so size alone does not bound them. */
    public static final long MAX_PARAMETERS_PER_MODEL = 1L << 22;
    public static final long MAX_PARAMETERS_TOTAL = 1L << 24;
    public static final int SHA256_BYTES = 32;
    public static final int SIGNAL_PAYLOAD_BYTES = 1 + 2 + 1 + 1 + 4 + 4 + 8 + SHA256_BYTES;
    /** Bytes from the start of a file to the end of its signal section. */
    public static final int SPEC_BYTES = HEADER_BYTES + SECTION_OVERHEAD + SIGNAL_PAYLOAD_BYTES;

    /**
     * The kind ({@link #KIND_IMAGE}, {@link #KIND_AUDIO}) of the .inr file that starts with
     * {@code head} (at least {@link #PEEK_BYTES} bytes), or -1 when it does not start like an .inr
     * file of a version this INRKit reads: what an ImageIO or javax.sound provider checks before claiming a stream.
     */
    public static int kindOf(byte[] head) {
        if (head.length < PEEK_BYTES || !InrContainer.hasMagic(head) || head[4] != VERSION && head[4] != VERSION_1
                || head[HEADER_BYTES] != TAG_SIGNAL) {
            return -1;
        }
        int kind = head[KIND_OFFSET];
        return kind == KIND_IMAGE || kind == KIND_AUDIO ? kind : -1;
    }

    private InrFormat() {
    }
}
