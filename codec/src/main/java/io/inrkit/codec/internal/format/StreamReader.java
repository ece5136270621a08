package io.inrkit.codec.internal.format;

import static io.inrkit.codec.internal.format.ByteReader.verify;

import io.inrkit.core.BadInputException;
import io.inrkit.core.CorruptInputException;
import io.inrkit.core.SignalKind;
import io.inrkit.core.SignalSpec;
import io.inrkit.core.UnsupportedFormatException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32C;

/**
 * Reads a version-2 audio file without models from a stream, block by block, holding one block's coded
 * bytes at a time: the checks {@link ContainerReader} makes on a whole file, made as the bytes
 * arrive. Every declared length is checked against what it must add up to before a byte of it
 * is read, and a stream that ends early is corrupt where it ends. A file it cannot stream (version
 * 1, an image, or one with model sections) is left to the in-memory reader: {@link #streamable()} is false
 * and {@link #wholeFile()} gives every byte.
 */
public final class StreamReader {

    private final InputStream in;
    private final ByteArrayOutputStream prefix = new ByteArrayOutputStream();
    private final CRC32C bitsCrc = new CRC32C();
    private long position;
    private ContainerReader.Head head;
    private TileIndex index;
    private int mode;
    private int next;
    private long bitsAt;

    private StreamReader(InputStream in) {
        this.in = in;
    }

    /**
     * Reads the file's header, signal, tiles section and the bits section's head from {@code in}.
     * A stream that is not a version-2 file without models is read no further than needed to
     * tell, and is then {@link #wholeFile()}'s.
     */
    public static StreamReader open(InputStream in) throws IOException, BadInputException {
        StreamReader r = new StreamReader(in);
        r.readHead();
        return r;
    }

    private void readHead() throws IOException, BadInputException {
        byte[] start = read(InrFormat.SPEC_BYTES, false);
        if (start.length < InrFormat.SPEC_BYTES || !InrContainer.hasMagic(start) || start[4] != InrFormat.VERSION) {
            return;
        }
        ContainerReader.Head h = ContainerReader.readHead(start);
        if (h.spec().kind() != SignalKind.AUDIO) {
            return; // images decode tile by tile from memory, for their regions
        }
        long tilesAt = position;
        byte[] frame = read(5, false);
        if (frame.length < 5 || frame[0] != InrFormat.TAG_TILES) {
            return; // model sections, or a defect the whole-file reader names
        }
        long length = u32(frame, 1);
        long entries = length - InrFormat.TILES_HEADER_BYTES;
        verify(entries >= 0 && entries % InrFormat.TILE_ENTRY_BYTES == 0
                && entries / InrFormat.TILE_ENTRY_BYTES <= h.spec().frames() && length < Integer.MAX_VALUE - 16,
                (int) tilesAt,
                "tiles section of " + length + " bytes for " + h.spec().describe());
        byte[] payload = readFully((int) length, "tiles section");
        CRC32C crc = new CRC32C();
        crc.update(frame);
        crc.update(payload);
        verify(crc.getValue() == u32(readFully(4, "tiles section"), 0), (int) tilesAt,
                "CRC32C mismatch in section 'T'");
        // The index reads from an array laid out as the file is, so its errors name file offsets.
        byte[] laidOut = new byte[Math.toIntExact(tilesAt + 5 + length)];
        System.arraycopy(payload, 0, laidOut, (int) tilesAt + 5, payload.length);
        index = TileIndex.read(new ByteReader(laidOut, (int) tilesAt + 5, (int) length, "section 'T'"), h.spec());
        bitsAt = position;
        byte[] bits = readFully(6, "bits section");
        verify(bits[0] == InrFormat.TAG_BITS, (int) bitsAt,
                "expected the bits section, found section '" + ContainerReader.printable(bits[0] & 0xFF) + "'");
        long sum = 1 + index.codedBytes();
        verify(u32(bits, 1) == sum, (int) bitsAt, "the bits section declares " + u32(bits, 1)
                + " bytes, the tiles' coded lengths and the mode byte add up to " + sum);
        mode = bits[5] & 0xFF;
        if (mode > InrFormat.MAX_MODE) {
            throw new UnsupportedFormatException("unknown coding mode " + mode);
        }
        verify(InrFormat.contextOnlyMode(mode), (int) bitsAt + 5,
                "coding mode " + mode + " needs models, the file has none");
        verify(!InrFormat.imageWindowMode(mode), (int) bitsAt + 5,
                "coding mode " + mode + " codes images, the file holds audio");
        bitsCrc.update(bits);
        head = h;
    }

    /** Whether the file streams: version-2 audio without models. */
    public boolean streamable() {
        return head != null;
    }

    /** Every byte of a file that does not stream: what was read to tell, then the rest of the stream. */
    public byte[] wholeFile() throws IOException {
        if (streamable()) {
            throw new IllegalStateException("the file streams");
        }
        // One array of the file's size: growing the prefix's buffer to a large file's size copied
        // it a dozen times, half a second of a region's decode of a 12-megapixel photo.
        byte[] rest = in.readAllBytes();
        byte[] file = new byte[prefix.size() + rest.length];
        byte[] read = prefix.toByteArray();
        System.arraycopy(read, 0, file, 0, read.length);
        System.arraycopy(rest, 0, file, read.length, rest.length);
        return file;
    }

    public SignalSpec spec() {
        return head.spec();
    }

    public byte[] sha256() {
        return head.sha256().clone();
    }

    /** The context-only mode the bits were coded in. */
    public int mode() {
        return mode;
    }

    public Tiling tiling() {
        return index.tiling();
    }

    /** Blocks (tiles) in the file. */
    public int blocks() {
        return index.lengths().length;
    }

    /** The {@link TiledBits#checksum} of block {@code i}'s samples. */
    public int checksum(int i) {
        return index.checksums()[i];
    }

    /** Bytes of the file read so far; after {@link #finish}, the whole file's. */
    public long bytesRead() {
        return position;
    }

    /** The next block's coded bytes. */
    public byte[] nextBlock() throws IOException, CorruptInputException {
        if (next == blocks()) {
            throw new IllegalStateException("all " + blocks() + " blocks are read");
        }
        byte[] b = readFully(index.lengths()[next], "block " + next);
        next++;
        bitsCrc.update(b);
        return b;
    }

    /** After the last block: the bits section's CRC32C, the end section, and nothing after it. */
    public void finish() throws IOException, CorruptInputException {
        if (next != blocks()) {
            throw new IllegalStateException(next + " of " + blocks() + " blocks are read");
        }
        verify(bitsCrc.getValue() == u32(readFully(4, "bits section"), 0), (int) Math.min(bitsAt, Integer.MAX_VALUE),
                "CRC32C mismatch in section 'B'");
        long endAt = position;
        byte[] end = readFully(InrFormat.SECTION_OVERHEAD, "end section");
        CRC32C crc = new CRC32C();
        crc.update(end, 0, 5);
        verify(end[0] == InrFormat.TAG_END && u32(end, 1) == 0 && crc.getValue() == u32(end, 5),
                (int) Math.min(endAt, Integer.MAX_VALUE), "expected an empty end section");
        verify(in.read() < 0, (int) Math.min(position, Integer.MAX_VALUE), "bytes after the end section");
    }

    /** Up to {@code n} bytes; kept for {@link #wholeFile()} while the reader has not decided to stream. */
    private byte[] read(int n, boolean stream) throws IOException {
        byte[] b = in.readNBytes(n);
        position += b.length;
        if (!stream) {
            prefix.write(b);
        }
        return b;
    }

    /** Exactly {@code n} bytes of {@code what}; fewer is a truncated file. */
    private byte[] readFully(int n, String what) throws IOException, CorruptInputException {
        long at = position;
        byte[] b = read(n, true);
        verify(b.length == n, (int) Math.min(at + b.length, Integer.MAX_VALUE), "truncated file: " + what
                + " needs " + n + " bytes, the file ends after " + b.length);
        return b;
    }

    private static long u32(byte[] b, int at) {
        return (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8 | (b[at + 2] & 0xFFL) << 16 | (b[at + 3] & 0xFFL) << 24;
    }
}
