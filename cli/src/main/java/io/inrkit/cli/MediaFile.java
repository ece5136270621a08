package io.inrkit.cli;

import io.inrkit.audio.DecodedAudio;
import io.inrkit.core.Signal;
import io.inrkit.image.DecodedImage;

/**
 * A decoded input file: its signal and what its reader learnt. {@code image} is set for image
 * files, {@code audio} for audio files, neither for .inr files.
 */
record MediaFile(String name, long fileBytes, Signal signal, DecodedImage image, DecodedAudio audio) {

    /** Format name: PNG, TIFF, PNM, BMP, GIF, WAVE, AIFF, AU, INR. */
    String format() {
        return image != null ? image.format().name() : audio != null ? audio.container() : "INR";
    }

    /** The same file with another signal (a crop or a segment of it). */
    MediaFile withSignal(Signal s) {
        return new MediaFile(name, fileBytes, s, image, audio);
    }
}
