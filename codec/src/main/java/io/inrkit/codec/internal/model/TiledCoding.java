package io.inrkit.codec.internal.model;

import io.inrkit.codec.internal.format.TiledBits;
import io.inrkit.codec.internal.format.Tiling;
import io.inrkit.core.CorruptInputException;
import io.inrkit.core.Signal;
import io.inrkit.core.SignalKind;
import io.inrkit.core.SignalSpec;
import io.inrkit.core.internal.IndexedTasks;
import java.util.ArrayList;
import java.util.List;

/**
 * Codes a signal tile by tile ({@link Tiling}): each tile with its own {@link SampleCodec} run, a
 * fresh context model and arithmetic coder, so tiles are coded on as many threads as are given
 * and the bytes are the same whatever their number. The models' side information stays global:
 * a tile sees it through its own positions mapped to the signal's.
 */
public final class TiledCoding {

    private TiledCoding() {
    }

    /** Codes every tile of {@code s}, with their checksums. */
    public static TiledBits encode(Signal s, SideInformation side, int mode, Tiling tiling, int threads) {
        return encode(s, side, mode, null, null, tiling, threads);
    }

    /**
     * Codes the tiles of {@code s}, with their checksums.
     *
     * @param net the context network, for {@link io.inrkit.codec.internal.format.InrFormat#MODE_CONTEXT2_NET}, or null
     * @param capture null, or one entry a tile: where that tile collects the network's training
     *     samples (null entries collect nothing)
     */
    public static TiledBits encode(Signal s, SideInformation side, int mode, ContextNet net,
            ContextNet.Samples[] capture, Tiling tiling, int threads) {
        SignalSpec spec = s.spec();
        int count = Math.toIntExact(tiling.count(spec));
        int[] checksums = new int[count];
        try {
            List<byte[]> streams = run(count, threads, i -> {
                Tiling.Tile tile = tiling.tile(spec, i);
                Signal part = count == 1 ? s : tile.cut(s);
                checksums[i] = TiledBits.checksum(part);
                return SampleCodec.encode(part, forTile(side, spec, tile, count), mode, net,
                        capture == null ? null : capture[i]);
            });
            return new TiledBits(tiling, streams, checksums);
        } catch (CorruptInputException e) {
            throw new IllegalStateException("encoding reads no coded bits", e);
        }
    }

    /**
     * The coded bytes of the tiles {@code indices} of {@code s}, each coded on its own (no side
     * information) on up to {@code threads} threads: what a mode costs on a sample of tiles.
     */
    public static long codedBytes(Signal s, int mode, ContextNet net, Tiling tiling, int[] indices, int threads) {
        SignalSpec spec = s.spec();
        try {
            return run(indices.length, threads, k -> SampleCodec.encode(tiling.tile(spec, indices[k]).cut(s), null,
                    mode, net, null).length).stream().mapToLong(Integer::longValue).sum();
        } catch (CorruptInputException e) {
            throw new IllegalStateException("encoding reads no coded bits", e);
        }
    }

    /**
     * Decodes the tiles that share a position with the region {@code [x, x + width) x [y, y +
     * height)} (audio: frames {@code x .. x + width - 1}, {@code y} 0 and {@code height} 1) and
     * returns the region's samples; each tile is checked against its checksum when the file has
     * them (version 2). The whole signal is the region {@code (0, 0, width, height)}.
     */
    public static Signal decode(SignalSpec spec, TiledBits bits, SideInformation side, int mode, ContextNet net,
            int threads, int x, int y, int width, int height) throws CorruptInputException {
        Tiling tiling = bits.tiling();
        int count = bits.streams().size();
        if (count == 1 && x == 0 && y == 0 && tiling.tile(spec, 0).positions() == width * height) {
            return decodeTile(spec, bits, side, mode, net, tiling.tile(spec, 0), count); // the whole of one tile
        }
        SignalSpec regionSpec = spec.kind() == SignalKind.IMAGE ? spec.withShape(height, width) : spec.withShape(width);
        Signal.Builder out = Signal.builder(regionSpec);
        List<Integer> wanted = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (tiling.tile(spec, i).touches(x, y, width, height)) {
                wanted.add(i);
            }
        }
        run(wanted.size(), threads, k -> {
            Tiling.Tile tile = tiling.tile(spec, wanted.get(k));
            paste(decodeTile(spec, bits, side, mode, net, tile, count), tile, out, x, y, width, height);
            return null;
        });
        return out.build();
    }

    /** Decodes one tile and checks it against its checksum, when the file has them. */
    private static Signal decodeTile(SignalSpec spec, TiledBits bits, SideInformation side, int mode,
            ContextNet net, Tiling.Tile tile, int count) throws CorruptInputException {
        int i = tile.index();
        Signal part = SampleCodec.decode(tile.spec(spec), bits.streams().get(i), forTile(side, spec, tile, count), mode,
                net);
        if (bits.checksums() != null) {
            check(part, tile, bits.checksums()[i]);
        }
        return part;
    }

    /**
     * Decodes tile {@code tile} of a signal of {@code spec} from its own {@code stream}, coded in a
     * context-only mode, and checks it against {@code checksum}: a streamed decode's block.
     */
    public static Signal decodeTile(SignalSpec spec, Tiling.Tile tile, byte[] stream, int checksum, int mode)
            throws CorruptInputException {
        Signal part = SampleCodec.decode(tile.spec(spec), stream, null, mode, null);
        check(part, tile, checksum);
        return part;
    }

    private static void check(Signal part, Tiling.Tile tile, int checksum) throws CorruptInputException {
        if (TiledBits.checksum(part) != checksum) {
            String which = part.kind() == SignalKind.AUDIO
                    ? "block " + tile.index() + " (frames " + tile.x() + " to " + (tile.x() + tile.width() - 1) + ")"
                    : "tile " + tile.index() + " (" + tile.width() + "x" + tile.height() + " at " + tile.x() + ","
                            + tile.y() + ")";
            throw new CorruptInputException(which + " decodes to samples whose CRC32C differs from the file's: "
                    + "its coded bits are corrupt");
        }
    }

    /** Copies the part of {@code part} (tile {@code tile}) inside the region into {@code out}. */
    private static void paste(Signal part, Tiling.Tile tile, Signal.Builder out, int x, int y, int width, int height) {
        int c = part.spec().channels();
        int x0 = Math.max(x, tile.x());
        int x1 = Math.min(x + width, tile.x() + tile.width());
        int y0 = Math.max(y, tile.y());
        int y1 = Math.min(y + height, tile.y() + tile.height());
        for (int row = y0; row < y1; row++) {
            int src = ((row - tile.y()) * tile.width() + x0 - tile.x()) * c;
            int dst = ((row - y) * width + x0 - x) * c;
            for (int i = 0, n = (x1 - x0) * c; i < n; i++) {
                out.set(dst + i, part.sample(src + i));
            }
        }
    }

    /** The side information of a tile's own positions; the whole signal's when it is the one tile. */
    private static SideInformation forTile(SideInformation side, SignalSpec spec, Tiling.Tile tile, int count) {
        if (side == null || count == 1) {
            return side;
        }
        return new SideInformation() {
            @Override
            public int probability(int position, int channel, int plane) {
                return side.probability(tile.globalPosition(spec, position), channel, plane);
            }

            @Override
            public long expected16(int position, int channel) {
                return side.expected16(tile.globalPosition(spec, position), channel);
            }
        };
    }

    /** One tile's work, which may find a corrupt stream. */
    private interface TileTask<T> extends IndexedTasks.Task<T, CorruptInputException> {
    }

    /**
     * Runs {@code task} for {@code 0 .. count - 1} on up to {@code threads} threads, and returns
     * the results in index order; the first failure, in index order, is thrown.
     */
    private static <T> List<T> run(int count, int threads, TileTask<T> task) throws CorruptInputException {
        return IndexedTasks.run(count, threads, "inrkit-tile", CorruptInputException.class, task);
    }
}
