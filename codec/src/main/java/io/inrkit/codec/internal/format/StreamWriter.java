package io.inrkit.codec.internal.format;

import io.inrkit.core.SignalSpec;
import io.inrkit.core.UnsupportedFormatException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.zip.CRC32C;

/**
 * Writes a version-2 file without models block by block into a file channel, without holding
 * the signal or its coded bits: the bytes are those {@link ContainerWriter} writes for the same
 * container. What is known only at the end (the samples' SHA-256, the blocks' lengths and
 * checksums, the bits section's length) is written as zeros first and filled in by
 * {@link #finish}; the bits section's CRC32C, which covers its length, is computed then by
 * reading the section back.
 */
public final class StreamWriter {

    private static final int BUFFER_BYTES = 1 << 16;
    /** Largest file: what {@link InrContainer#parse} and the sizes of a file's info hold. */
    private static final long MAX_FILE_BYTES = Integer.MAX_VALUE;

    private final FileChannel out;
    private final long origin;
    private final SignalSpec spec;
    private final Tiling tiling;
    private final int blocks;
    private final long[] entries; // length << 32 | checksum, a block each
    private final long tilesAt;
    private final long bitsAt;
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);
    private long position;
    private int written;

    private StreamWriter(FileChannel out, SignalSpec spec, Tiling tiling, int mode) throws IOException {
        this.out = out;
        this.origin = out.position();
        this.spec = spec;
        this.tiling = tiling;
        this.blocks = Math.toIntExact(tiling.count(spec));
        this.entries = new long[blocks];
        this.position = origin;
        ByteWriter head = new ByteWriter();
        head.bytes(InrFormat.MAGIC).u8(InrFormat.VERSION).u8(0).u16(0);
        ContainerWriter.section(head, InrFormat.TAG_SIGNAL, ContainerWriter.signal(spec, new byte[InrFormat.SHA256_BYTES]));
        tilesAt = origin + head.size();
        ContainerWriter.section(head, InrFormat.TAG_TILES, new byte[InrFormat.TILES_HEADER_BYTES
                + InrFormat.TILE_ENTRY_BYTES * blocks]);
        bitsAt = origin + head.size();
        head.u8(InrFormat.TAG_BITS).u32(0).u8(mode);
        put(head.toByteArray());
    }

    /** Starts a file of {@code spec}, cut by {@code tiling}, coded in context-only mode {@code mode}, at the channel's position. */
    public static StreamWriter begin(FileChannel out, SignalSpec spec, Tiling tiling, int mode) throws IOException {
        if (!InrFormat.contextOnlyMode(mode)) {
            throw new IllegalArgumentException("a streamed file is coded by the context model alone, not mode " + mode);
        }
        return new StreamWriter(out, spec, tiling, mode);
    }

    /** Appends the next block's coded bytes and the {@link TiledBits#checksum} of its samples. */
    public void block(byte[] stream, int checksum) throws IOException {
        if (written == blocks) {
            throw new IllegalStateException("all " + blocks + " blocks are written");
        }
        entries[written++] = (long) stream.length << 32 | (checksum & 0xFFFFFFFFL);
        put(stream);
    }

    /** Each block's coded bytes, of those written so far. */
    public int[] codedBytes() {
        int[] lengths = new int[written];
        for (int i = 0; i < written; i++) {
            lengths[i] = (int) (entries[i] >>> 32);
        }
        return lengths;
    }

    /**
     * Fills in what the blocks decided, closes the bits section and ends the file.
     *
     * @param sha256 the SHA-256 of every sample, as {@link SampleHash} computes it
     * @return the file's bytes in all
     */
    public long finish(byte[] sha256) throws IOException {
        if (written != blocks) {
            throw new IllegalStateException(written + " of " + blocks + " blocks are written");
        }
        flush();
        long payload = position - bitsAt - 5;
        if (position + 4 + InrFormat.SECTION_OVERHEAD - origin > MAX_FILE_BYTES) {
            throw new UnsupportedFormatException("the recording codes to more than " + MAX_FILE_BYTES
                    + " bytes, the largest .inr file; split it");
        }
        writeAt(bitsAt + 1, new ByteWriter().u32(payload).toByteArray());
        ByteWriter tail = new ByteWriter().u32(crcOf(bitsAt, position - bitsAt));
        ContainerWriter.section(tail, InrFormat.TAG_END, new byte[0]);
        put(tail.toByteArray());
        flush();
        ByteWriter head = new ByteWriter();
        ContainerWriter.section(head, InrFormat.TAG_SIGNAL, ContainerWriter.signal(spec, sha256));
        writeAt(origin + InrFormat.HEADER_BYTES, head.toByteArray());
        ByteWriter index = new ByteWriter().u32(tiling.tileWidth()).u32(tiling.tileHeight());
        for (long e : entries) {
            index.u32(e >>> 32).u32(e & 0xFFFFFFFFL);
        }
        ByteWriter tiles = new ByteWriter();
        ContainerWriter.section(tiles, InrFormat.TAG_TILES, index.toByteArray());
        writeAt(tilesAt, tiles.toByteArray());
        return position - origin;
    }

    private void put(byte[] b) throws IOException {
        for (int at = 0; at < b.length; ) {
            int n = Math.min(buffer.remaining(), b.length - at);
            buffer.put(b, at, n);
            at += n;
            if (!buffer.hasRemaining()) {
                flush();
            }
        }
    }

    private void flush() throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            position += out.write(buffer, position);
        }
        buffer.clear();
    }

    private void writeAt(long at, byte[] b) throws IOException {
        ByteBuffer src = ByteBuffer.wrap(b);
        while (src.hasRemaining()) {
            at += out.write(src, at);
        }
    }

    /** CRC32C of {@code length} bytes of the file from {@code at}, read back. */
    private long crcOf(long at, long length) throws IOException {
        CRC32C crc = new CRC32C();
        ByteBuffer b = ByteBuffer.allocate(BUFFER_BYTES);
        for (long end = at + length; at < end; ) {
            b.clear().limit((int) Math.min(b.capacity(), end - at));
            int n = out.read(b, at);
            if (n < 0) {
                throw new IOException("the file being written ended at byte " + at);
            }
            at += n;
            crc.update(b.flip());
        }
        return crc.getValue();
    }
}
