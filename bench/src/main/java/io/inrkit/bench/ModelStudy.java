package io.inrkit.bench;

import io.inrkit.codec.internal.format.InrFormat;
import io.inrkit.codec.internal.format.TiledBits;
import io.inrkit.codec.internal.format.Tiling;
import io.inrkit.codec.internal.model.TiledCoding;
import io.inrkit.core.Signal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The context models compared (issue 13): each file's coded bytes with the first model
 * ({@code context}) and the stronger one ({@code context2}), at the default tiling, with the
 * seconds each took to encode on one thread (files run side by side on {@code --threads}).
 *
 * <pre>java -cp ... io.inrkit.bench.ModelStudy [--threads N] FILE...</pre>
 */
public final class ModelStudy {

    private ModelStudy() {
    }

    public static void main(String[] args) throws Exception {
        int threads = StudyFiles.threads(args);
        int at = StudyFiles.afterThreads(args);
        List<Path> files = new ArrayList<>();
        for (; at < args.length; at++) {
            files.add(Path.of(args[at]));
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r);
            t.setDaemon(true);
            return t;
        });
        List<Future<double[]>> rows = new ArrayList<>();
        for (Path f : files) {
            rows.add(pool.submit(() -> measure(StudyFiles.read(f))));
        }
        System.out.println(String.format(Locale.ROOT, "%-44s %10s %10s %8s %7s %7s", "file", "context", "context2",
                "change", "s", "s2"));
        double[] total = new double[4];
        for (int i = 0; i < files.size(); i++) {
            double[] r = rows.get(i).get();
            System.out.println(row(files.get(i).getFileName().toString(), r));
            for (int k = 0; k < r.length; k++) {
                total[k] += r[k];
            }
        }
        System.out.println(row("total (" + files.size() + " files)", total));
        pool.shutdown();
    }

    private static double[] measure(Signal s) {
        Tiling tiling = Tiling.standard(s.spec());
        long t0 = System.nanoTime();
        TiledBits one = TiledCoding.encode(s, null, InrFormat.MODE_CONTEXT, tiling, 1);
        long t1 = System.nanoTime();
        TiledBits two = TiledCoding.encode(s, null, InrFormat.MODE_CONTEXT2, tiling, 1);
        long t2 = System.nanoTime();
        return new double[] {one.codedBytes(), two.codedBytes(), (t1 - t0) / 1e9, (t2 - t1) / 1e9};
    }

    private static String row(String name, double[] r) {
        return String.format(Locale.ROOT, "%-44s %10.0f %10.0f %+7.2f%% %7.2f %7.2f", name, r[0], r[1],
                100 * (r[1] - r[0]) / r[0], r[2], r[3]);
    }
}
