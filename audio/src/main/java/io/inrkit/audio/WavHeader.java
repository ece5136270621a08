package io.inrkit.audio;

import java.nio.charset.StandardCharsets;

/**
 * Just enough of RIFF/WAVE (and the AIFF / AU magic) to say what a file is when
 * javax.sound.sampled refuses it: its "Stream of unsupported format" names neither the container
 * nor the encoding, and users deserve both.
 */
final class WavHeader {

    private static final int FORMAT_TAG_EXTENSIBLE = 0xFFFE;

    private WavHeader() {
    }

    /** A one-line description of why an unreadable audio file is unsupported, or null if unknown. */
    static String describeUnsupported(byte[] d) {
        if (startsWith(d, 0, "FORM") && (startsWith(d, 8, "AIFC") || startsWith(d, 8, "AIFF"))) {
            return "unsupported AIFF variant (compressed AIFF-C or a malformed header); INRKit reads integer PCM";
        }
        if (startsWith(d, 0, ".snd")) {
            return "unsupported AU encoding; INRKit reads integer PCM";
        }
        if (!startsWith(d, 0, "RIFF") || !startsWith(d, 8, "WAVE")) {
            return null;
        }
        int pos = 12;
        while (pos + 8 <= d.length) {
            long size = le32(d, pos + 4);
            if (startsWith(d, pos, "fmt ") && size >= 16 && pos + 8 + 16 <= d.length) {
                int tag = le16(d, pos + 8);
                int channels = le16(d, pos + 10);
                int bits = le16(d, pos + 22);
                if (tag == FORMAT_TAG_EXTENSIBLE && size >= 40 && pos + 8 + 26 <= d.length) {
                    tag = le16(d, pos + 8 + 24); // first two bytes of the SubFormat GUID
                }
                if (channels == 0) {
                    return "corrupt WAV: the fmt chunk declares 0 channels";
                }
                return "unsupported WAV encoding " + formatName(tag) + String.format(" (format tag 0x%04X, %d-bit)", tag, bits)
                        + "; INRKit reads integer PCM";
            }
            // In long arithmetic: a chunk size near 2^32 must end the walk, not wrap pos around
            // to a negative offset (found by fuzzing, docs/RELIABILITY.md).
            long next = pos + 8L + size + (size & 1);
            if (next > d.length) {
                break;
            }
            pos = (int) next;
        }
        return "corrupt WAV: no fmt chunk";
    }

    private static String formatName(int tag) {
        return switch (tag) {
            case 0x0001 -> "PCM";
            case 0x0002 -> "Microsoft ADPCM";
            case 0x0003 -> "IEEE float";
            case 0x0006 -> "A-law";
            case 0x0007 -> "mu-law";
            case 0x0011 -> "IMA ADPCM";
            case 0x0031 -> "GSM 6.10";
            case 0x0050 -> "MPEG";
            case 0x0055 -> "MP3";
            case 0x00FF -> "AAC";
            case 0xF1AC -> "FLAC";
            default -> "unknown";
        };
    }

    private static boolean startsWith(byte[] d, int at, String magic) {
        if (d.length < at + magic.length()) {
            return false;
        }
        return new String(d, at, magic.length(), StandardCharsets.ISO_8859_1).equals(magic);
    }

    private static int le16(byte[] d, int at) {
        return (d[at] & 0xFF) | (d[at + 1] & 0xFF) << 8;
    }

    private static long le32(byte[] d, int at) {
        return (le16(d, at) | (long) le16(d, at + 2) << 16) & 0xFFFFFFFFL;
    }
}
