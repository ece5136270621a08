package io.inrkit.image;

import io.inrkit.core.Signal;
import io.inrkit.core.UnsupportedFormatException;

/**
 * Gives back a PNM file's own sample values. TwelveMonkeys' PNM reader rescales a maxval M below
 * the container's full scale F (255 or 65535) to {@code floor(v * F / M)}. Measured on every value
 * of every maxval: that map is one-to-one for M up to 127 and for 256..32767, where rounding
 * {@code s * M / F} gives v back; for M in 128..254 and 32768..65534 distinct values collide, so
 * such files are refused rather than read wrongly.
 */
final class PnmSamples {

    private PnmSamples() {
    }

    static Signal unscale(Signal scaled, int maxval) throws UnsupportedFormatException {
        int container = scaled.bitDepth();
        int full = (1 << container) - 1;
        if (maxval == full) {
            return scaled;
        }
        boolean invertible = maxval <= 127 || maxval >= 256 && maxval <= 32767;
        if (!invertible || maxval > full) {
            throw new UnsupportedFormatException("PNM maxval " + maxval
                    + " is rescaled lossily by the PNM decoder; INRKit cannot read its exact values"
                    + " (maxvals 1..127, 255, 256..32767 and 65535 are supported)");
        }
        int bits = 32 - Integer.numberOfLeadingZeros(maxval);
        Signal.Builder out = Signal.builder(scaled.spec().withBitDepth(bits));
        for (int i = 0, n = scaled.sampleCount(); i < n; i++) {
            int s = scaled.sample(i);
            int v = (int) Math.round((double) s * maxval / full);
            if ((int) ((long) v * full / maxval) != s || v > maxval) {
                throw new UnsupportedFormatException("PNM sample " + s + " at index " + i
                        + " is not a rescaled value of maxval " + maxval);
            }
            out.set(i, v);
        }
        return out.build();
    }
}
