package io.inrkit.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inrkit.core.BadInputException;
import io.inrkit.core.CorruptInputException;
import io.inrkit.core.MemoryLimitException;
import io.inrkit.core.Signal;
import io.inrkit.core.SignalSpec;
import io.inrkit.core.UnsupportedFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Audio streamed block by block (real 24-bit stereo snare, in blocks of 100 frames): the bytes
 * are the in-memory encoder's and the committed version-2 files', the decode hands on exactly
 * the samples block by block, and every defect a whole-file decode finds is found.
 */
class StreamCodecTest {

    @TempDir
    Path dir;

    static EncodeOptions blocks(EncodeOptions.Preset preset, int threads) {
        return EncodeOptions.builder().preset(preset).blockFrames(100).threads(threads).build();
    }

    @ParameterizedTest
    @CsvSource({"fast, 1, snare-256f-24bit-blocks100-context-window.inr",
        "fast, 2, snare-256f-24bit-blocks100-context-window.inr",
        "default, 1, snare-256f-24bit-blocks100-context2-lean.inr",
        "default, 2, snare-256f-24bit-blocks100-context2-lean.inr"})
    void streamedFileIsTheEncodersFile(String preset, int threads, String golden) throws IOException {
        Signal s = CodecFixtures.snare();
        EncodeOptions o = blocks(EncodeOptions.Preset.fromId(preset), threads);
        List<Long> progress = new ArrayList<>();
        StreamCodec.Result r = encode(s, o, (done, total, frames) -> progress.add(frames));
        byte[] file = Files.readAllBytes(dir.resolve("out.inr"));
        assertArrayEquals(Encoder.encode(s, o, Encoder.Listener.NONE).file(), file);
        assertArrayEquals(Files.readAllBytes(GoldenFilesTest.ROOT.resolve("v2").resolve(golden)), file);
        assertEquals(InrFileInfo.read(file), r.info());
        assertEquals(r.info(), InrFileInfo.read(new ByteArrayInputStream(file)), "read from a stream, a block at a time");
        assertEquals(List.of(100L, 200L, 256L), progress);
    }

    @ParameterizedTest
    @CsvSource({"1", "2"})
    void decodeHandsOnEveryBlockExactly(int threads) throws IOException {
        Signal s = CodecFixtures.snare();
        Collected got = decode(encodedBytes(s), threads);
        assertEquals(s.spec(), got.spec);
        assertEquals(List.of(100, 100, 56), got.blocks.stream().map(b -> b.spec().frames()).toList());
        assertEquals(s, got.joined());
    }

    /** Files of the modes the presets wrote before the window modes stream too. */
    @ParameterizedTest
    @CsvSource({"snare-256f-24bit-blocks100-context.inr", "snare-256f-24bit-blocks100-context2.inr"})
    void filesOfTheEarlierAudioModesStream(String golden) throws IOException {
        Collected got = decode(Files.readAllBytes(GoldenFilesTest.ROOT.resolve("v2").resolve(golden)), 2);
        assertEquals(List.of(100, 100, 56), got.blocks.stream().map(b -> b.spec().frames()).toList());
        assertEquals(CodecFixtures.snare(), got.joined());
    }

    /** An excerpt decodes only the blocks it touches, cut to it; a whole-file decode of a version-1 file is cut. */
    @Test
    void anExcerptDecodesTheBlocksItTouches() throws IOException {
        Signal s = CodecFixtures.snare();
        byte[] file = encodedBytes(s);
        for (int[] range : new int[][] {{150, 60}, {0, 100}, {99, 2}, {255, 1}, {0, 256}}) {
            Collected got = new Collected();
            SignalSpec spec = StreamCodec.decodeFrames(new ByteArrayInputStream(file), range[0], range[1], got,
                    DecodeOptions.builder().threads(2).build(), StreamCodec.Progress.NONE);
            assertEquals(s.segment(range[0], range[1]), got.joined(), range[0] + ":" + range[1]);
            assertEquals(spec, got.spec);
            int blocks = (range[0] + range[1] - 1) / 100 - range[0] / 100 + 1;
            assertEquals(blocks, got.blocks.size(), range[0] + ":" + range[1]);
        }
        assertThrows(IllegalArgumentException.class, () -> StreamCodec.decodeFrames(new ByteArrayInputStream(file), 200,
                57, new Collected(), DecodeOptions.defaults(), StreamCodec.Progress.NONE));
        Collected v1 = new Collected();
        StreamCodec.decodeFrames(new ByteArrayInputStream(Files.readAllBytes(GoldenFilesTest.ROOT.resolve(
                "v1/snare-256f-24bit-context.inr"))), 10, 20, v1, DecodeOptions.defaults(), StreamCodec.Progress.NONE);
        assertEquals(s.segment(10, 20), v1.joined());
    }

    @Test
    void filesThatDoNotStreamAreDecodedWhole() throws IOException {
        for (String name : List.of("v1/snare-256f-24bit-context.inr", "v2/snare-256f-24bit-segments128-blocks100-mixed2.inr")) {
            byte[] file = Files.readAllBytes(GoldenFilesTest.ROOT.resolve(name));
            assertEquals(InrFileInfo.read(file), InrFileInfo.read(new ByteArrayInputStream(file)), name);
            Collected got = decode(file, 2);
            assertEquals(1, got.blocks.size(), name);
            assertEquals(CodecFixtures.snare(), got.joined(), name);
        }
        Signal image = CodecFixtures.image("kodim23-16x16.ppm");
        byte[] file = Encoder.encode(image, EncodeOptions.builder().preset(EncodeOptions.Preset.FAST).build(),
                Encoder.Listener.NONE).file();
        assertEquals(image, decode(file, 1).joined());
    }

    /**
     * Every prefix of a file is corrupt (one too short for the magic is no .inr file at all, as a
     * whole-file decode says), and so is a byte after it.
     */
    @Test
    void everyTruncationAndTrailingByteIsCorrupt() throws IOException {
        byte[] file = encodedBytes(CodecFixtures.snare());
        for (int n = 0; n < file.length; n++) {
            byte[] cut = java.util.Arrays.copyOf(file, n);
            Class<? extends BadInputException> expected = n == 0 || n >= 4 ? CorruptInputException.class
                    : UnsupportedFormatException.class;
            assertThrows(expected, () -> decode(cut, 1), "a file cut to " + n + " bytes");
        }
        byte[] longer = java.util.Arrays.copyOf(file, file.length + 1);
        CorruptInputException e = assertThrows(CorruptInputException.class, () -> decode(longer, 2));
        assertTrue(e.getMessage().contains("after the end section"), e.getMessage());
    }

    /**
     * A byte changed in the second block: the first is handed on, the second is refused by its
     * checksum or by its coder, and nothing after it is written.
     */
    @Test
    void aCorruptBlockStopsTheDecodeWhereItIs() throws IOException {
        Signal s = CodecFixtures.snare();
        byte[] file = encodedBytes(s);
        InrFileInfo info = InrFileInfo.read(file);
        List<InrFileInfo.Tile> tiles = info.tiles().list();
        int blockOneAt = file.length - 4 - 9 - tiles.get(2).codedBytes() - tiles.get(1).codedBytes();
        file[blockOneAt + tiles.get(1).codedBytes() / 2] ^= 0x10;
        Collected got = new Collected();
        assertThrows(CorruptInputException.class, () -> StreamCodec.decode(new ByteArrayInputStream(file), got,
                DecodeOptions.builder().threads(2).build(), StreamCodec.Progress.NONE));
        assertEquals(1, got.blocks.size());
        assertEquals(s.segment(0, 100), got.blocks.get(0));
    }

    @Test
    void limitsAreCheckedBeforeAnyBlock() throws IOException {
        byte[] file = encodedBytes(CodecFixtures.snare());
        Collected got = new Collected();
        assertThrows(MemoryLimitException.class, () -> StreamCodec.decode(new ByteArrayInputStream(file), got,
                DecodeOptions.builder().maxPixels(255).build(), StreamCodec.Progress.NONE));
        assertThrows(MemoryLimitException.class, () -> StreamCodec.decode(new ByteArrayInputStream(file), got,
                DecodeOptions.builder().maxMemory(1000).build(), StreamCodec.Progress.NONE));
        assertTrue(got.blocks.isEmpty() && got.spec == null);
    }

    @Test
    void optionsWithANetworkDoNotStream() {
        assertTrue(StreamCodec.streams(blocks(EncodeOptions.Preset.DEFAULT, 1)));
        assertFalse(StreamCodec.streams(EncodeOptions.builder().preset(EncodeOptions.Preset.MAX).build()));
        assertFalse(StreamCodec.streams(EncodeOptions.builder().losslessModel(true).build()));
        assertFalse(StreamCodec.streams(EncodeOptions.builder().width(8).build()));
        assertThrows(IllegalArgumentException.class, () -> encode(CodecFixtures.image("kodim23-16x16.ppm"),
                blocks(EncodeOptions.Preset.FAST, 1), StreamCodec.Progress.NONE));
    }

    @Test
    void aSourceShorterThanItsHeaderLeavesTheError() {
        Signal s = CodecFixtures.snare();
        StreamCodec.BlockSource shortSource = new StreamCodec.BlockSource() {
            int at;

            @Override
            public SignalSpec spec() {
                return s.spec();
            }

            @Override
            public Signal read(int frames) throws IOException {
                if (at + frames > 150) {
                    throw new CorruptInputException("truncated audio");
                }
                at += frames;
                return s.segment(at - frames, frames);
            }
        };
        assertThrows(CorruptInputException.class, () -> {
            try (FileChannel ch = FileChannel.open(dir.resolve("short.inr"), StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                StreamCodec.encode(shortSource, ch, blocks(EncodeOptions.Preset.FAST, 2), StreamCodec.Progress.NONE);
            }
        });
    }

    private StreamCodec.Result encode(Signal s, EncodeOptions o, StreamCodec.Progress progress) throws IOException {
        StreamCodec.BlockSource source = new StreamCodec.BlockSource() {
            int at;

            @Override
            public SignalSpec spec() {
                return s.spec();
            }

            @Override
            public Signal read(int frames) {
                at += frames;
                return s.segment(at - frames, frames);
            }
        };
        try (FileChannel ch = FileChannel.open(dir.resolve("out.inr"), StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            return StreamCodec.encode(source, ch, o, progress);
        }
    }

    private byte[] encodedBytes(Signal s) throws IOException {
        encode(s, blocks(EncodeOptions.Preset.DEFAULT, 2), StreamCodec.Progress.NONE);
        return Files.readAllBytes(dir.resolve("out.inr"));
    }

    private static Collected decode(byte[] file, int threads) throws IOException {
        Collected got = new Collected();
        StreamCodec.decode(new ByteArrayInputStream(file), got, DecodeOptions.builder().threads(threads).build(),
                StreamCodec.Progress.NONE);
        return got;
    }

    /** What a decode handed on. */
    static final class Collected implements StreamCodec.BlockSink {
        SignalSpec spec;
        final List<Signal> blocks = new ArrayList<>();

        @Override
        public void begin(SignalSpec whole) {
            spec = whole;
        }

        @Override
        public void write(Signal block) {
            blocks.add(block);
        }

        Signal joined() {
            Signal.Builder b = Signal.builder(spec);
            int at = 0;
            for (Signal block : blocks) {
                for (int i = 0; i < block.sampleCount(); i++) {
                    b.set(at++, block.sample(i));
                }
            }
            return b.build();
        }
    }
}
