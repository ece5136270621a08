package io.inrkit.cli;

import io.inrkit.audio.AudioFiles;
import io.inrkit.core.BadInputException;
import io.inrkit.core.CorruptInputException;
import io.inrkit.core.Signal;
import io.inrkit.core.SignalKind;
import io.inrkit.core.UnsupportedFormatException;
import io.inrkit.core.internal.InputFiles;
import io.inrkit.image.ImageFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Reads any supported input, image or audio, by its content; writes by the output's extension. */
final class MediaFiles {

    private MediaFiles() {
    }

    static MediaFile read(Path path) throws IOException {
        return read(path, null);
    }

    /** Reads {@code path}, or standard input when it is "-" (and {@code stdio} is given). */
    static MediaFile read(Path path, Stdio stdio) throws IOException {
        boolean stdin = stdio != null && Stdio.isDash(path);
        byte[] data = stdin ? stdio.readAll(path) : InputFiles.readAll(path);
        return read(stdin ? Stdio.nameOf(path) : path.toString(), data);
    }

    /** Decodes the input {@code name}'s bytes; its errors name it. */
    static MediaFile read(String name, byte[] data) throws IOException {
        try {
            return decode(name, data);
        } catch (BadInputException e) {
            throw e.withContext(name);
        }
    }

    static MediaFile decode(String name, byte[] data) throws IOException {
        if (data.length == 0) {
            throw new CorruptInputException("empty file");
        }
        if (io.inrkit.codec.Decoder.isInr(data)) {
            Signal signal = io.inrkit.codec.Decoder.decode(data, Runtime.getRuntime().availableProcessors());
            return new MediaFile(name, data.length, signal, null, null);
        }
        if (AudioFiles.recognises(data)) {
            var audio = AudioFiles.decode(data);
            return new MediaFile(name, data.length, audio.signal(), null, audio);
        }
        if (!ImageFiles.recognises(data)) {
            throw new UnsupportedFormatException("not a recognised image, audio or .inr file "
                    + "(PNG, TIFF, PNM, BMP, GIF, WAV, AIFF, AU, INR)");
        }
        var image = ImageFiles.decode(data);
        return new MediaFile(name, data.length, image.signal(), image, null);
    }

    /** Output kinds by extension. */
    enum OutputType {
        PNG, TIFF, WAV;

        /** By extension; "-" (standard output) is PNG for images and WAV for audio. */
        static OutputType of(Path path, SignalKind kind) {
            if (Stdio.isDash(path)) {
                return kind == SignalKind.AUDIO ? WAV : PNG;
            }
            return of(path);
        }

        /** A usage error, before any reading, for an output name whose format is unknown. */
        static void check(Path path) {
            if (!Stdio.isDash(path)) {
                of(path);
            }
        }

        static OutputType of(Path path) {
            String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".png")) {
                return PNG;
            }
            if (name.endsWith(".tif") || name.endsWith(".tiff")) {
                return TIFF;
            }
            if (name.endsWith(".wav")) {
                return WAV;
            }
            throw new UsageException("cannot tell the output format from '" + path.getFileName()
                    + "': use .png, .tif or .tiff for images, .wav for audio");
        }

        SignalKind kind() {
            return this == WAV ? SignalKind.AUDIO : SignalKind.IMAGE;
        }
    }

    /**
     * Refuses, before any work, an output format that cannot hold {@code bits}-bit samples: WAV
     * holds 8, 16, 24 or 32 bits, TIFF 8 or 16, PNG up to 16 (depths other than 8 and 16 in sBIT).
     */
    static void checkDepthWritable(Path out, int bits, SignalKind kind) {
        OutputType type = OutputType.of(out, kind);
        boolean ok = switch (type) {
            case WAV -> bits % 8 == 0 && bits >= 8 && bits <= 32;
            case TIFF -> bits == 8 || bits == 16;
            case PNG -> bits >= 1 && bits <= 16;
        };
        if (!ok) {
            throw new UsageException(type + " cannot hold " + bits + "-bit samples (" + switch (type) {
                case WAV -> "WAV keeps 8, 16, 24 or 32 bits";
                case TIFF -> "TIFF output keeps 8 or 16 bits; PNG records other depths";
                case PNG -> "PNG keeps 1 to 16 bits";
            } + ")");
        }
    }

    /**
     * Writes {@code signal} to {@code out} atomically. Refuses, before writing anything, to write
     * over any of {@code inputs}, to replace an existing file without {@code force}, and to put a
     * signal in a format of the other kind.
     */
    static void write(Signal signal, Path out, boolean force, Path... inputs) throws IOException {
        write(signal, out, force, null, inputs);
    }

    /** Refuses, before anything is written, an audio output that is not WAV or is one of {@code inputs}. */
    static void checkAudioOutput(Path out, Path... inputs) {
        checkOutput(SignalKind.AUDIO, out, inputs);
    }

    private static OutputType checkOutput(SignalKind kind, Path out, Path... inputs) {
        OutputType type = OutputType.of(out);
        if (kind != type.kind()) {
            throw new UsageException("cannot write " + kind.displayName() + " as " + type + "; use "
                    + (kind == SignalKind.IMAGE ? ".png, .tif or .tiff" : ".wav"));
        }
        for (Path in : inputs) {
            if (InputFiles.sameFile(in, out)) {
                throw new UsageException("output " + out + " is the input file; INRKit never overwrites an input");
            }
        }
        return type;
    }

    /**
     * As {@link #write(Signal, Path, boolean, Path...)}; an output named "-" goes to {@code stdio}'s
     * standard output as PNG or WAV, through a temporary file so that a failure sends nothing.
     */
    static void write(Signal signal, Path out, boolean force, Stdio stdio, Path... inputs) throws IOException {
        if (stdio != null && Stdio.isDash(out)) {
            OutputType type = OutputType.of(out, signal.kind());
            Path temporary = Files.createTempFile("inrkit-", type == OutputType.WAV ? ".wav" : ".png");
            try {
                write(signal, temporary, true);
                Files.copy(temporary, stdio.out());
                stdio.out().flush();
            } finally {
                Files.deleteIfExists(temporary);
            }
            return;
        }
        OutputType type = checkOutput(signal.kind(), out, inputs);
        if (type == OutputType.WAV) {
            AudioFiles.writeWav(signal, out, force);
        } else {
            ImageFiles.write(signal, out, force);
        }
    }
}
