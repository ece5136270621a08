package io.inrkit.core;

/**
 * Integer samples with a {@link SignalSpec}: an image ({@code [height, width]}) or an audio clip
 * ({@code [frames]}), channels interleaved. Sample {@code (position, channel)} lives at index
 * {@code position * channels + channel}; positions run row-major (row by row for images).
 *
 * <p>Immutable. Build one with {@link #builder(SignalSpec)} (no copy when built) or
 * {@link #of(SignalSpec, int[])} (copies). Every sample is checked against the spec's range when
 * it is set, so a signal never holds a value its bit depth cannot represent.
 */
public final class Signal {

    private final SignalSpec spec;
    private final SampleStore store;

    private Signal(SignalSpec spec, SampleStore store) {
        this.spec = spec;
        this.store = store;
    }

    public static Builder builder(SignalSpec spec) {
        return new Builder(spec);
    }

    /** A signal holding a copy of {@code samples} (interleaved, {@code spec.sampleCount()} long). */
    public static Signal of(SignalSpec spec, int[] samples) {
        if (samples.length != spec.sampleCount()) {
            throw new IllegalArgumentException("expected " + spec.sampleCount() + " samples for "
                    + spec.describe() + ", got " + samples.length);
        }
        Builder b = builder(spec);
        for (int i = 0; i < samples.length; i++) {
            b.set(i, samples[i]);
        }
        return b.build();
    }

    public SignalSpec spec() {
        return spec;
    }

    public SignalKind kind() {
        return spec.kind();
    }

    public int channels() {
        return spec.channels();
    }

    public int bitDepth() {
        return spec.bitDepth();
    }

    public int sampleCount() {
        return store.length();
    }

    /** The sample at interleaved {@code index}. */
    public int sample(int index) {
        return store.get(index);
    }

    /** The sample of {@code channel} at {@code position} (pixel or frame index). */
    public int sample(int position, int channel) {
        if (channel < 0 || channel >= spec.channels()) {
            throw new IndexOutOfBoundsException("channel " + channel + " of " + spec.channels());
        }
        return store.get(position * spec.channels() + channel);
    }

    /** The image sample at column {@code x}, row {@code y}. */
    public int pixel(int x, int y, int channel) {
        int width = spec.width();
        if (x < 0 || x >= width || y < 0 || y >= spec.height()) {
            throw new IndexOutOfBoundsException("pixel (" + x + ", " + y + ") outside " + width + "x"
                    + spec.height());
        }
        return sample(y * width + x, channel);
    }

    /** All samples, interleaved, as a new array. */
    public int[] toIntArray() {
        int[] out = new int[store.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = store.get(i);
        }
        return out;
    }

    /** Copies {@code count} samples starting at interleaved {@code from} into {@code dst}. */
    public void copyTo(int from, int[] dst, int dstOffset, int count) {
        if (from < 0 || count < 0 || from + count > store.length()) {
            throw new IndexOutOfBoundsException("samples " + from + ".." + (from + count) + " of "
                    + store.length());
        }
        for (int i = 0; i < count; i++) {
            dst[dstOffset + i] = store.get(from + i);
        }
    }

    /**
     * Bits actually used: for unsigned samples the bit length of the largest value (0 for an
     * all-zero signal); for signed samples the two's-complement width of the widest value.
     */
    public int bitsUsed() {
        int widest = 0;
        for (int i = 0, n = store.length(); i < n; i++) {
            int v = store.get(i);
            int bits = spec.signed() ? 33 - Integer.numberOfLeadingZeros(v ^ (v >> 31))
                    : 32 - Integer.numberOfLeadingZeros(v);
            if (bits > widest) {
                widest = bits;
            }
        }
        return widest;
    }

    /** Largest absolute sample value (the peak of an audio clip). */
    public long peak() {
        long peak = 0;
        for (int i = 0, n = store.length(); i < n; i++) {
            peak = Math.max(peak, Math.abs((long) store.get(i)));
        }
        return peak;
    }

    /** The {@code width x height} image region whose top-left pixel is {@code (x, y)}. */
    public Signal crop(int x, int y, int width, int height) {
        if (spec.kind() != SignalKind.IMAGE) {
            throw new IllegalArgumentException("crop needs an image; this is " + spec.describe());
        }
        if (width < 1 || height < 1 || x < 0 || y < 0 || (long) x + width > spec.width()
                || (long) y + height > spec.height()) {
            throw new IllegalArgumentException("crop " + width + "x" + height + "+" + x + "+" + y
                    + " is outside the " + spec.width() + "x" + spec.height() + " image");
        }
        SignalSpec cropped = spec.withShape(height, width);
        Builder b = builder(cropped);
        int c = spec.channels();
        int rowSamples = width * c;
        for (int row = 0; row < height; row++) {
            int src = ((y + row) * spec.width() + x) * c;
            int dst = row * rowSamples;
            for (int i = 0; i < rowSamples; i++) {
                b.store.set(dst + i, store.get(src + i));
            }
        }
        return b.build();
    }

    /** The {@code count} audio frames starting at frame {@code start}. */
    public Signal segment(int start, int count) {
        if (spec.kind() != SignalKind.AUDIO) {
            throw new IllegalArgumentException("segment needs audio; this is " + spec.describe());
        }
        if (count < 1 || start < 0 || (long) start + count > spec.frames()) {
            throw new IllegalArgumentException("frames " + start + ":" + count + " are outside the "
                    + spec.frames() + "-frame clip");
        }
        Builder b = builder(spec.withShape(count));
        int c = spec.channels();
        for (int i = 0, n = count * c; i < n; i++) {
            b.store.set(i, store.get(start * c + i));
        }
        return b.build();
    }

    /** Index of the first sample that differs from {@code other}, or -1 when all are equal. */
    public int firstDifference(Signal other) {
        int n = Math.min(store.length(), other.store.length());
        for (int i = 0; i < n; i++) {
            if (store.get(i) != other.store.get(i)) {
                return i;
            }
        }
        return store.length() == other.store.length() ? -1 : n;
    }

    /** Equal spec and every sample equal. */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        return o instanceof Signal other && spec.equals(other.spec) && firstDifference(other) < 0;
    }

    @Override
    public int hashCode() {
        int h = spec.hashCode();
        for (int i = 0, n = store.length(); i < n; i++) {
            h = 31 * h + store.get(i);
        }
        return h;
    }

    @Override
    public String toString() {
        return "Signal[" + spec.describe() + "]";
    }

    /**
     * Fills a new signal's samples. {@link #build()} hands the storage to the signal without a
     * copy; the builder cannot be used afterwards.
     */
    public static final class Builder {
        private final SignalSpec spec;
        private final int min;
        private final int max;
        private SampleStore store;

        private Builder(SignalSpec spec) {
            this.spec = spec;
            this.min = spec.minValue();
            this.max = spec.maxValue();
            this.store = SampleStore.allocate(spec);
        }

        public SignalSpec spec() {
            return spec;
        }

        /** Sets the sample at interleaved {@code index}; rejects values outside the spec's range. */
        public Builder set(int index, int value) {
            if (value < min || value > max) {
                throw new IllegalArgumentException("sample " + value + " at index " + index
                        + " is outside " + min + ".." + max + " (" + spec.bitDepth() + "-bit "
                        + (spec.signed() ? "signed" : "unsigned") + ")");
            }
            live().set(index, value);
            return this;
        }

        /** Sets the sample of {@code channel} at {@code position}. */
        public Builder set(int position, int channel, int value) {
            return set(position * spec.channels() + channel, value);
        }

        /** Sets {@code count} consecutive samples from {@code values[offset..]}, starting at {@code index}. */
        public Builder setAll(int index, int[] values, int offset, int count) {
            for (int i = 0; i < count; i++) {
                set(index + i, values[offset + i]);
            }
            return this;
        }

        public Signal build() {
            Signal s = new Signal(spec, live());
            store = null;
            return s;
        }

        private SampleStore live() {
            if (store == null) {
                throw new IllegalStateException("builder already built");
            }
            return store;
        }
    }
}
