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

    @Option(names = "--crop", paramLabel = "WxH+X+Y",
            description = "Use only this image region: width x height at offset (X, Y) from the top-left; +X+Y defaults to +0+0.")
    String crop;

    @Option(names = "--samples", paramLabel = "START:COUNT",
            description = "Use only COUNT audio frames starting at frame START.")
    String samples;

    /** The part of {@code signal} the options select (the whole signal without options). */
    Signal apply(Signal signal) {
        Signal s = signal;
        if (crop != null) {
            if (s.kind() != SignalKind.IMAGE) {
                throw new UsageException("--crop applies to images; use --samples START:COUNT for audio");
            }
            Matcher m = CROP.matcher(crop);
            if (!m.matches()) {
                throw new UsageException("--crop '" + crop + "' is not WxH+X+Y (e.g. 64x64+0+0)");
            }
            int x = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
            int y = m.group(4) == null ? 0 : Integer.parseInt(m.group(4));
            s = s.crop(x, y, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }
        if (samples != null) {
            if (s.kind() != SignalKind.AUDIO) {
                throw new UsageException("--samples applies to audio; use --crop WxH+X+Y for images");
            }
            Matcher m = SAMPLES.matcher(samples);
            if (!m.matches()) {
                throw new UsageException("--samples '" + samples + "' is not START:COUNT (e.g. 0:4800)");
            }
            long start = Long.parseLong(m.group(1));
            long count = Long.parseLong(m.group(2));
            if (start > Integer.MAX_VALUE || count > Integer.MAX_VALUE) {
                throw new UsageException("--samples " + samples + " is outside the " + s.spec().frames() + "-frame clip");
            }
            s = s.segment((int) start, (int) count);
        }
        return s;
    }
}
