package io.inrkit.core.depth;

import io.inrkit.core.IdentifiedEnum;

/**
 * How {@link BitDepthExpansion} fills the missing low bits of an n-bit sample expanded to m
 * bits (k = m - n missing bits). Every method keeps the n known bits as they are.
 */
public enum ExpansionMethod implements IdentifiedEnum {
    /** The missing bits are 0: {@code v << k}. */
    ZERO_PADDING("zp"),
    /** The value's own bits repeated below it: {@code 101 -> 101101...}. */
    BIT_REPLICATION("br"),
    /** Multiplication by the ideal gain, {@code round(v * (2^m - 1) / (2^n - 1))}. */
    IDEAL_GAIN("mig"),
    /** The middle of the interval the known bits allow: {@code v << k | 2^(k-1)}. */
    CENTRE("centre"),
    /**
     * Interval-constrained interpolation between the contours of the low-bit signal, mixed with
     * the level histogram's slope (see {@link ContourInterpolation}); no network.
     */
    CONTOUR("contour"),
    /**
     * A small network trained on many images ({@link DepthPrior}) predicts where each sample lies
     * in its interval from its neighbourhood's known levels (grey and RGB images; elsewhere, and
     * for audio, {@link #CONTOUR}).
     */
    LEARNED("learned"),
    /**
     * The paper's: a bit-input network fitted to the known planes, queried at the missing
     * planes, its probabilities thresholded at 1/2.
     */
    INR("inr"),
    /** The same network; the missing bits' expected value from its probabilities (least squares). */
    INR_SOFT("inr-soft");

    private final String id;

    ExpansionMethod(String id) {
        this.id = id;
    }

    /** The command line's name: zp, br, mig, centre, contour, learned, inr, inr-soft. */
    @Override
    public String id() {
        return id;
    }

    /** Whether the method fits a network (seconds to minutes) rather than a rule (milliseconds). */
    public boolean fitsNetwork() {
        return this == INR || this == INR_SOFT;
    }

    /** The method named {@code id}, in any case. */
    public static ExpansionMethod fromId(String id) {
        return IdentifiedEnum.fromIdIgnoringCase(ExpansionMethod.class, "expansion method", id);
    }
}
