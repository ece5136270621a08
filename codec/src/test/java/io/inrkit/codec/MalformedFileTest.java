package io.inrkit.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inrkit.codec.internal.format.InrContainer;
import io.inrkit.core.BadInputException;
import io.inrkit.core.CorruptInputException;
import io.inrkit.core.Signal;
import io.inrkit.core.UnsupportedFormatException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Untrusted input: every malformed file ends in one {@link BadInputException} (or decodes to the
 * original when a mutation happens to be harmless), never another exception, an OutOfMemoryError,
 * a hang, or wrong samples.
 */
class MalformedFileTest {

    static Signal source;
    static byte[] plain;   // context-only file
    static byte[] withNet; // file with a model section
    static byte[] withTernary; // file with a ternary BitLinear model section (formulation 2)

    @BeforeAll
    static void files() throws Exception {
        source = CodecFixtures.image("kodim23-16x16.ppm");
        plain = SampleFiles.contextOnly(source);
        withNet = SampleFiles.withNetwork(source);
        assertEquals(source, Decoder.decode(withNet, 1));
        withTernary = SampleFiles.withTernaryNetwork(source);
        assertEquals(source, Decoder.decode(withTernary, 1));
    }

    @Test
    void namedDefects() {
        assertThrows(CorruptInputException.class, () -> Decoder.decode(new byte[0], 1));
        assertThrows(UnsupportedFormatException.class, () -> Decoder.decode("not an inr file".getBytes(), 1));
        byte[] v = plain.clone();
        v[4] = 9;
        assertMessage(UnsupportedFormatException.class, "version 9", v);
        assertMessage(CorruptInputException.class, "truncated", Arrays.copyOf(plain, plain.length - 7));
        assertMessage(CorruptInputException.class, "after the end section", Arrays.copyOf(plain, plain.length + 3));
        byte[] flipped = plain.clone();
        flipped[plain.length / 2] ^= 0x40;
        assertMessage(CorruptInputException.class, "CRC32C mismatch", flipped);
    }

    /** Huge declared sizes with valid CRCs: refused before any allocation of that size. */
    @Test
    void hugeDeclaredSizesAreRefused() {
        // signal section payload starts at 8 + 5: kind, channels(2), bits, signed, width(4), height(4)
        byte[] huge = plain.clone();
        ByteBuffer b = ByteBuffer.wrap(huge).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(13 + 5, 1_000_000).putInt(13 + 9, 1_000_000);
        refreshCrc(huge, 8);
        BadInputException e = assertThrows(BadInputException.class, () -> Decoder.decode(huge, 1));
        assertTrue(e.getMessage().contains("too large") || e.getMessage().contains("MiB"), e.getMessage());

        byte[] wide = withNet.clone(); // first model layer: 2 inputs -> 8 units; claim 8000 units
        int model = 8 + 9 + io.inrkit.codec.internal.format.InrFormat.SIGNAL_PAYLOAD_BYTES + 5;
        ByteBuffer.wrap(wide).order(ByteOrder.LITTLE_ENDIAN).putShort(model + 10 + 2, (short) 8000);
        refreshCrc(wide, model - 5);
        assertThrows(CorruptInputException.class, () -> Decoder.decode(wide, 1));
    }

    /**
     * A well-formed, CRC-checked header declaring a 4224x3168 RGB photo over 17 random bytes of
     * coded bits (fixtures/bad/make-garbage-bits.py): refused when the arithmetic decoder needs
     * its 18th byte, not after decoding 40 million samples of zeros for the SHA-256 to reject.
     */
    @Test
    void codedBitsThatEndEarlyAreRefusedAtOnce() throws Exception {
        byte[] garbage = java.nio.file.Files.readAllBytes(CodecFixtures.path("bad/garbage-bits-4224x3168.inr"));
        assertEquals("image 4224x3168", InrFileInfo.read(garbage).spec().describe().substring(0, 15));
        CorruptInputException e = assertThrows(CorruptInputException.class, () -> Decoder.decode(garbage, 1));
        assertTrue(e.getMessage().contains("truncated or corrupt coded bits: its 17 bytes end before the last bit"),
                e.getMessage());
        // and a valid file's stream cut by one byte, or lengthened by one, is refused the same way
        InrContainer container = InrContainer.parse(plain);
        byte[] bits = container.bits().streams().get(0);
        assertThrows(CorruptInputException.class, () -> io.inrkit.codec.internal.model.SampleCodec.decode(
                source.spec(), Arrays.copyOf(bits, bits.length - 1), null, container.mode(), null));
        CorruptInputException longer = assertThrows(CorruptInputException.class,
                () -> io.inrkit.codec.internal.model.SampleCodec.decode(source.spec(),
                        Arrays.copyOf(bits, bits.length + 1), null, container.mode(), null));
        assertTrue(longer.getMessage().contains("1 byte is left after the last sample"), longer.getMessage());
    }

    @Test
    void unknownTensorFormatIsUnsupported() {
        byte[] f = withNet.clone();
        int model = 8 + 9 + io.inrkit.codec.internal.format.InrFormat.SIGNAL_PAYLOAD_BYTES + 5;
        f[model + 10 + 8] = 77; // the first weight tensor's format id
        refreshCrc(f, model - 5);
        assertMessage(UnsupportedFormatException.class, "unknown tensor format id 77", f);
    }

    static void refreshCrc(byte[] f, int sectionStart) {
        int length = ByteBuffer.wrap(f).order(ByteOrder.LITTLE_ENDIAN).getInt(sectionStart + 1);
        CRC32C crc = new CRC32C();
        crc.update(f, sectionStart, 5 + length);
        ByteBuffer.wrap(f).order(ByteOrder.LITTLE_ENDIAN).putInt(sectionStart + 5 + length, (int) crc.getValue());
    }

    private static final Pattern AT_BYTE = Pattern.compile("at byte \\d+");

    private static void assertMessage(Class<? extends BadInputException> type, String text, byte[] file) {
        BadInputException e = assertThrows(type, () -> Decoder.decode(file, 1));
        assertTrue(e.getMessage().contains(text), e.getMessage());
        if (e instanceof CorruptInputException) {
            assertTrue(AT_BYTE.matcher(e.getMessage()).find(), e.getMessage());
        }
    }
}
