package io.inrkit.cli;

import io.inrkit.core.Signal;
import io.inrkit.core.SignalKind;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/** {@code --crop WxH+X+Y} for images and {@code --samples START:COUNT} for audio. */
final class RegionOptions {

    private static final Pattern CROP = Pattern.compile("(\\d{1,9})x(\\d{1,9})(?:\\+(\\d{1,9})\\+(\\d{1,9}))?");
    private static final Pattern SAMPLES = Pattern.compile("(\\d{1,10}):(\\d{1,10})");

    @Option(names = {"--crop", "--region"}, paramLabel = "WxH+X+Y",
            description = "Use only this image region: width x height at offset (X, Y) from the top-left; +X+Y defaults "
                    + "to +0+0. decode reads only the tiles the region touches.")
    String crop;

    @Option(names = "--samples", paramLabel = "START:COUNT",
            description = "Use only COUNT audio frames starting at frame START. decode reads only the blocks they touch.")
    String samples;

    /** Whether an image region or a run of frames is asked for. */
    boolean any() {
        return crop != null || samples != null;
    }

    /** The asked region as {@code {x, y, width, height}}, or null. */
    int[] box() {
        if (crop == null) {
            return null;
        }
        Matcher m = CROP.matcher(crop);
        if (!m.matches()) {
            throw new UsageException("--crop '" + crop + "' is not WxH+X+Y (e.g. 64x64+0+0)");
        }
        int x = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        int y = m.group(4) == null ? 0 : Integer.parseInt(m.group(4));
        return new int[] {x, y, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
    }

    /** The asked frames as {@code {start, count}}, or null. */
    int[] frames() {
        if (samples == null) {
            return null;
        }
        Matcher m = SAMPLES.matcher(samples);
        if (!m.matches()) {
            throw new UsageException("--samples '" + samples + "' is not START:COUNT (e.g. 0:4800)");
        }
        long start = Long.parseLong(m.group(1));
        long count = Long.parseLong(m.group(2));
        if (start > Integer.MAX_VALUE || count > Integer.MAX_VALUE) {
            throw new UsageException("--samples " + samples + " is outside every clip INRKit holds");
        }
        return new int[] {(int) start, (int) count};
    }

    /** Refuses a region for audio and frames for an image. */
    void checkKind(SignalKind kind) {
        if (crop != null && kind != SignalKind.IMAGE) {
            throw new UsageException("--crop applies to images; use --samples START:COUNT for audio");
        }
        if (samples != null && kind != SignalKind.AUDIO) {
            throw new UsageException("--samples applies to audio; use --crop WxH+X+Y for images");
        }
    }

    /** The part of {@code signal} the options select (the whole signal without options). */
    Signal apply(Signal signal) {
        checkKind(signal.kind());
        try {
            int[] b = box();
            if (b != null) {
                return signal.crop(b[0], b[1], b[2], b[3]);
            }
            int[] f = frames();
            return f == null ? signal : signal.segment(f[0], f[1]);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
