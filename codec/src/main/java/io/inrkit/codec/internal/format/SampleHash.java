package io.inrkit.codec.internal.format;

import io.inrkit.core.Signal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.function.ObjIntConsumer;

/**
 * SHA-256 of a signal's samples as stored in every .inr file and checked after every decode:
 * the samples in interleaved order, each as a 32-bit little-endian two's complement integer.
 */
public final class SampleHash {

    private SampleHash() {
    }

    public static byte[] of(Signal s) {
        Running h = new Running();
        h.update(s);
        return h.digest();
    }

    /**
     * The SHA-256 of a signal that arrives in parts (audio blocks, in order): the parts' samples
     * hashed one after another are the whole signal's, so {@link #digest()} equals {@link #of}
     * of the whole.
     */
    public static final class Running {
        private final MessageDigest md;

        public Running() {
            try {
                md = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JVM has SHA-256", e);
            }
        }

        /** Hashes {@code part}'s samples after those already given. */
        public void update(Signal part) {
            feed(part, (buf, length) -> md.update(buf, 0, length));
        }

        public byte[] digest() {
            return md.digest();
        }
    }

    /**
     * Hands {@code sink} the samples of {@code s} in interleaved order, each as a 32-bit
     * little-endian two's complement integer, a buffer ({@code length} bytes of it) at a time: the
     * bytes the SHA-256 and the tiles' CRC32C are computed over.
     */
    static void feed(Signal s, ObjIntConsumer<byte[]> sink) {
        byte[] buf = new byte[4 * 4096];
        int n = s.sampleCount();
        for (int i = 0; i < n; ) {
            int k = 0;
            for (; k < buf.length && i < n; k += 4, i++) {
                int v = s.sample(i);
                buf[k] = (byte) v;
                buf[k + 1] = (byte) (v >>> 8);
                buf[k + 2] = (byte) (v >>> 16);
                buf[k + 3] = (byte) (v >>> 24);
            }
            sink.accept(buf, k);
        }
    }
}
