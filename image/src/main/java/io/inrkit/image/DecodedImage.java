package io.inrkit.image;

import io.inrkit.core.Signal;

/**
 * An image file's samples and what was learnt on the way.
 *
 * @param signal the samples, at the file's true bit depth
 * @param format the file's format
 * @param paletteExpanded whether a colour palette was expanded to RGB or RGBA
 * @param containerBits bits per sample the file stores; larger than the signal's depth when a
 *     PNG sBIT chunk or a PNM maxval says fewer bits are significant
 */
public record DecodedImage(Signal signal, ImageFormat format, boolean paletteExpanded, int containerBits) {

    /** Channel layout name: gray, gray+alpha, rgb, rgba. */
    public String layout() {
        return layoutName(signal.channels());
    }

    static String layoutName(int channels) {
        return switch (channels) {
            case 1 -> "gray";
            case 2 -> "gray+alpha";
            case 3 -> "rgb";
            case 4 -> "rgba";
            default -> channels + " channels";
        };
    }
}
