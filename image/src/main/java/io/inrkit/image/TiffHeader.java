package io.inrkit.image;

import io.inrkit.core.CorruptInputException;
import io.inrkit.core.UnsupportedFormatException;

/**
 * Just enough of a TIFF's first image file directory (TIFF 6.0, and BigTIFF) to refuse what
 * TwelveMonkeys' TIFF reader would allocate without bound before it reads a pixel: it sizes an
 * array by the SamplesPerPixel tag alone, so a few bytes declaring 2^31 samples end in an
 * OutOfMemoryError (found by fuzzing, docs/RELIABILITY.md). INRKit reads at most 4 samples a
 * pixel; the check runs before the reader.
 */
final class TiffHeader {

    private static final int TAG_SAMPLES_PER_PIXEL = 277;
    /** Gray, gray + alpha, RGB, RGBA; CMYK (4) is refused later by colour space, with its name. */
    static final int MAX_SAMPLES_PER_PIXEL = 4;

    private TiffHeader() {
    }

    /** "II*\0" or "MM\0*" (TIFF), "II+\0" or "MM\0+" (BigTIFF). */
    static boolean hasSignature(byte[] d) {
        if (d.length < 4) {
            return false;
        }
        boolean little = d[0] == 'I' && d[1] == 'I';
        boolean big = d[0] == 'M' && d[1] == 'M';
        return (little || big) && (u16(d, 2, little) == 42 || u16(d, 2, little) == 43);
    }

    /** Refuses a first directory whose SamplesPerPixel is over {@link #MAX_SAMPLES_PER_PIXEL}. */
    static void checkSamplesPerPixel(byte[] d) throws CorruptInputException, UnsupportedFormatException {
        boolean little = d[0] == 'I';
        boolean bigTiff = u16(d, 2, little) == 43;
        int headerBytes = bigTiff ? 16 : 8;
        require(d.length >= headerBytes, "truncated TIFF header");
        long ifd = bigTiff ? u64(d, 8, little) : u32(d, 4, little);
        int countBytes = bigTiff ? 8 : 2;
        int entryBytes = bigTiff ? 20 : 12;
        // ifd may be as large as Long.MAX_VALUE: compare without adding to it
        require(ifd >= headerBytes && ifd <= d.length - countBytes, "TIFF directory offset " + ifd
                + " outside the file (" + d.length + " bytes)");
        int at = (int) ifd;
        long entries = bigTiff ? u64(d, at, little) : u16(d, at, little);
        require(entries <= (d.length - at - countBytes) / entryBytes, "TIFF directory of " + entries
                + " entries runs past the end of the file");
        for (int e = 0; e < entries; e++) {
            int entry = at + countBytes + e * entryBytes;
            if (u16(d, entry, little) != TAG_SAMPLES_PER_PIXEL) {
                continue;
            }
            int type = u16(d, entry + 2, little);
            long count = bigTiff ? u64(d, entry + 4, little) : u32(d, entry + 4, little);
            int value = entry + (bigTiff ? 12 : 8);
            // Writers store it as one SHORT; the TIFF reader takes any numeric type, a DOUBLE
            // of 1e300 included, so anything else is refused rather than interpreted.
            long samples = count != 1 ? -1 : switch (type) {
                case 1 -> d[value] & 0xFF; // BYTE
                case 3 -> u16(d, value, little); // SHORT
                case 4 -> u32(d, value, little); // LONG
                default -> -1;
            };
            if (samples < 0) {
                throw new UnsupportedFormatException("TIFF SamplesPerPixel stored as " + count + " value(s) of type "
                        + type + " is not supported (one BYTE, SHORT or LONG)");
            }
            if (samples > MAX_SAMPLES_PER_PIXEL) {
                throw new UnsupportedFormatException("TIFF with " + samples + " samples per pixel is not supported "
                        + "(at most " + MAX_SAMPLES_PER_PIXEL + ": gray, gray + alpha, RGB, RGBA)");
            }
            return;
        }
    }

    private static void require(boolean condition, String message) throws CorruptInputException {
        if (!condition) {
            throw new CorruptInputException("corrupt TIFF: " + message);
        }
    }

    private static int u16(byte[] d, int at, boolean little) {
        int a = d[at] & 0xFF;
        int b = d[at + 1] & 0xFF;
        return little ? a | b << 8 : a << 8 | b;
    }

    private static long u32(byte[] d, int at, boolean little) {
        long lo = u16(d, at + (little ? 0 : 2), little);
        long hi = u16(d, at + (little ? 2 : 0), little);
        return hi << 16 | lo;
    }

    /** An unsigned 64-bit value, as far as a file can use it: at most Long.MAX_VALUE. */
    private static long u64(byte[] d, int at, boolean little) {
        long lo = u32(d, at + (little ? 0 : 4), little);
        long hi = u32(d, at + (little ? 4 : 0), little);
        return hi >= 1L << 31 ? Long.MAX_VALUE : hi << 32 | lo;
    }
}
