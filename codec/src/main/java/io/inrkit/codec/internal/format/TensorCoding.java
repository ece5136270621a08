package io.inrkit.codec.internal.format;

import io.inrkit.codec.internal.cm.AdaptiveTable;
import io.inrkit.codec.internal.cm.ArithmeticDecoder;
import io.inrkit.codec.internal.cm.ArithmeticEncoder;
import io.inrkit.codec.internal.cm.BinaryCoder;
import io.inrkit.codec.internal.quant.QuantizedTensor;
import io.inrkit.codec.internal.quant.TensorFormat;
import io.inrkit.core.CorruptInputException;
import io.inrkit.core.UnsupportedFormatException;

/**
 * A tensor on disk: {@code u8 format id}, the format's {@code f32} scales (per column, one, or none), {@code u32} length
 * of the coded values, the coded values. Values are arithmetic-coded bit by bit, most significant
 * first, each bit's context the bits above it in its byte (a binary tree per byte position; the
 * low byte of 16-bit values also sees the high byte's top four bits), so common values cost little.
 */
final class TensorCoding {

    private TensorCoding() {
    }

    static void write(ByteWriter w, QuantizedTensor t) {
        w.u8(t.format().id());
        for (float s : t.scales()) {
            w.f32(s);
        }
        ArithmeticEncoder enc = new ArithmeticEncoder(t.codes().length);
        code(enc, t.format(), t.codes());
        byte[] coded = enc.finish();
        w.u32(coded.length).bytes(coded);
    }

    /**
     * Reads a {@code rows x cols} tensor. Corrupt values name the byte where their part of the
     * tensor starts: a scale its own, a code the coded values' first byte (arithmetic coding has no
     * byte of its own for one value), a non-finite weight the tensor's first byte.
     */
    static QuantizedTensor read(ByteReader r, int rows, int cols, String what) throws CorruptInputException,
            UnsupportedFormatException {
        int tensorAt = r.position();
        int id = r.u8();
        TensorFormat format = TensorFormat.byId(id);
        if (format == null) {
            throw new UnsupportedFormatException(what + ": unknown tensor format id " + id);
        }
        float[] scales = new float[format.scaleCount(cols)];
        for (int j = 0; j < scales.length; j++) {
            int scaleAt = r.position();
            scales[j] = r.f32();
            if (!format.validScale(j, cols, scales[j])) {
                throw ByteReader.corrupt(scaleAt, what + ": scale " + j + " out of range (" + scales[j] + ")");
            }
        }
        int length = r.u32Max(r.remaining(), "coded length");
        int at = r.skip(length);
        int[] codes = new int[rows * cols];
        try {
            ArithmeticDecoder decoder = new ArithmeticDecoder(r.data(), at, length);
            code(decoder, format, codes);
            ByteReader.verify(decoder.remaining() == 0, at, what + ": " + decoder.remaining()
                    + " coded bytes are left after the last weight");
        } catch (ArithmeticDecoder.Overrun e) {
            throw ByteReader.corrupt(at, what + ": truncated or corrupt coded weights (" + length + " bytes)");
        }
        for (int code : codes) {
            if (!format.validCode(code)) {
                throw ByteReader.corrupt(at, what + ": code " + code + " is not a " + format.cliName() + " value");
            }
        }
        ByteReader.verify(format != TensorFormat.PTQ161 || io.inrkit.codec.internal.quant.Ptq161.structured(codes, rows, cols), at,
                what + ": a row mixes 4-bit and binary weights");
        QuantizedTensor t = new QuantizedTensor(format, rows, cols, codes, scales);
        for (float v : t.dequantize()) {
            if (!Float.isFinite(v)) {
                throw ByteReader.corrupt(tensorAt, what + ": non-finite weight");
            }
        }
        return t;
    }

    /** Codes (or decodes into) {@code values} with adaptive bit-tree contexts. */
    private static void code(BinaryCoder coder, TensorFormat format, int[] values) {
        int bits = format.bits();
        if (bits == 32) {
            AdaptiveTable[] perByte = new AdaptiveTable[4];
            for (int k = 0; k < 4; k++) {
                perByte[k] = new AdaptiveTable(256, 60);
            }
            for (int i = 0; i < values.length; i++) {
                int v = 0;
                for (int k = 3; k >= 0; k--) {
                    v |= codeByte(coder, perByte[k], 0, (values[i] >>> (8 * k)) & 0xFF) << (8 * k);
                }
                values[i] = v;
            }
            return;
        }
        if (bits == 16) {
            AdaptiveTable high = new AdaptiveTable(256, 60);
            AdaptiveTable low = new AdaptiveTable(16 * 256, 60);
            for (int i = 0; i < values.length; i++) {
                int h = codeByte(coder, high, 0, (values[i] >>> 8) & 0xFF);
                int l = codeByte(coder, low, (h >>> 4) << 8, values[i] & 0xFF);
                values[i] = h << 8 | l;
            }
            return;
        }
        boolean signed = format.signedCodes();
        AdaptiveTable table = new AdaptiveTable(256, 60);
        for (int i = 0; i < values.length; i++) {
            int b = codeByte(coder, table, 0, values[i] & 0xFF);
            values[i] = signed ? (byte) b : b; // integers and ternary: two's complement bytes
        }
    }

    private static int codeByte(BinaryCoder coder, AdaptiveTable table, int base, int value) {
        int node = 1;
        for (int b = 7; b >= 0; b--) {
            int bit = coder.code((value >>> b) & 1, table.p(base + node));
            table.update(base + node, bit);
            node = node << 1 | bit;
        }
        return node & 0xFF;
    }
}
