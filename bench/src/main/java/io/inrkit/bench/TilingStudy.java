package io.inrkit.bench;

import io.inrkit.codec.internal.format.InrFormat;
import io.inrkit.codec.internal.format.TiledBits;
import io.inrkit.codec.internal.format.Tiling;
import io.inrkit.codec.internal.model.SampleCodec;
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
 * What independent tiles cost (issue 14): each image's (or recording's) context-model bytes coded
 * whole, and coded as independent tiles (audio: blocks) of each size asked for, every tile with a
 * fresh model (as a decoder that decodes tiles on their own, in parallel or for a region, must
 * start), plus 8 bytes of index a tile (coded length, checksum of its samples). Prints one row a
 * file and the totals. Sizes are tile edges for images, block frames for audio (.wav, .aif,
 * .aiff, .au).
 *
 * <pre>java -cp ... io.inrkit.bench.TilingStudy [--threads N] SIZE[,SIZE...] FILE...</pre>
 */
public final class TilingStudy {

    private TilingStudy() {
    }

    public static void main(String[] args) throws Exception {
        int threads = StudyFiles.threads(args);
        int at = StudyFiles.afterThreads(args);
        String[] sizes = args[at++].split(",");
        int[] tiles = new int[sizes.length];
        for (int i = 0; i < tiles.length; i++) {
            tiles[i] = Integer.parseInt(sizes[i]);
        }
        List<Path> files = new ArrayList<>();
        for (; at < args.length; at++) {
            files.add(Path.of(args[at]));
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<long[]>> rows = new ArrayList<>();
        for (Path f : files) {
            rows.add(pool.submit(() -> measure(StudyFiles.read(f), tiles)));
        }
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-44s %10s", "image", "whole"));
        for (int t : tiles) {
            head.append(String.format(Locale.ROOT, " %12s %7s", "tiles " + t, "cost"));
        }
        System.out.println(head);
        long[] total = new long[tiles.length + 1];
        for (int i = 0; i < files.size(); i++) {
            long[] r = rows.get(i).get();
            System.out.println(row(files.get(i).getFileName().toString(), r));
            for (int k = 0; k < r.length; k++) {
                total[k] += r[k];
            }
        }
        System.out.println(row("total (" + files.size() + " images)", total));
        pool.shutdown();
    }

    /** Bytes whole, then for each tile size the tiles' bytes and index. */
    static long[] measure(Signal s, int[] tiles) {
        long[] r = new long[tiles.length + 1];
        r[0] = SampleCodec.encode(s, null, InrFormat.MODE_CONTEXT).length;
        for (int k = 0; k < tiles.length; k++) {
            Tiling tiling = Tiling.of(s.spec(), tiles[k], tiles[k]);
            TiledBits coded = TiledCoding.encode(s, null, InrFormat.MODE_CONTEXT, tiling, 1);
            r[k + 1] = coded.codedBytes() + (long) InrFormat.TILE_ENTRY_BYTES * coded.streams().size();
        }
        return r;
    }

    private static String row(String name, long[] r) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-44s %10d", name, r[0]));
        for (int k = 1; k < r.length; k++) {
            b.append(String.format(Locale.ROOT, " %12d %+6.2f%%", r[k], 100.0 * (r[k] - r[0]) / r[0]));
        }
        return b.toString();
    }
}
