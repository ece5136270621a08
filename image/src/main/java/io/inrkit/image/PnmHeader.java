package io.inrkit.image;

import io.inrkit.core.CorruptInputException;

/**
 * The maxval of a PNM file (Netpbm: P1..P6, and P7 PAM's MAXVAL line). TwelveMonkeys' PNM reader
 * rescales samples to 8 or 16 bits; INRKit needs the maxval to give back the file's own values.
 */
final class PnmHeader {

    private PnmHeader() {
    }

    static boolean hasSignature(byte[] data) {
        return data.length >= 2 && data[0] == 'P' && data[1] >= '1' && data[1] <= '7';
    }

    /** The file's maxval: 1 for bitmaps (P1, P4), else the header's value. */
    static int maxval(byte[] data) throws CorruptInputException {
        char kind = (char) data[1];
        if (kind == '1' || kind == '4') {
            return 1;
        }
        if (kind == '7') {
            return pamMaxval(data);
        }
        // P2, P3, P5, P6: magic, width, height, maxval as whitespace-separated tokens, '#' comments.
        int[] pos = {2};
        for (int field = 0; field < 2; field++) {
            nextToken(data, pos);
        }
        return parseMaxval(nextToken(data, pos));
    }

    private static int pamMaxval(byte[] data) throws CorruptInputException {
        int[] pos = {2};
        while (true) {
            String token = nextToken(data, pos);
            if (token.equals("ENDHDR")) {
                throw new CorruptInputException("corrupt PAM: no MAXVAL before ENDHDR");
            }
            if (token.equals("MAXVAL")) {
                return parseMaxval(nextToken(data, pos));
            }
        }
    }

    private static int parseMaxval(String token) throws CorruptInputException {
        try {
            int v = Integer.parseInt(token);
            if (v >= 1 && v <= 65535) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new CorruptInputException("corrupt PNM: maxval '" + token + "' is not 1..65535");
    }

    private static String nextToken(byte[] data, int[] pos) throws CorruptInputException {
        int p = pos[0];
        while (p < data.length) {
            if (data[p] == '#') {
                while (p < data.length && data[p] != '\n' && data[p] != '\r') {
                    p++;
                }
            } else if (Character.isWhitespace(data[p])) {
                p++;
            } else {
                break;
            }
        }
        int start = p;
        while (p < data.length && !Character.isWhitespace(data[p]) && data[p] != '#' && p - start < 16) {
            p++;
        }
        if (start == p) {
            throw new CorruptInputException("truncated PNM header");
        }
        pos[0] = p;
        return new String(data, start, p - start, java.nio.charset.StandardCharsets.US_ASCII);
    }
}
