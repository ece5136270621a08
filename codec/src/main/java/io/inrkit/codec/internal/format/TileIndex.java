package io.inrkit.codec.internal.format;

import static io.inrkit.codec.internal.format.ByteReader.verify;

import io.inrkit.core.CorruptInputException;
import io.inrkit.core.SignalKind;
import io.inrkit.core.SignalSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The tiles section of a version-2 file (docs/FORMAT.md, "T: tiles"): the tile size, then each
 * tile's coded length and samples' CRC32C. Every declared size is checked against the bytes that
 * carry it before anything is allocated from it: the tile count the signal and tile size imply
 * must be exactly the entries the section holds, and the coded lengths must add up to exactly
 * the bits section, so a few bytes cannot declare many tiles or a long stream.
 */
final class TileIndex {

    private final Tiling tiling;
    private final int[] lengths;
    private final int[] checksums;
    private final int lengthsAt;

    private TileIndex(Tiling tiling, int[] lengths, int[] checksums, int lengthsAt) {
        this.tiling = tiling;
        this.lengths = lengths;
        this.checksums = checksums;
        this.lengthsAt = lengthsAt;
    }

    static TileIndex read(ByteReader t, SignalSpec spec) throws CorruptInputException {
        int sizeAt = t.position();
        long width = t.u32();
        long height = t.u32();
        boolean audio = spec.kind() == SignalKind.AUDIO;
        verify(width >= 1 && height >= 1 && width <= Integer.MAX_VALUE && (audio ? height == 1 : height <= Integer.MAX_VALUE),
                sizeAt, "tiles section: impossible tile size " + width + " x " + height);
        Tiling tiling = new Tiling((int) width, (int) height);
        long count = tiling.count(spec);
        int entriesAt = t.position();
        verify(count * InrFormat.TILE_ENTRY_BYTES == t.remaining(), entriesAt, "tiles section: " + tiling.tileWidth()
                + "x" + tiling.tileHeight() + " tiles of " + spec.describe() + " are " + count + " tiles, the section has "
                + t.remaining() + " bytes of entries (" + InrFormat.TILE_ENTRY_BYTES + " a tile)");
        int[] lengths = new int[(int) count];
        int[] checksums = new int[(int) count];
        for (int i = 0; i < lengths.length; i++) {
            int at = t.position();
            long length = t.u32();
            verify(length >= InrFormat.MIN_TILE_BYTES && length <= Integer.MAX_VALUE, at,
                    "tile " + i + " declares " + length + " coded bytes (at least " + InrFormat.MIN_TILE_BYTES + ")");
            lengths[i] = (int) length;
            checksums[i] = (int) t.u32();
        }
        return new TileIndex(tiling, lengths, checksums, entriesAt);
    }

    int[] lengths() {
        return lengths;
    }

    int[] checksums() {
        return checksums;
    }

    Tiling tiling() {
        return tiling;
    }

    /** The tiles' coded bytes in all, as declared. */
    long codedBytes() {
        long sum = 0;
        for (int length : lengths) {
            sum += length;
        }
        return sum;
    }

    /** Cuts the bits section's streams (what follows its mode byte) by the declared lengths. */
    TiledBits split(ByteReader bits) throws CorruptInputException {
        long sum = codedBytes();
        verify(sum == bits.remaining(), lengthsAt, "the tiles' coded lengths add up to " + sum
                + " bytes, the bits section holds " + bits.remaining());
        List<byte[]> streams = new ArrayList<>(lengths.length);
        for (int length : lengths) {
            streams.add(bits.bytes(length));
        }
        return new TiledBits(tiling, streams, checksums);
    }
}
