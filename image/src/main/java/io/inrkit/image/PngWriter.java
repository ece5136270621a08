package io.inrkit.image;

import io.inrkit.core.Signal;
import io.inrkit.core.SignalSpec;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Writes a signal as a PNG stream (PNG spec, sections 5-11): IHDR; sBIT when the signal's depth
 * is not the container's (1, 2, 4, 8 or 16 bits); the rows, each Paeth-filtered, deflated into
 * IDAT chunks; IEND. Rows are built from the signal one at a time,
 * so the writer holds two rows whatever the image's size.
 *
 * <p>Written by hand rather than through ImageIO's PNG writer because that writer needs the
 * samples copied into an AWT raster first and ImageIO's plugin registry loaded: on a Kodak image
 * (768x512 RGB) in a fresh JVM, as {@code inrkit decode} runs it, the two cost about 0.13 s, more
 * than the whole of a {@code djxl} decode of the same image.
 */
final class PngWriter {

    /** Bytes of compressed data per IDAT chunk. */
    private static final int IDAT_SIZE = 1 << 16;
    /**
     * zlib's level 4: on a Kodak image the file is 585 KB in 63 ms in a fresh JVM; level 6 gives
     * 561 KB in 124 ms, level 1 608 KB in 70 ms (the JDK's writer, 583 KB).
     */
    private static final int LEVEL = 4;

    private PngWriter() {
    }

    /**
     * Writes {@code signal} (an unsigned image of 1-4 channels) with samples of {@code container}
     * bits: 1, 2 or 4 for gray of exactly that depth, else 8 or 16, values widened by
     * {@link SignificantBits} where the signal has fewer bits.
     */
    static void write(Signal signal, int container, OutputStream out) throws IOException {
        SignalSpec spec = signal.spec();
        int w = spec.width();
        int h = spec.height();
        int c = spec.channels();
        int bits = spec.bitDepth();
        out.write(PngChunks.SIGNATURE);
        byte[] ihdr = new byte[13];
        putInt(ihdr, 0, w);
        putInt(ihdr, 4, h);
        ihdr[8] = (byte) container;
        ihdr[9] = (byte) colourType(c);
        chunk(out, "IHDR", ihdr, ihdr.length);
        if (bits != container) {
            byte[] sbit = new byte[c];
            java.util.Arrays.fill(sbit, (byte) bits);
            chunk(out, "sBIT", sbit, c);
        }
        int rowBytes = (int) (((long) w * c * container + 7) / 8);
        int bpp = Math.max(1, c * container / 8);
        byte[] prev = new byte[rowBytes];
        byte[] row = new byte[rowBytes];
        byte[] filtered = new byte[rowBytes + 1];
        Deflater deflater = new Deflater(LEVEL);
        try (DeflaterOutputStream z = new DeflaterOutputStream(new IdatStream(out), deflater, IDAT_SIZE)) {
            for (int y = 0; y < h; y++) {
                fillRow(signal, y, w * c, bits, container, row);
                filter(row, prev, bpp, filtered);
                z.write(filtered, 0, filtered.length);
                byte[] t = prev;
                prev = row;
                row = t;
            }
        } finally {
            deflater.end();
        }
        chunk(out, "IEND", new byte[0], 0);
        out.flush();
    }

    private static int colourType(int channels) {
        return switch (channels) {
            case 1 -> 0; // gray
            case 2 -> 4; // gray and alpha
            case 3 -> 2; // RGB
            case 4 -> 6; // RGB and alpha
            default -> throw new IllegalArgumentException("PNG holds 1-4 channels, not " + channels);
        };
    }

    /** Row {@code y}'s {@code n} samples as PNG stores them: packed MSB first, or big-endian bytes. */
    private static void fillRow(Signal s, int y, int n, int bits, int container, byte[] row) {
        int from = y * n;
        if (container < 8) {
            java.util.Arrays.fill(row, (byte) 0);
            int perByte = 8 / container;
            for (int i = 0; i < n; i++) {
                int shift = 8 - container * (i % perByte + 1);
                row[i / perByte] |= (byte) (s.sample(from + i) << shift);
            }
        } else if (container == 8) {
            for (int i = 0; i < n; i++) {
                int v = s.sample(from + i);
                row[i] = (byte) (bits == 8 ? v : SignificantBits.widen(v, bits, 8));
            }
        } else {
            for (int i = 0; i < n; i++) {
                int v = s.sample(from + i);
                v = bits == 16 ? v : SignificantBits.widen(v, bits, 16);
                row[2 * i] = (byte) (v >>> 8);
                row[2 * i + 1] = (byte) v;
            }
        }
    }

    /**
     * {@code out} = filter type 4 and {@code row} filtered by Paeth's predictor against the row
     * above ({@code prev}, zeros for the first). One filter for every row: choosing per row the
     * filter of smallest absolute sum (the spec's heuristic, section 12.8) made a Kodak PNG 2%
     * smaller and its writing 1.7 times as slow in a fresh JVM (63 ms to 108).
     */
    private static void filter(byte[] row, byte[] prev, int bpp, byte[] out) {
        out[0] = 4;
        for (int i = 0; i < bpp; i++) { // no left neighbour: the predictor is the byte above
            out[i + 1] = (byte) (row[i] - prev[i]);
        }
        for (int i = bpp; i < row.length; i++) {
            out[i + 1] = (byte) (row[i] - paeth(row[i - bpp] & 0xFF, prev[i] & 0xFF, prev[i - bpp] & 0xFF));
        }
    }

    /** The PNG spec's Paeth predictor (section 9.4). */
    private static int paeth(int a, int b, int c) {
        int p = a + b - c;
        int pa = Math.abs(p - a);
        int pb = Math.abs(p - b);
        int pc = Math.abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static void chunk(OutputStream out, String type, byte[] data, int length) throws IOException {
        byte[] head = new byte[8];
        putInt(head, 0, length);
        byte[] t = type.getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(t, 0, head, 4, 4);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data, 0, length);
        byte[] tail = new byte[4];
        putInt(tail, 0, (int) crc.getValue());
        out.write(head);
        out.write(data, 0, length);
        out.write(tail);
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }

    /** The deflated stream, cut into IDAT chunks of {@link #IDAT_SIZE} bytes (the last shorter). */
    private static final class IdatStream extends OutputStream {
        private final OutputStream out;
        private final byte[] buffer = new byte[IDAT_SIZE];
        private int filled;

        IdatStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                int n = Math.min(len, IDAT_SIZE - filled);
                System.arraycopy(b, off, buffer, filled, n);
                filled += n;
                off += n;
                len -= n;
                if (filled == IDAT_SIZE) {
                    chunk(out, "IDAT", buffer, filled);
                    filled = 0;
                }
            }
        }

        /** Writes the last chunk; the caller's stream stays open. */
        @Override
        public void close() throws IOException {
            if (filled > 0) {
                chunk(out, "IDAT", buffer, filled);
                filled = 0;
            }
        }
    }
}
