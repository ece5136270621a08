package io.inrkit.codec.internal.format;

import io.inrkit.core.Signal;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The coded bits of a signal as independent tiles: the tiling, each tile's arithmetic-coded
 * stream, and a CRC32C of each tile's samples, so that a decode of some tiles is verified as the
 * whole file's SHA-256 verifies a full decode. A version-1 file reads as one tile, the whole
 * signal, without checksums ({@code checksums} null).
 *
 * @param tiling how the signal is cut
 * @param streams each tile's coded bytes, in tile order
 * @param checksums each tile's {@link #checksum}, or null for a version-1 file
 */
public record TiledBits(Tiling tiling, List<byte[]> streams, int[] checksums) {

    public TiledBits {
        streams = List.copyOf(streams);
        if (checksums != null && checksums.length != streams.size()) {
            throw new IllegalArgumentException(streams.size() + " tiles, " + checksums.length + " checksums");
        }
    }

    /** Bytes of every tile's stream. */
    public long codedBytes() {
        long n = 0;
        for (byte[] s : streams) {
            n += s.length;
        }
        return n;
    }

    /**
     * CRC32C of a tile's samples, in interleaved order, each as a 32-bit little-endian two's
     * complement integer (as the file's SHA-256 takes them).
     */
    public static int checksum(Signal tile) {
        CRC32C crc = new CRC32C();
        SampleHash.feed(tile, (buf, length) -> crc.update(buf, 0, length));
        return (int) crc.getValue();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof TiledBits t) || !tiling.equals(t.tiling) || !Arrays.equals(checksums, t.checksums)
                || streams.size() != t.streams.size()) {
            return false;
        }
        for (int i = 0; i < streams.size(); i++) {
            if (!Arrays.equals(streams.get(i), t.streams.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return tiling.hashCode() * 31 + Arrays.hashCode(checksums);
    }
}
