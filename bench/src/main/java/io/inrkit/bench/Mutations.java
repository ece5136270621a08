package io.inrkit.bench;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.zip.CRC32C;

/**
 * Malformed variants of a valid .inr file for robustness testing (the codec's tests and
 * {@code inrkit bench fuzz}): bit flips, random byte runs, truncations, extensions, splices from
 * another file, huge values written into length fields, and swapped sections.
 */
public final class Mutations {

    private Mutations() {
    }

    public static byte[] mutate(byte[] file, SplittableRandom rnd, byte[] other) {
        byte[] m = file.clone();
        switch (rnd.nextInt(7)) {
            case 0 -> { // bit flips
                for (int k = 1 + rnd.nextInt(4); k > 0; k--) {
                    int at = rnd.nextInt(m.length);
                    m[at] ^= (byte) (1 << rnd.nextInt(8));
                }
            }
            case 1 -> { // a run of random bytes
                int at = rnd.nextInt(m.length);
                for (int k = at; k < Math.min(m.length, at + 1 + rnd.nextInt(16)); k++) {
                    m[k] = (byte) rnd.nextInt(256);
                }
            }
            case 2 -> m = Arrays.copyOf(m, rnd.nextInt(m.length)); // truncation
            case 3 -> { // extension with garbage
                m = Arrays.copyOf(m, m.length + 1 + rnd.nextInt(64));
                for (int k = file.length; k < m.length; k++) {
                    m[k] = (byte) rnd.nextInt(256);
                }
            }
            case 4 -> { // splice: head of this file, tail of the other
                int cut = rnd.nextInt(m.length);
                int from = rnd.nextInt(other.length);
                byte[] s = Arrays.copyOf(m, cut + other.length - from);
                System.arraycopy(other, from, s, cut, other.length - from);
                m = s;
            }
            case 5 -> { // a huge or extreme value in a 32-bit field
                if (m.length >= 4) {
                    int at = rnd.nextInt(m.length - 3);
                    int[] extremes = {0, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, 1 << 30, 65535, 65536};
                    ByteBuffer.wrap(m).order(ByteOrder.LITTLE_ENDIAN).putInt(at, extremes[rnd.nextInt(extremes.length)]);
                }
            }
            default -> m = swapSections(m, rnd);
        }
        return m;
    }

    /** Swaps two whole sections (frames with their CRCs), so each is intact but out of place. */
    private static byte[] swapSections(byte[] f, SplittableRandom rnd) {
        int[] starts = sectionStarts(f);
        if (starts.length < 3) {
            return f;
        }
        int a = rnd.nextInt(starts.length - 1);
        int b = a + 1;
        int aEnd = starts[b];
        int bEnd = b + 1 < starts.length ? starts[b + 1] : f.length;
        byte[] out = f.clone();
        int bLen = bEnd - starts[b];
        System.arraycopy(f, starts[b], out, starts[a], bLen);
        System.arraycopy(f, starts[a], out, starts[a] + bLen, aEnd - starts[a]);
        return out;
    }

    /** Offsets of the sections a well-formed prefix of the file holds. */
    static int[] sectionStarts(byte[] f) {
        int[] starts = new int[0];
        int pos = 8;
        while (pos + 9 <= f.length) {
            long len = ByteBuffer.wrap(f).order(ByteOrder.LITTLE_ENDIAN).getInt(pos + 1) & 0xFFFFFFFFL;
            if (pos + 9 + len > f.length) {
                break;
            }
            starts = Arrays.copyOf(starts, starts.length + 1);
            starts[starts.length - 1] = pos;
            pos += 9 + (int) len;
        }
        return starts;
    }

    /** Recomputes every well-framed section's CRC32C, so the mutation reaches the parsers behind it. */
    public static void refreshAllCrcs(byte[] f) {
        for (int start : sectionStarts(f)) {
            int length = ByteBuffer.wrap(f).order(ByteOrder.LITTLE_ENDIAN).getInt(start + 1);
            CRC32C crc = new CRC32C();
            crc.update(f, start, 5 + length);
            ByteBuffer.wrap(f).order(ByteOrder.LITTLE_ENDIAN).putInt(start + 5 + length, (int) crc.getValue());
        }
    }
}
