package io.inrkit.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inrkit.codec.internal.format.InrContainer;
import io.inrkit.codec.internal.format.InrFormat;
import io.inrkit.core.CorruptInputException;
import io.inrkit.core.Signal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Format version 2's tiles (images) and blocks (audio), on real crops: exact whatever the thread
 * count, the same bytes whatever the thread count, a region or a run of frames decoded from the
 * tiles it touches and checked by their checksums, and every declared size checked against the
 * bytes that carry it.
 */
class TilesTest {

    static EncodeOptions tiles(int edge, int frames, int threads) {
        return EncodeOptions.builder().preset(EncodeOptions.Preset.FAST).tileSize(edge).blockFrames(frames)
                .threads(threads).build();
    }

    @Test
    void tiledFilesAreExactAndTheSameBytesOnOneThreadAndOnFour() throws Exception {
        Signal image = CodecFixtures.image("kodim01-32x32.ppm");
        byte[] one = Encoder.encode(image, tiles(20, 64, 1), Encoder.Listener.NONE).file();
        byte[] four = Encoder.encode(image, tiles(20, 64, 4), Encoder.Listener.NONE).file();
        assertArrayEquals(one, four);
        InrFileInfo info = InrFileInfo.read(one);
        assertEquals(2, info.version());
        // two tiles across and down: equal halves, not 20 beside 12
        assertEquals(List.of(16, 16, 16, 16), info.tiles().list().stream().map(InrFileInfo.Tile::width).toList());
        assertTrue(info.tiles().checked());
        assertEquals(image, Decoder.decode(one, 1));
        assertEquals(image, Decoder.decode(one, 3));

        Signal audio = CodecFixtures.snare();
        byte[] blocks = Encoder.encode(audio, tiles(16, 64, 2), Encoder.Listener.NONE).file();
        assertArrayEquals(blocks, Encoder.encode(audio, tiles(16, 64, 1), Encoder.Listener.NONE).file());
        assertEquals(4, InrFileInfo.read(blocks).tiles().list().size());
        assertEquals(audio, Decoder.decode(blocks, 2));
        // 256 frames in blocks of at most 160: two equal halves, not 160 beside 96
        byte[] halves = Encoder.encode(audio, tiles(16, 160, 2), Encoder.Listener.NONE).file();
        assertEquals(List.of(128, 128), InrFileInfo.read(halves).tiles().list().stream().map(InrFileInfo.Tile::width)
                .toList());
        assertEquals(audio, Decoder.decode(halves, 2));
    }

    @Test
    void theFastPresetCodesEightBitImagesInSmallerTiles() throws Exception {
        Signal photo = repeatedAcross(CodecFixtures.image("kodim01-32x32.ppm"), 9);
        EncodeOptions fast = EncodeOptions.builder().preset(EncodeOptions.Preset.FAST).threads(2).build();
        byte[] file = Encoder.encode(photo, fast, Encoder.Listener.NONE).file();
        assertEquals(List.of(144, 144), InrFileInfo.read(file).tiles().list().stream().map(InrFileInfo.Tile::width)
                .toList()); // 288 needs two 256-wide tiles: two halves
        assertEquals(photo, Decoder.decode(file, 2));
        Signal wider = repeatedAcross(CodecFixtures.image("kodim01-32x32.ppm"), 17);
        byte[] widerFile = Encoder.encode(wider, fast, Encoder.Listener.NONE).file();
        assertEquals(List.of(256, 256, 32), InrFileInfo.read(widerFile).tiles().list().stream()
                .map(InrFileInfo.Tile::width).toList()); // three or more across stay full, the last one narrower
        assertEquals(wider, Decoder.decode(widerFile, 2));
        // deeper images keep the default edge, wider than this one
        Signal deep = repeatedAcross(CodecFixtures.image("rgb16-16x16.ppm"), 18);
        byte[] deepFile = Encoder.encode(deep, fast, Encoder.Listener.NONE).file();
        assertEquals(1, InrFileInfo.read(deepFile).tiles().list().size());
        assertEquals(deep, Decoder.decode(deepFile, 2));
    }

    /** {@code copies} copies of {@code image} side by side: a wide image of real pixels. */
    private static Signal repeatedAcross(Signal image, int copies) {
        int w = image.spec().width();
        int h = image.spec().height();
        int c = image.channels();
        Signal.Builder b = Signal.builder(image.spec().withShape(h, w * copies));
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w * copies; x++) {
                for (int ch = 0; ch < c; ch++) {
                    b.set(y * w * copies + x, ch, image.sample(y * w + x % w, ch));
                }
            }
        }
        return b.build();
    }

    @Test
    void aRegionDecodesFromTheTilesItTouches() throws Exception {
        Signal image = CodecFixtures.image("kodim01-32x32.ppm");
        byte[] file = Encoder.encode(image, tiles(16, 64, 2), Encoder.Listener.NONE).file();
        DecodeOptions options = DecodeOptions.builder().threads(2).build();
        assertEquals(image.crop(10, 3, 12, 20), Decoder.decodeRegion(file, 10, 3, 12, 20, options), "four tiles");
        assertEquals(image.crop(0, 0, 5, 5), Decoder.decodeRegion(file, 0, 0, 5, 5, options), "one tile");
        assertEquals(image, Decoder.decodeRegion(file, 0, 0, 32, 32, options));
        // a corrupt tile the region does not touch does not matter to it; one it touches is named
        byte[] broken = corruptTile(file, 3);
        assertEquals(image.crop(0, 0, 16, 16), Decoder.decodeRegion(broken, 0, 0, 16, 16, options));
        CorruptInputException e = assertThrows(CorruptInputException.class,
                () -> Decoder.decodeRegion(broken, 16, 16, 4, 4, options));
        assertTrue(e.getMessage().startsWith("tile 3 (16x16 at 16,16)") || e.getMessage().contains("coded bits"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Decoder.decodeRegion(file, 30, 0, 3, 1, options));

        Signal audio = CodecFixtures.snare();
        byte[] blocks = Encoder.encode(audio, tiles(16, 100, 2), Encoder.Listener.NONE).file();
        assertEquals(audio.segment(90, 20), Decoder.decodeFrames(blocks, 90, 20, options), "across a block edge");
        assertEquals(audio.segment(255, 1), Decoder.decodeFrames(blocks, 255, 1, options));
        assertThrows(IllegalArgumentException.class, () -> Decoder.decodeFrames(file, 0, 1, options), "not audio");
    }

    /** A version-1 file is one tile without checksums: a region is the whole decode, cut. */
    @Test
    void aVersionOneFileGivesRegionsToo() throws Exception {
        byte[] v1 = java.nio.file.Files.readAllBytes(GoldenFilesTest.ROOT.resolve("v1/kodim23-16x16-context.inr"));
        Signal image = CodecFixtures.image("kodim23-16x16.ppm");
        assertEquals(image.crop(4, 5, 6, 7), Decoder.decodeRegion(v1, 4, 5, 6, 7, DecodeOptions.defaults()));
        assertEquals(1, InrFileInfo.read(v1).tiles().list().size());
    }

    @Test
    void declaredTileSizesAreCheckedAgainstTheirBytes() throws Exception {
        Signal image = CodecFixtures.image("kodim01-32x32.ppm");
        byte[] file = Encoder.encode(image, tiles(16, 64, 2), Encoder.Listener.NONE).file();
        int t = InrFormat.SPEC_BYTES; // the tiles section follows the signal section
        byte[] smaller = patchInt(file, t, t + 5, 8); // 8x16 tiles: 8 of them, the section has 4 entries
        assertMessage("are 8 tiles, the section has 32 bytes of entries", smaller);
        byte[] longer = patchInt(file, t, t + 5 + 8, 1 << 20); // tile 0 claims a megabyte
        assertMessage("coded lengths add up to", longer);
        byte[] tiny = patchInt(file, t, t + 5 + 8, 3);
        assertMessage("tile 0 declares 3 coded bytes (at least 4)", tiny);
        byte[] checksum = patchInt(file, t, t + 5 + 12, 12345); // tile 0's CRC32C of its samples
        assertMessage("tile 0 (16x16 at 0,0) decodes to samples whose CRC32C differs", checksum);
    }

    private static void assertMessage(String text, byte[] file) {
        CorruptInputException e = assertThrows(CorruptInputException.class, () -> Decoder.decode(file, 1));
        assertTrue(e.getMessage().contains(text), e.getMessage());
    }

    private static byte[] patchInt(byte[] file, int section, int at, int value) {
        byte[] f = file.clone();
        ByteBuffer.wrap(f).order(ByteOrder.LITTLE_ENDIAN).putInt(at, value);
        MalformedFileTest.refreshCrc(f, section);
        return f;
    }

    /** {@code file} with a byte in the middle of tile {@code tile}'s stream flipped, CRCs made right. */
    private static byte[] corruptTile(byte[] file, int tile) throws Exception {
        InrContainer c = InrContainer.parse(file);
        int before = 0;
        for (int i = 0; i < tile; i++) {
            before += c.bits().streams().get(i).length;
        }
        int bits = InrFormat.SPEC_BYTES + InrFormat.SECTION_OVERHEAD + InrFormat.TILES_HEADER_BYTES
                + InrFormat.TILE_ENTRY_BYTES * c.bits().streams().size();
        byte[] f = file.clone();
        f[bits + 5 + 1 + before + c.bits().streams().get(tile).length / 2] ^= 0x20;
        MalformedFileTest.refreshCrc(f, bits);
        return f;
    }
}
