package io.inrkit.codec.internal.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.inrkit.codec.CodecFixtures;
import io.inrkit.codec.EncodeOptions;
import io.inrkit.codec.Encoder;
import io.inrkit.codec.SampleFiles;
import io.inrkit.core.CorruptInputException;
import io.inrkit.core.Signal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The container's writer and reader together: real files read back equal and write back byte for
 * byte, and each corrupt field is refused with the byte where it sits.
 */
class ContainerReaderTest {

    // Offsets in every file: the header (8 bytes), the signal section's frame at 8 with its
    // payload at 13, and the first section after it at SPEC_BYTES (a model section's payload
    // 5 bytes later: start, count, formulation, then the layers or the ternary frequencies).
    private static final int SIGNAL = 13;
    private static final int MODEL = InrFormat.SPEC_BYTES;
    private static final int MODEL_PAYLOAD = MODEL + 5;
    private static final int FORMULATION = MODEL_PAYLOAD + 8;

    static byte[] context;
    static byte[] siren;
    static byte[] ternary;

    @BeforeAll
    static void files() {
        Signal source = CodecFixtures.image("kodim23-16x16.ppm");
        context = Encoder.encode(source, EncodeOptions.builder().preset(EncodeOptions.Preset.FAST).build(),
                Encoder.Listener.NONE).file();
        siren = SampleFiles.withNetwork(source);
        ternary = SampleFiles.withTernaryNetwork(source);
    }

    @Test
    void realFilesReadBackEqualAndWriteBackByteForByte() throws Exception {
        for (byte[] file : new byte[][] {context, siren, ternary}) {
            InrContainer c = InrContainer.parse(file);
            assertArrayEquals(file, c.toBytes());
            assertEquals(c, InrContainer.parse(c.toBytes()));
            assertEquals(c.spec(), InrContainer.readSpec(Arrays.copyOf(file, InrFormat.SPEC_BYTES)));
            assertEquals(file.length, c.sizes().total());
        }
        assertEquals(0, InrContainer.parse(context).models().size());
        assertEquals(1, InrContainer.parse(siren).models().size());
    }

    @Test
    void framesAndSignalFieldsAreRefusedAtTheirByte() throws Exception {
        assertCorrupt("empty file at byte 0", new byte[0]);
        assertCorrupt("truncated .inr header: needs 4 more bytes, has 2 at byte " + (MODEL + 1),
                Arrays.copyOf(context, MODEL + 3));
        assertCorrupt("3 bytes after the end section at byte " + context.length, Arrays.copyOf(context, context.length + 3));
        byte[] flipped = siren.clone();
        flipped[MODEL_PAYLOAD + 20] ^= 0x10;
        assertCorrupt("CRC32C mismatch in section 'M' at byte " + MODEL, flipped);
        assertCorrupt("signal section: kind 7, signed 0 at byte " + SIGNAL, patched(context, 8, SIGNAL, 7));
        assertCorrupt("expected the tiles section, found section 'X' at byte " + MODEL, patched(context, MODEL, MODEL, 'X'));
        // the 16x16 image is one tile: the tiles section's payload is its size and one entry
        int bits = MODEL + InrFormat.SECTION_OVERHEAD + InrFormat.TILES_HEADER_BYTES + InrFormat.TILE_ENTRY_BYTES;
        assertCorrupt("expected the bits section, found section 'X' at byte " + bits, patched(context, bits, bits, 'X'));
        assertCorrupt("coding mode 1 needs models, the file has none at byte " + (bits + 5),
                patched(context, bits, bits + 5, InrFormat.MODE_MIXED));
        assertCorrupt("coding mode 7 codes audio, the file holds an image at byte " + (bits + 5),
                patched(context, bits, bits + 5, InrFormat.MODE_WINDOW2));
        assertCorrupt("coding mode 8 codes audio, the file holds an image at byte " + (bits + 5),
                patched(context, bits, bits + 5, InrFormat.MODE_WINDOW2_LEAN));
        assertCorrupt("coding mode 6 codes audio, the file holds an image at byte " + (bits + 5),
                patched(context, bits, bits + 5, InrFormat.MODE_WINDOW));
        // and audio in the image window mode: the snare in 3 blocks, its tiles section 8 + 3 * 8 bytes
        byte[] audio = SampleFiles.contextOnly(CodecFixtures.snare(), new Tiling(100, 1), InrFormat.MODE_WINDOW);
        int audioBits = MODEL + InrFormat.SECTION_OVERHEAD + InrFormat.TILES_HEADER_BYTES + 3 * InrFormat.TILE_ENTRY_BYTES;
        assertEquals(InrFormat.MODE_WINDOW, InrContainer.parse(audio).mode());
        assertCorrupt("coding mode 9 codes images, the file holds audio at byte " + (audioBits + 5),
                patched(audio, audioBits, audioBits + 5, InrFormat.MODE_IMAGE_WINDOW));
        assertCorrupt("coding mode 10 codes images, the file holds audio at byte " + (audioBits + 5),
                patched(audio, audioBits, audioBits + 5, InrFormat.MODE_IMAGE_WINDOW2));
        assertCorrupt("coding mode 11 needs a context network, the file has none at byte " + (audioBits + 5),
                patched(audio, audioBits, audioBits + 5, InrFormat.MODE_IMAGE_WINDOW2_NET));
        assertCorrupt("coding mode 12 codes images, the file holds audio at byte " + (audioBits + 5),
                patched(audio, audioBits, audioBits + 5, InrFormat.MODE_IMAGE_WINDOW2_VALUES));
        assertCorrupt("coding mode 13 needs a context network, the file has none at byte " + (audioBits + 5),
                patched(audio, audioBits, audioBits + 5, InrFormat.MODE_IMAGE_WINDOW2_NET_VALUES));
        // and the value modes refuse images deeper than 8 bits: a 16-bit one tile, as the 8-bit file
        byte[] deep = SampleFiles.contextOnly(CodecFixtures.image("m51-16x16.pgm"), new Tiling(16, 16),
                InrFormat.MODE_IMAGE_WINDOW2);
        assertCorrupt("coding mode 12 codes images of at most 8 bits, the file's are 16 at byte " + (bits + 5),
                patched(deep, bits, bits + 5, InrFormat.MODE_IMAGE_WINDOW2_VALUES));
        CorruptInputException head = assertThrows(CorruptInputException.class,
                () -> InrContainer.readSpec(Arrays.copyOf(context, 20)));
        assertEquals("truncated .inr header: 20 bytes at byte 20", head.getMessage());
    }

    @Test
    void modelFieldsAreRefusedAtTheirByte() {
        int layers = FORMULATION + 1;
        int layer0 = layers + 1;
        assertCorrupt("section 'M': model length 256 exceeds 255 at byte " + (MODEL_PAYLOAD + 4),
                patched(siren, MODEL, MODEL_PAYLOAD, 1));
        byte[] gap = patched(siren, MODEL, MODEL_PAYLOAD, 1);
        ByteBuffer.wrap(gap).order(ByteOrder.LITTLE_ENDIAN).putInt(MODEL_PAYLOAD + 4, 255);
        refreshCrc(gap, MODEL);
        assertCorrupt("models leave a gap or overlap at position 0 at byte " + MODEL_PAYLOAD, gap);
        assertCorrupt("model has 1 layers (2..64) at byte " + layers, patched(siren, MODEL, layers, 1));
        assertCorrupt("model 0 layer 0: 3 -> 8 units (expected 2 inputs) at byte " + layer0,
                patched(siren, MODEL, layer0, 3));
        assertCorrupt("model 0 layer 0: omega 0.0 at byte " + (layer0 + 4), patchedFloat(siren, layer0 + 4, 0f));
        assertCorrupt("model 0: 17 encoding frequencies (0..16) at byte " + (FORMULATION + 1),
                patched(ternary, MODEL, FORMULATION + 1, 17));
        assertCorrupt("model 0 has 0 layers (1..64) at byte " + (FORMULATION + 2),
                patched(ternary, MODEL, FORMULATION + 2, 0));
    }

    private static void assertCorrupt(String message, byte[] file) {
        CorruptInputException e = assertThrows(CorruptInputException.class, () -> InrContainer.parse(file));
        assertEquals(message, e.getMessage());
    }

    /** {@code file} with the byte at {@code at} set to {@code value}, the CRC of the section at {@code section} made right. */
    private static byte[] patched(byte[] file, int section, int at, int value) {
        byte[] f = file.clone();
        f[at] = (byte) value;
        refreshCrc(f, section);
        return f;
    }

    private static byte[] patchedFloat(byte[] file, int at, float value) {
        byte[] f = file.clone();
        ByteBuffer.wrap(f).order(ByteOrder.LITTLE_ENDIAN).putFloat(at, value);
        refreshCrc(f, MODEL);
        return f;
    }

    private static void refreshCrc(byte[] f, int sectionStart) {
        int length = ByteBuffer.wrap(f).order(ByteOrder.LITTLE_ENDIAN).getInt(sectionStart + 1);
        CRC32C crc = new CRC32C();
        crc.update(f, sectionStart, 5 + length);
        ByteBuffer.wrap(f).order(ByteOrder.LITTLE_ENDIAN).putInt(sectionStart + 5 + length, (int) crc.getValue());
    }
}
