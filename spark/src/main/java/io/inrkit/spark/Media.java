package io.inrkit.spark;

import io.inrkit.audio.AudioFiles;
import io.inrkit.codec.DecodeOptions;
import io.inrkit.codec.Decoder;
import io.inrkit.core.BadInputException;
import io.inrkit.core.Signal;
import io.inrkit.core.SignalKind;
import io.inrkit.core.UnsupportedFormatException;
import io.inrkit.image.ImageFiles;
import io.inrkit.image.ImageFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Locale;

/** Images and audio to and from bytes, told apart by their content as {@code inrkit encode} does. */
final class Media {

    private Media() {
    }

    /** The samples of an image or audio file; an .inr file or anything else unrecognised is refused. */
    static Signal read(byte[] data, DecodeOptions limits) throws IOException {
        if (Decoder.isInr(data)) {
            throw new UnsupportedFormatException("already an .inr file");
        }
        if (AudioFiles.recognises(data)) {
            return AudioFiles.decode(data, limits).signal();
        }
        if (!ImageFiles.recognises(data)) {
            throw new UnsupportedFormatException("not a recognised image or audio file "
                    + "(PNG, TIFF, PNM, BMP, GIF, WAV, AIFF, AU)");
        }
        return ImageFiles.decode(data, limits).signal();
    }

    /**
     * The name a decoded .inr file gets: its own name without ".inr" when that names a format that
     * holds the signal (PNG, TIFF, WAV), else with ".png" or ".wav" added ({@code a.bmp.inr} decodes
     * to {@code a.bmp.png}).
     */
    static String decodedName(String inrName, Signal s) {
        String name = inrName.toLowerCase(Locale.ROOT).endsWith(".inr") ? inrName.substring(0, inrName.length() - 4)
                : inrName;
        String lower = name.toLowerCase(Locale.ROOT);
        if (s.kind() == SignalKind.AUDIO) {
            return lower.endsWith(".wav") ? name : name + ".wav";
        }
        if (isTiff(name) && (s.bitDepth() == 8 || s.bitDepth() == 16) || lower.endsWith(".png")) {
            return name;
        }
        return name + ".png";
    }

    /** {@code s} as the file {@code name} names: WAV for audio, TIFF for .tif / .tiff, else PNG. */
    static byte[] write(Signal s, String name) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (s.kind() == SignalKind.AUDIO) {
            AudioFiles.writeWav(s, out);
        } else {
            ImageFiles.write(s, isTiff(name) ? ImageFormat.TIFF : ImageFormat.PNG, out);
        }
        return out.toByteArray();
    }

    private static boolean isTiff(String name) {
        return ImageFormat.forPath(java.nio.file.Path.of(name)) == ImageFormat.TIFF;
    }

    /** The first line of an error's message, with its type where the message alone would not say. */
    static String describe(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = m.indexOf('\n');
        m = newline >= 0 ? m.substring(0, newline) : m;
        return e instanceof BadInputException || e instanceof IllegalStateException ? m
                : e.getClass().getSimpleName() + ": " + m;
    }
}
