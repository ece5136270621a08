package io.inrkit.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inrkit.core.BadInputException;
import io.inrkit.core.MemoryLimitException;
import io.inrkit.core.Signal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The caller's limits on what a file may declare: refused over them, decoded exactly at them. */
class DecodeOptionsTest {

    static Signal image;
    static byte[] imageFile;
    static Signal audio;
    static byte[] audioFile;

    @BeforeAll
    static void files() {
        image = CodecFixtures.image("kodim23-16x16.ppm");
        imageFile = Encoder.encode(image, CodecTest.FAST, Encoder.Listener.NONE).file();
        audio = CodecFixtures.snare();
        audioFile = Encoder.encode(audio, CodecTest.FAST, Encoder.Listener.NONE).file();
    }

    @Test
    void aFileOverTheMemoryLimitIsRefusedNamingBothNumbers() throws Exception {
        // one tile: the samples at a byte each, the tile's samples again with 4 bytes of model
        // history each, and the context model's state for 3 channels
        long needed = 768 + 768 * 5 + 3 * DecodeOptions.MODEL_STATE_BYTES_PER_CHANNEL;
        assertEquals(needed, DecodeOptions.defaults().memoryNeeded(image.spec(), image.spec(), false, 768, 1));
        MemoryLimitException e = assertThrows(MemoryLimitException.class,
                () -> Decoder.decode(imageFile, DecodeOptions.builder().maxMemory(needed - 1).build()));
        assertEquals(MemoryLimitException.Unit.BYTES, e.unit());
        assertEquals(needed, e.needed());
        assertEquals(needed - 1, e.limit());
        assertTrue(e.getMessage().contains(needed + " bytes") && e.getMessage().contains((needed - 1) + " bytes")
                && e.getMessage().contains("--max-memory") && e.getMessage().contains("-Xmx"), e.getMessage());
        assertEquals(image, Decoder.decode(imageFile, DecodeOptions.builder().maxMemory(needed).build()));
    }

    @Test
    void aFileOverThePixelLimitIsRefusedNamingBothNumbers() throws Exception {
        MemoryLimitException e = assertThrows(MemoryLimitException.class,
                () -> Decoder.decode(imageFile, DecodeOptions.builder().maxPixels(255).build()));
        assertEquals(MemoryLimitException.Unit.PIXELS, e.unit());
        assertEquals(256, e.needed());
        assertEquals(255, e.limit());
        assertTrue(e.getMessage().contains("256 pixels") && e.getMessage().contains("255 pixels")
                && e.getMessage().contains("--max-pixels"), e.getMessage());
        assertEquals(image, Decoder.decode(imageFile, DecodeOptions.builder().maxPixels(256).build()));

        MemoryLimitException frames = assertThrows(MemoryLimitException.class,
                () -> Decoder.decode(audioFile, DecodeOptions.builder().maxPixels(255).build()));
        assertTrue(frames.getMessage().contains("256 frames") && frames.getMessage().contains("255 frames"),
                frames.getMessage());
        assertEquals(audio, Decoder.decode(audioFile, DecodeOptions.builder().maxPixels(256).threads(1).build()));
    }

    @Test
    void aFileOverTheModelSizeLimitIsRefusedNamingBothNumbers() throws Exception {
        byte[] withNet = SampleFiles.withNetwork(image);
        long parameters = InrFileInfo.read(withNet).parameters();
        assertTrue(parameters > 0);
        MemoryLimitException e = assertThrows(MemoryLimitException.class,
                () -> Decoder.decode(withNet, DecodeOptions.builder().maxParameters(parameters - 1).build()));
        assertEquals(MemoryLimitException.Unit.PARAMETERS, e.unit());
        assertEquals(parameters, e.needed());
        assertEquals(parameters - 1, e.limit());
        assertTrue(e.getMessage().contains(parameters + " parameters") && e.getMessage().contains("--max-parameters"),
                e.getMessage());
        assertEquals(image, Decoder.decode(withNet, DecodeOptions.builder().maxParameters(parameters).build()));
        // a limit of 0 still decodes every file without a network
        assertEquals(image, Decoder.decode(imageFile, DecodeOptions.builder().maxParameters(0).build()));
    }

    /**
     * A small file declaring a 40000x40000 16-bit scan, as one tile so that its tiles section
     * agrees: within the pixel limit, refused by memory before anything is decoded.
     */
    @Test
    void aHugeDeclaredScanIsRefusedBeforeDecoding() {
        byte[] huge = imageFile.clone();
        ByteBuffer b = ByteBuffer.wrap(huge).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort(13 + 1, (short) 1).put(13 + 3, (byte) 16).putInt(13 + 5, 40_000).putInt(13 + 9, 40_000);
        MalformedFileTest.refreshCrc(huge, 8);
        int tiles = io.inrkit.codec.internal.format.InrFormat.SPEC_BYTES; // the tiles section follows the signal
        b.putInt(tiles + 5, 40_000).putInt(tiles + 9, 40_000);
        MalformedFileTest.refreshCrc(huge, tiles);
        long pixels = 40_000L * 40_000;
        assertTrue(pixels <= DecodeOptions.defaults().maxPixels());
        MemoryLimitException e = assertThrows(MemoryLimitException.class,
                () -> Decoder.decode(huge, DecodeOptions.builder().maxMemory(1L << 30).build()));
        assertEquals(pixels * 2 + pixels * (2 + 4) + DecodeOptions.MODEL_STATE_BYTES_PER_CHANNEL, e.needed(),
                "16-bit samples held as shorts, the one tile's again with the model's history");
        assertEquals(1L << 30, e.limit());
        BadInputException named = e.withContext("scan.inr");
        assertTrue(named instanceof MemoryLimitException m && m.needed() == e.needed() && m.limit() == e.limit()
                && named.getMessage().startsWith("scan.inr: the file declares image 40000x40000"), named.getMessage());
    }

    @Test
    void defaultsComeFromTheConfiguredHeapAndTheFormat() {
        DecodeOptions d = DecodeOptions.defaults();
        assertEquals(Runtime.getRuntime().maxMemory(), d.maxMemory());
        assertEquals(Integer.MAX_VALUE, d.maxPixels());
        assertEquals(Runtime.getRuntime().availableProcessors(), d.threads());
    }

    @Test
    void badValuesAreRefusedWithTheValueReceived() {
        assertRefused("got 0", DecodeOptions.builder().threads(0));
        assertRefused("got -5", DecodeOptions.builder().maxMemory(-5));
        assertRefused("got 0", DecodeOptions.builder().maxPixels(0));
        assertThrows(IllegalArgumentException.class, () -> Decoder.decode(imageFile, 0), "the shorthand checks too");
    }

    private static void assertRefused(String ending, DecodeOptions.Builder b) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, b::build);
        assertTrue(e.getMessage().endsWith(ending), e.getMessage());
    }
}
