package io.inrkit.image;

import io.inrkit.core.CorruptInputException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Checks a PNG file's chunk structure before it is decoded (PNG spec, section 5): the 8-byte
 * signature, then chunks of {@code length (4, big-endian) | type (4) | data | CRC-32 of type and
 * data (4)}, starting with IHDR and ending with IEND. The JDK decoder does not verify chunk CRCs
 * and can return a partly decoded image from a truncated file; a lossless codec must refuse both.
 */
final class PngChunks {

    static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final int CHUNK_OVERHEAD = 12; // length, type, CRC
    private static final int IHDR_LENGTH = 13;

    private PngChunks() {
    }

    static boolean hasSignature(byte[] data) {
        if (data.length < SIGNATURE.length) {
            return false;
        }
        for (int i = 0; i < SIGNATURE.length; i++) {
            if (data[i] != SIGNATURE[i]) {
                return false;
            }
        }
        return true;
    }

    /** Throws {@link CorruptInputException} naming the first defect found. */
    static void validate(byte[] data) throws CorruptInputException {
        int pos = SIGNATURE.length;
        boolean first = true;
        CRC32 crc = new CRC32();
        while (true) {
            if (data.length - pos < CHUNK_OVERHEAD) {
                throw new CorruptInputException("truncated PNG: file ends at byte " + data.length
                        + " before the IEND chunk");
            }
            long length = readInt(data, pos) & 0xFFFFFFFFL;
            String type = new String(data, pos + 4, 4, StandardCharsets.ISO_8859_1);
            if (!isChunkType(data, pos + 4)) {
                throw new CorruptInputException("corrupt PNG: invalid chunk type at byte " + (pos + 4));
            }
            if (length > Integer.MAX_VALUE || length > data.length - pos - CHUNK_OVERHEAD) {
                throw new CorruptInputException("truncated PNG: chunk " + type + " at byte " + pos
                        + " declares " + length + " bytes, " + Math.max(0, data.length - pos - CHUNK_OVERHEAD)
                        + " remain");
            }
            if (first && (!type.equals("IHDR") || length != IHDR_LENGTH)) {
                throw new CorruptInputException("corrupt PNG: first chunk is " + type + " (" + length
                        + " bytes), not a 13-byte IHDR");
            }
            crc.reset();
            crc.update(data, pos + 4, 4 + (int) length);
            int stored = readInt(data, pos + 8 + (int) length);
            if ((int) crc.getValue() != stored) {
                throw new CorruptInputException("corrupt PNG: CRC mismatch in chunk " + type + " at byte " + pos);
            }
            if (type.equals("IEND")) {
                return;
            }
            first = false;
            pos += CHUNK_OVERHEAD + (int) length;
        }
    }

    private static boolean isChunkType(byte[] data, int at) {
        for (int i = 0; i < 4; i++) {
            int c = data[at + i];
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')) {
                return false;
            }
        }
        return true;
    }

    private static int readInt(byte[] data, int at) {
        return (data[at] & 0xFF) << 24 | (data[at + 1] & 0xFF) << 16 | (data[at + 2] & 0xFF) << 8 | data[at + 3] & 0xFF;
    }
}
