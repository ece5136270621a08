package io.inrkit.bench;

import io.inrkit.codec.internal.format.TiledBits;
import io.inrkit.codec.internal.format.Tiling;
import io.inrkit.codec.internal.model.TiledCoding;
import io.inrkit.core.Signal;
import io.inrkit.core.SignalKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The coding modes compared (issue 14's speed, issue 13's size): each image's or recording's
 * coded bytes and one-thread encode seconds in each mode given, with every decode checked sample
 * by sample. For images the "real time" of the summary is megapixels.
 *
 * <pre>java -cp ... io.inrkit.bench.ModeStudy MODE,MODE,... FILE...</pre>
 */
public final class ModeStudy {

    private ModeStudy() {
    }

    public static void main(String[] args) throws Exception {
        String[] modeNames = args[0].split(",");
        int[] modes = new int[modeNames.length];
        for (int i = 0; i < modes.length; i++) {
            modes[i] = Integer.parseInt(modeNames[i]);
        }
        boolean check = !Boolean.getBoolean("inrkit.study.nocheck");
        long[] bytes = new long[modes.length];
        double[] seconds = new double[modes.length];
        double audio = 0;
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-36s", "file"));
        for (int m : modes) {
            head.append(String.format(Locale.ROOT, " %11s %7s", "mode " + m, "s"));
        }
        System.out.println(head);
        for (int at = 1; at < args.length; at++) {
            Path f = Path.of(args[at]);
            Signal s = StudyFiles.read(f);
            boolean image = s.spec().kind() == SignalKind.IMAGE;
            audio += image ? s.spec().width() * (double) s.spec().height() / 1e6
                    : s.spec().frames() / (double) s.spec().sampleRate();
            Tiling tiling = Tiling.standard(s.spec());
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-36s", f.getFileName()));
            for (int i = 0; i < modes.length; i++) {
                long t0 = System.nanoTime();
                TiledBits coded = TiledCoding.encode(s, null, modes[i], tiling, 1);
                double t = (System.nanoTime() - t0) / 1e9;
                if (check) {
                    Signal back = image
                            ? TiledCoding.decode(s.spec(), coded, null, modes[i], null, 1, 0, 0, s.spec().width(),
                                    s.spec().height())
                            : TiledCoding.decode(s.spec(), coded, null, modes[i], null, 1, 0, 0, s.spec().frames(), 1);
                    for (int k = 0, n = s.sampleCount(); k < n; k++) {
                        if (back.sample(k) != s.sample(k)) {
                            throw new AssertionError(f + " mode " + modes[i] + ": sample " + k + " differs");
                        }
                    }
                }
                bytes[i] += coded.codedBytes();
                seconds[i] += t;
                row.append(String.format(Locale.ROOT, " %11d %7.2f", coded.codedBytes(), t));
            }
            System.out.println(row);
        }
        StringBuilder total = new StringBuilder(String.format(Locale.ROOT, "%-36s", "total, " + Math.round(audio) + " s or MP"));
        for (int i = 0; i < modes.length; i++) {
            total.append(String.format(Locale.ROOT, " %11d %7.2f", bytes[i], seconds[i]));
        }
        System.out.println(total);
        for (int i = 1; i < modes.length; i++) {
            System.out.println(String.format(Locale.ROOT, "mode %d against mode %d: size %.4f, time %.3f (%.2f s or MP a second)",
                    modes[i], modes[0], bytes[i] / (double) bytes[0], seconds[i] / seconds[0], audio / seconds[i]));
        }
    }
}
