package io.inrkit.codec;

import io.inrkit.codec.internal.format.InrContainer;
import io.inrkit.codec.internal.format.InrFormat;
import io.inrkit.codec.internal.format.ModelSection;
import io.inrkit.codec.internal.format.SampleHash;
import io.inrkit.codec.internal.format.StreamReader;
import io.inrkit.codec.internal.format.TiledBits;
import io.inrkit.codec.internal.format.Tiling;
import io.inrkit.core.BadInputException;
import io.inrkit.core.Signal;
import io.inrkit.core.SignalKind;
import io.inrkit.core.SignalSpec;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * What an .inr file holds, read and validated without decoding its samples: the signal, the
 * stored networks, how the bits were coded, and where the bytes go (docs/FORMAT.md).
 *
 * @param spec the signal
 * @param version the format version of the file
 * @param networks a description of each stored network, in position order (none, one for an
 *     image, one per audio segment, or the context network)
 * @param parameters the networks' parameters in all
 * @param codingMode how the bits were coded: "context" (the context model alone), "mixed" (with
 *     the networks' predictions), "inr" (the networks' predictions alone), "context2" and "mixed2"
 *     (the same with the stronger context model), "context2+net" (the stronger model with the
 *     context network), "context+window" and "context2+window" (each sample's high bits as one
 *     decision: the fast preset's, and the default's for images), "context2+net+window" (both),
 *     "context2+lean" (audio's default)
 * @param sizes bytes of each part of the file
 * @param tiles the independently coded tiles (audio: blocks); a version-1 file has one, the whole signal
 * @param sha256 the SHA-256 of the samples that the file decodes to, in lower-case hex (what every
 *     decode is checked against: the samples interleaved, each a 32-bit little-endian integer)
 */
public record InrFileInfo(SignalSpec spec, int version, List<String> networks, long parameters, String codingMode,
        Sizes sizes, Tiles tiles, String sha256) {

    /** Bytes to read to tell an .inr file and its kind ({@link #kindOf}). */
    public static final int PEEK_BYTES = InrFormat.PEEK_BYTES;

    /** Bytes at the start of a file that describe its signal ({@link #readSpec}). */
    public static final int SPEC_BYTES = InrFormat.SPEC_BYTES;

    /** Bytes of each part of a file: header (magic, signal and end sections), models, coded bits. */
    public record Sizes(int header, int models, int bits, int total) {
    }

    /**
     * The tiles of a file: images in rows of {@code width x height} tiles, audio in blocks of
     * {@code width} frames ({@code height} 1), each coded on its own.
     *
     * @param width tile width (audio: block frames)
     * @param height tile height (audio: 1)
     * @param list every tile, in coding order
     * @param checked whether each tile carries a checksum of its samples (version 2)
     */
    public record Tiles(int width, int height, List<Tile> list, boolean checked) {

        public Tiles {
            list = List.copyOf(list);
        }
    }

    /**
     * One tile: pixels {@code x .. x + width - 1} of rows {@code y .. y + height - 1}, or audio
     * frames {@code x .. x + width - 1}; and the bytes of its coded bits.
     */
    public record Tile(int x, int y, int width, int height, int codedBytes) {
    }

    public InrFileInfo {
        networks = List.copyOf(networks);
    }

    /** Parses and validates a whole .inr file; the samples are not decoded. */
    public static InrFileInfo read(byte[] file) throws BadInputException {
        return of(InrContainer.parse(file));
    }

    /**
     * Reads and validates an .inr file from a stream, the samples not decoded: audio coded
     * without a network a block at a time (an hour's file needs a block of memory), any other file
     * whole.
     */
    public static InrFileInfo read(InputStream in) throws IOException {
        StreamReader r = StreamReader.open(in);
        if (!r.streamable()) {
            return read(r.wholeFile());
        }
        int[] lengths = new int[r.blocks()];
        for (int i = 0; i < lengths.length; i++) {
            lengths[i] = r.nextBlock().length;
        }
        r.finish();
        return streamed(r.spec(), r.mode(), r.tiling(), lengths, r.sha256(), r.bytesRead());
    }

    /** What {@link #read} gives for a version-2 audio file without models of {@code total} bytes. */
    static InrFileInfo streamed(SignalSpec spec, int mode, Tiling tiling, int[] lengths, byte[] sha, long total) {
        List<Tile> list = new ArrayList<>(lengths.length);
        for (int i = 0; i < lengths.length; i++) {
            Tiling.Tile t = tiling.tile(spec, i);
            list.add(new Tile(t.x(), t.y(), t.width(), t.height(), lengths[i]));
        }
        int header = InrFormat.HEADER_BYTES + 2 * InrFormat.SECTION_OVERHEAD + InrFormat.SIGNAL_PAYLOAD_BYTES;
        int size = Math.toIntExact(total);
        return new InrFileInfo(spec, InrFormat.VERSION, List.of(), 0, modeName(mode),
                new Sizes(header, 0, size - header, size),
                new Tiles(tiling.tileWidth(), tiling.tileHeight(), list, true), HexFormat.of().formatHex(sha));
    }

    /**
     * The SHA-256 an .inr file of {@code s} records (see {@link #sha256()}), in lower-case hex:
     * what tells, without decoding, whether a file holds these samples.
     */
    public static String sha256Of(Signal s) {
        return HexFormat.of().formatHex(SampleHash.of(s));
    }

    /**
     * The signal described by the first {@link #SPEC_BYTES} bytes of an .inr file, without reading
     * its models or bits: what a javax.sound provider reports before decoding.
     */
    public static SignalSpec readSpec(byte[] head) throws BadInputException {
        return InrContainer.readSpec(head);
    }

    /** The kind of signal in a file that starts with {@code head}, or empty if it is not an .inr file this version reads. */
    public static Optional<SignalKind> kindOf(byte[] head) {
        int kind = InrFormat.kindOf(head);
        return kind == InrFormat.KIND_IMAGE ? Optional.of(SignalKind.IMAGE)
                : kind == InrFormat.KIND_AUDIO ? Optional.of(SignalKind.AUDIO) : Optional.empty();
    }

    static InrFileInfo of(InrContainer c) {
        InrContainer.Sizes s = c.sizes();
        List<ModelSection> sections = new ArrayList<>(c.models());
        if (c.contextNet() != null) {
            sections.add(c.contextNet());
        }
        return new InrFileInfo(c.spec(), c.version(), sections.stream().map(ModelSection::describe).toList(),
                sections.stream().mapToLong(ModelSection::parameters).sum(), modeName(c.mode()),
                new Sizes(s.header(), s.models(), s.bits(), s.total()), tiles(c), HexFormat.of().formatHex(c.sha256()));
    }

    private static Tiles tiles(InrContainer c) {
        TiledBits bits = c.bits();
        List<Tile> list = new ArrayList<>(bits.streams().size());
        for (int i = 0; i < bits.streams().size(); i++) {
            Tiling.Tile t = bits.tiling().tile(c.spec(), i);
            list.add(new Tile(t.x(), t.y(), t.width(), t.height(), bits.streams().get(i).length));
        }
        return new Tiles(bits.tiling().tileWidth(), bits.tiling().tileHeight(), list, bits.checksums() != null);
    }

    static String modeName(int mode) {
        return switch (mode) {
            case InrFormat.MODE_CONTEXT -> "context";
            case InrFormat.MODE_MIXED -> "mixed";
            case InrFormat.MODE_CONTEXT2 -> "context2";
            case InrFormat.MODE_MIXED2 -> "mixed2";
            case InrFormat.MODE_CONTEXT2_NET -> "context2+net";
            case InrFormat.MODE_WINDOW -> "context+window";
            case InrFormat.MODE_WINDOW2 -> "context2+window";
            case InrFormat.MODE_WINDOW2_LEAN -> "context2+lean";
            case InrFormat.MODE_IMAGE_WINDOW -> "context+window";
            case InrFormat.MODE_IMAGE_WINDOW2 -> "context2+window";
            case InrFormat.MODE_IMAGE_WINDOW2_NET -> "context2+net+window";
            case InrFormat.MODE_IMAGE_WINDOW2_VALUES -> "context2+values+window";
            case InrFormat.MODE_IMAGE_WINDOW2_NET_VALUES -> "context2+net+values+window";
            default -> "inr";
        };
    }
}
