package io.inrkit.core;

/** What a {@link Signal} holds; decides its shape's rank and the limits that apply. */
public enum SignalKind {
    /** Shape {@code [height, width]}; channels 1 (gray), 2 (gray+alpha), 3 (RGB), 4 (RGBA); 1..16 bits. */
    IMAGE(2, 4, 16),
    /** Shape {@code [frames]}; any channel count up to {@link #maxChannels()}; 1..32 bits. */
    AUDIO(1, 1024, 32);

    private final int rank;
    private final int maxChannels;
    private final int maxBitDepth;

    SignalKind(int rank, int maxChannels, int maxBitDepth) {
        this.rank = rank;
        this.maxChannels = maxChannels;
        this.maxBitDepth = maxBitDepth;
    }

    /** Number of shape axes: 2 for images, 1 for audio. */
    public int rank() {
        return rank;
    }

    public int maxChannels() {
        return maxChannels;
    }

    public int maxBitDepth() {
        return maxBitDepth;
    }

    public String displayName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
