package io.inrkit.codec.internal.format;

import java.io.ByteArrayOutputStream;

/** Little-endian writes into a growing byte array. */
final class ByteWriter {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    ByteWriter u8(int v) {
        out.write(v);
        return this;
    }

    ByteWriter u16(int v) {
        out.write(v);
        out.write(v >>> 8);
        return this;
    }

    ByteWriter u32(long v) {
        for (int i = 0; i < 4; i++) {
            out.write((int) (v >>> (8 * i)));
        }
        return this;
    }

    ByteWriter f32(float v) {
        return u32(Float.floatToRawIntBits(v) & 0xFFFFFFFFL);
    }

    ByteWriter f64(double v) {
        long bits = Double.doubleToRawLongBits(v);
        return u32(bits & 0xFFFFFFFFL).u32(bits >>> 32);
    }

    ByteWriter bytes(byte[] b) {
        out.write(b, 0, b.length);
        return this;
    }

    int size() {
        return out.size();
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }
}
