package io.inrkit.codec.internal.model;

import io.inrkit.codec.internal.cm.AdaptiveTable;
import io.inrkit.codec.internal.cm.BinaryCoder;

/**
 * The window modes' first decision about a sample (docs/FORMAT.md, "Window modes"): whether it
 * lies in the window {@code [lo, lo + 2^planes)} about its prediction. When it does, only its
 * offset's {@code planes} planes are coded, not all of its bits. {@code lo} is a multiple of
 * 2^(planes-1), so the offset's planes but the top one are the sample's own low bits: what they
 * hold (16-bit audio padded into 24 bits, a scan's unused low bits) is kept.
 */
final class SampleWindow {

    private final AdaptiveTable inWindow;
    /** The predictions relative to the open window's lowest value. */
    private final long[] shifted16;
    private long lo;
    private int planes;

    /**
     * @param contexts values of the decision's context
     * @param predictions predictions a sample has
     */
    SampleWindow(int contexts, int predictions) {
        this.inWindow = new AdaptiveTable(contexts, 255);
        this.shifted16 = new long[predictions];
    }

    /**
     * Opens the window that reaches at least {@code half} on either side of {@code blend16} (1/16
     * units) for a sample of {@code bits} bits, and codes whether {@code value} lies in it in
     * context {@code cx}.
     *
     * @param value the sample when encoding, ignored when decoding
     * @param p16 the sample's predictions (1/16 units): {@link #shifted()} gets them relative to the window
     * @return the planes of the offset to code ({@link #lo()} is then its lowest value), or 0
     *     when the sample is coded whole: it lies outside, or the window would be no narrower
     */
    int open(BinaryCoder coder, int value, int bits, long half, long blend16, int cx, long[] p16) {
        int p = 66 - Long.numberOfLeadingZeros(half - 1); // the least with 2^(p-2) >= half
        if (p >= bits) {
            return 0;
        }
        long cell = 1L << (p - 1);
        long low = Math.floorDiv(((blend16 + 8) >> 4) - cell / 2, cell) * cell;
        low = Math.max(0, Math.min(low, (1L << bits) - (1L << p)));
        long offset = Integer.toUnsignedLong(value) - low;
        int in = coder.code(offset >= 0 && offset < 1L << p ? 1 : 0, inWindow.p(cx));
        inWindow.update(cx, in);
        if (in == 0) {
            return 0;
        }
        for (int k = 0; k < p16.length; k++) {
            shifted16[k] = p16[k] - (low << 4);
        }
        lo = low;
        planes = p;
        return p;
    }

    /** The open window's lowest value. */
    int lo() {
        return (int) lo;
    }

    /** The offset of {@code value} in the open window (encoding; any value when decoding). */
    int offset(int value) {
        return (int) (Integer.toUnsignedLong(value) - lo) & ((1 << planes) - 1);
    }

    /** The predictions given to the last {@link #open}, relative to the open window's lowest value. */
    long[] shifted() {
        return shifted16;
    }
}
