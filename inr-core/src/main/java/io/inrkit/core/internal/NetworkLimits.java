package io.inrkit.core.internal;

/**
 * The largest network INRKit trains, stores or reads: one source for the options that ask for a
 * network (fitting and encoding) and for the .inr reader, which refuses a model section that
 * declares more before allocating anything (docs/FORMAT.md). Generous for real use, small enough
 * to refuse absurd files.
 */
public final class NetworkLimits {

    /** Units of one layer. */
    public static final int MAX_UNITS = 8192;
    /** Layers of one network, its output layer included: what a model section may declare. */
    public static final int MAX_LAYERS = 64;
    /**
     * Hidden layers (sine or BitLinear) that options may ask for: every network adds one more,
     * its output layer, so a network built to the options always fits in a file.
     */
    public static final int MAX_HIDDEN_LAYERS = MAX_LAYERS - 1;

    private NetworkLimits() {
    }
}
