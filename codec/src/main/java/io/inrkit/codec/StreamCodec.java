package io.inrkit.codec;

import io.inrkit.codec.internal.format.SampleHash;
import io.inrkit.codec.internal.format.StreamReader;
import io.inrkit.codec.internal.format.StreamWriter;
import io.inrkit.codec.internal.format.TiledBits;
import io.inrkit.codec.internal.format.Tiling;
import io.inrkit.codec.internal.model.SampleCodec;
import io.inrkit.codec.internal.model.TiledCoding;
import io.inrkit.core.CorruptInputException;
import io.inrkit.core.Signal;
import io.inrkit.core.SignalKind;
import io.inrkit.core.SignalSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.util.Arrays;

/**
 * Audio through the codec block by block, for recordings too long to hold: the encoder reads a
 * block of frames, codes it on one of its threads and writes it, the decoder reads a block's
 * coded bytes, decodes it and hands it on, so memory is a few blocks whatever the length (an hour
 * of CD audio encodes and decodes in a 512 MiB heap). The files are the same bytes
 * {@link Encoder#encode} writes for the same samples and options, and {@link Decoder} reads
 * them; each block is checked against its own CRC32C before it is handed on, and the whole
 * recording against its SHA-256 at the end.
 *
 * <p>Only what needs no network streams: audio at the fast and default presets, which code with
 * the context model alone ({@link #streams}). Other options need the whole signal: encode it with
 * {@link Encoder}.
 */
public final class StreamCodec {

    /** Where the encoder reads the recording: its description, then its frames in order. */
    public interface BlockSource {
        /** The whole recording, frames included. */
        SignalSpec spec();

        /** The next {@code frames} frames; a source that has fewer is corrupt input. */
        Signal read(int frames) throws IOException;
    }

    /** Where the decoder writes the recording. */
    public interface BlockSink {
        /** The whole recording's description, before any block. */
        void begin(SignalSpec whole) throws IOException;

        /** The next block of frames, checked against its CRC32C. */
        void write(Signal block) throws IOException;
    }

    /** Hears of each block coded. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (done, total, frames) -> {
        };

        /** {@code done} of {@code total} blocks are written, {@code frames} frames in all. */
        void blocks(int done, int total, long frames);
    }

    /**
     * What a streamed encode wrote.
     *
     * @param info what the file holds, as {@link InrFileInfo#read} would give it
     * @param seconds encoding time
     */
    public record Result(InrFileInfo info, double seconds) {
    }

    private StreamCodec() {
    }

    /** Whether {@code options} encode audio without a network, so that {@link #encode} takes them. */
    public static boolean streams(EncodeOptions options) {
        return !options.losslessModel() && !options.explicitNetwork()
                && Presets.networks(options.preset(), SignalKind.AUDIO).isEmpty();
    }

    /**
     * Encodes the recording {@code in} into {@code out} from its position on, with
     * {@code options}' preset, blocks and threads.
     *
     * @throws IllegalArgumentException when {@code in} is not audio or the options do not stream
     */
    public static Result encode(BlockSource in, FileChannel out, EncodeOptions options, Progress progress)
            throws IOException {
        long start = System.nanoTime();
        SignalSpec spec = in.spec();
        if (spec.kind() != SignalKind.AUDIO || !streams(options)) {
            throw new IllegalArgumentException("only audio encoded without a network streams");
        }
        Tiling tiling = Tiling.of(spec, options.tileSize(spec), options.blockFrames());
        int mode = Encoder.contextMode(options.preset(), SignalKind.AUDIO, spec.bitDepth());
        int blocks = Math.toIntExact(tiling.count(spec));
        StreamWriter writer = StreamWriter.begin(out, spec, tiling, mode);
        SampleHash.Running sha = new SampleHash.Running();
        int[] done = {0};
        long[] frames = {0};
        try (BlockPipeline<Coded> pipeline = new BlockPipeline<>(options.threads(), "inrkit-block", c -> {
            writer.block(c.stream(), c.checksum());
            frames[0] += c.frames();
            progress.blocks(++done[0], blocks, frames[0]);
        })) {
            for (int i = 0; i < blocks; i++) {
                Tiling.Tile tile = tiling.tile(spec, i);
                Signal part = in.read(tile.width());
                sha.update(part);
                pipeline.add(() -> new Coded(SampleCodec.encode(part, null, mode), TiledBits.checksum(part),
                        tile.width()));
            }
            pipeline.finish();
        }
        byte[] digest = sha.digest();
        long total = writer.finish(digest);
        return new Result(InrFileInfo.streamed(spec, mode, tiling, writer.codedBytes(), digest, total),
                (System.nanoTime() - start) / 1e9);
    }

    /** A block's coded bytes, its samples' checksum and its frames. */
    private record Coded(byte[] stream, int checksum, int frames) {
    }

    /**
     * Decodes the .inr file read from {@code in} into {@code out}, block by block when it is audio
     * coded without a network; any other file is read whole and decoded by {@link Decoder}, then
     * handed to {@code out} as one block. Returns the file's signal. A block is handed on only once
     * its samples match its CRC32C; a file whose samples then miss its SHA-256, or whose bytes end
     * wrong, ends in {@link CorruptInputException} after the blocks before the defect were written.
     */
    public static SignalSpec decode(InputStream in, BlockSink out, DecodeOptions options, Progress progress)
            throws IOException {
        return decode(in, out, options, progress, 0, -1);
    }

    /**
     * Frames {@code start .. start + count - 1} of the audio file read from {@code in}, as
     * {@link Decoder#decodeFrames}: only the blocks they touch are decoded, each checked against
     * its CRC32C, the others read past (the bits section's CRC32C and the file's end are still
     * checked). Returns the excerpt's signal.
     *
     * @throws IllegalArgumentException when the file is not audio or the frames are not inside it
     */
    public static SignalSpec decodeFrames(InputStream in, int start, int count, BlockSink out, DecodeOptions options,
            Progress progress) throws IOException {
        return decode(in, out, options, progress, start, count);
    }

    /** Frames {@code start ..} of {@code count} ({@code -1}: the whole recording, checked by its SHA-256). */
    private static SignalSpec decode(InputStream in, BlockSink out, DecodeOptions options, Progress progress, int start,
            int count) throws IOException {
        boolean whole = count < 0;
        StreamReader r = StreamReader.open(in);
        if (!r.streamable()) {
            byte[] file = r.wholeFile();
            Signal s = whole ? Decoder.decode(file, options) : Decoder.decodeFrames(file, start, count, options);
            out.begin(s.spec());
            out.write(s);
            progress.blocks(1, 1, s.kind() == SignalKind.AUDIO ? s.spec().frames() : s.spec().positions());
            return s.spec();
        }
        SignalSpec spec = r.spec();
        int end = whole ? spec.frames() : start + count;
        if (!whole && (count < 1 || start < 0 || (long) start + count > spec.frames())) {
            throw new IllegalArgumentException("frames " + start + ":" + count + " are not inside the "
                    + spec.frames() + "-frame recording");
        }
        SignalSpec decoded = whole ? spec : spec.withShape(count);
        Tiling tiling = r.tiling();
        int blocks = r.blocks();
        int first = start / tiling.tileWidth();
        int last = (end - 1) / tiling.tileWidth();
        options.checkStream(decoded, (long) tiling.tile(spec, 0).positions() * spec.channels(), last - first + 1);
        out.begin(decoded);
        SampleHash.Running sha = new SampleHash.Running();
        int[] done = {0};
        long[] frames = {0};
        try (BlockPipeline<Signal> pipeline = new BlockPipeline<>(options.threads(), "inrkit-block", part -> {
            if (whole) {
                sha.update(part);
            }
            out.write(part);
            frames[0] += part.spec().frames();
            progress.blocks(++done[0], last - first + 1, frames[0]);
        })) {
            for (int i = 0; i < blocks; i++) {
                byte[] stream = r.nextBlock();
                if (i < first || i > last) {
                    continue; // read for the bits section's CRC32C, not decoded
                }
                Tiling.Tile tile = tiling.tile(spec, i);
                int checksum = r.checksum(i);
                int from = Math.max(start, tile.x());
                int to = Math.min(end, tile.x() + tile.width());
                pipeline.add(() -> {
                    Signal part = TiledCoding.decodeTile(spec, tile, stream, checksum, r.mode());
                    return from == tile.x() && to == tile.x() + tile.width() ? part
                            : part.segment(from - tile.x(), to - from);
                });
            }
            pipeline.finish();
        }
        r.finish();
        if (whole && !Arrays.equals(sha.digest(), r.sha256())) {
            throw new CorruptInputException("decoded samples do not match the file's SHA-256: the coded bits are corrupt");
        }
        return decoded;
    }
}
