package io.inrkit.codec.internal.format;

import static io.inrkit.codec.internal.format.ByteReader.verify;

import io.inrkit.core.BadInputException;
import io.inrkit.core.CorruptInputException;
import io.inrkit.core.SignalKind;
import io.inrkit.core.SignalSpec;
import io.inrkit.core.UnsupportedFormatException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Reads an .inr file into an {@link InrContainer}: checks every length against the bytes that
 * are there, every count and dimension against the format's limits and against each other, and
 * every section's CRC32C, before anything is allocated from a declared size. Every
 * {@link CorruptInputException} names the byte of the file where the defect is; model sections
 * are {@link ModelSectionReader}'s.
 */
final class ContainerReader {

    private ContainerReader() {
    }

    static InrContainer parse(byte[] data) throws BadInputException {
        verify(data.length != 0, 0, "empty file");
        if (!InrContainer.hasMagic(data)) {
            throw new UnsupportedFormatException("not an .inr file (no INRK magic)");
        }
        ByteReader r = new ByteReader(data, 0, data.length, ".inr header");
        int version = version(r);
        ByteReader signal = signalSection(r);
        SignalSpec spec = readSignal(signal);
        byte[] sha = signal.bytes(InrFormat.SHA256_BYTES);
        requireConsumed(signal, "signal section");
        return parseRest(r, version, spec, sha);
    }

    static SignalSpec readSpec(byte[] head) throws BadInputException {
        return readHead(head).spec();
    }

    /** What the first {@link InrFormat#SPEC_BYTES} bytes of a file say. */
    record Head(int version, SignalSpec spec, byte[] sha256) {
    }

    /** The header and signal section of the file that starts with {@code head}, checked. */
    static Head readHead(byte[] head) throws BadInputException {
        if (!InrContainer.hasMagic(head)) {
            throw new UnsupportedFormatException("not an .inr file (no INRK magic)");
        }
        verify(head.length >= InrFormat.SPEC_BYTES, head.length, "truncated .inr header: " + head.length + " bytes");
        ByteReader r = new ByteReader(head, 0, InrFormat.SPEC_BYTES, ".inr header");
        int version = version(r);
        ByteReader signal = signalSection(r);
        SignalSpec spec = readSignal(signal);
        return new Head(version, spec, signal.bytes(InrFormat.SHA256_BYTES));
    }

    /** Skips the magic and reads the version: 1 or 2. */
    private static int version(ByteReader r) throws BadInputException {
        r.skip(4);
        int version = r.u8();
        if (version != InrFormat.VERSION && version != InrFormat.VERSION_1) {
            throw new UnsupportedFormatException(".inr format version " + version + " (this INRKit reads versions "
                    + InrFormat.VERSION_1 + " and " + InrFormat.VERSION + ")");
        }
        return version;
    }

    /** Checks the flags; returns the signal section's payload. */
    private static ByteReader signalSection(ByteReader r) throws BadInputException {
        int flags = r.u8();
        int reserved = r.u16();
        if (flags != 0 || reserved != 0) {
            throw new UnsupportedFormatException(".inr flags " + flags + "/" + reserved + " are not known to this version");
        }
        return nextSection(r, InrFormat.TAG_SIGNAL).payload();
    }

    private static InrContainer parseRest(ByteReader r, int version, SignalSpec spec, byte[] sha)
            throws BadInputException {
        List<StoredNetwork> models = new ArrayList<>();
        List<Integer> modelOffsets = new ArrayList<>();
        StoredContextNet contextNet = null;
        int contextNetAt = -1;
        Section next = nextSection(r, -1);
        long parameters = 0;
        while (next.tag() == InrFormat.TAG_MODEL) {
            int sections = models.size() + (contextNet != null ? 1 : 0);
            int payloadAt = next.payload().position();
            verify(sections < InrFormat.MAX_MODELS, next.start(), "more than " + InrFormat.MAX_MODELS + " models");
            ModelSection section = ModelSectionReader.read(next.payload(), spec, "model " + sections,
                    InrFormat.MAX_PARAMETERS_TOTAL - parameters);
            parameters += section.parameters();
            if (section instanceof StoredContextNet n) {
                verify(contextNet == null && models.isEmpty(), next.start(), "a context network shares the file "
                        + "with another model");
                contextNet = n;
                contextNetAt = next.start();
            } else {
                verify(contextNet == null, next.start(), "a context network shares the file with another model");
                modelOffsets.add(payloadAt);
                models.add((StoredNetwork) section);
            }
            next = nextSection(r, -1);
        }
        checkCoverage(spec, models, modelOffsets, next.start());
        TileIndex index = null;
        if (version != InrFormat.VERSION_1) {
            verify(next.tag() == InrFormat.TAG_TILES, next.start(),
                    "expected the tiles section, found section '" + printable(next.tag()) + "'");
            index = TileIndex.read(next.payload(), spec);
            next = nextSection(r, -1);
        }
        verify(next.tag() == InrFormat.TAG_BITS, next.start(),
                "expected the bits section, found section '" + printable(next.tag()) + "'");
        ByteReader bits = next.payload();
        int modeAt = bits.position();
        int mode = bits.u8();
        if (mode > InrFormat.MAX_MODE) {
            throw new UnsupportedFormatException("unknown coding mode " + mode);
        }
        if (InrFormat.contextNetMode(mode)) {
            verify(contextNet != null, modeAt, "coding mode " + mode + " needs a context network, the file has none");
        } else {
            verify(contextNet == null, contextNetAt, "a context network in a file coded in mode " + mode
                    + ", which does not use one");
            verify(InrFormat.contextOnlyMode(mode) || !models.isEmpty(), modeAt,
                    "coding mode " + mode + " needs models, the file has none");
        }
        verify(!InrFormat.windowMode(mode) || spec.kind() == SignalKind.AUDIO, modeAt,
                "coding mode " + mode + " codes audio, the file holds an image");
        verify(!InrFormat.imageWindowMode(mode) || spec.kind() == SignalKind.IMAGE, modeAt,
                "coding mode " + mode + " codes images, the file holds audio");
        verify(!InrFormat.valueMode(mode) || spec.bitDepth() <= InrFormat.MAX_VALUE_MODE_BITS, modeAt,
                "coding mode " + mode + " codes images of at most " + InrFormat.MAX_VALUE_MODE_BITS + " bits, the file's are "
                        + spec.bitDepth());
        TiledBits tiles = index == null
                ? new TiledBits(Tiling.whole(spec), List.of(bits.bytes(bits.remaining())), null)
                : index.split(bits);
        ByteReader end = nextSection(r, InrFormat.TAG_END).payload();
        requireConsumed(end, "end section");
        verify(r.remaining() == 0, r.position(), r.remaining() + " bytes after the end section");
        return new InrContainer(version, spec, sha, models, contextNet, mode, tiles);
    }

    /** A section's tag, a reader over its payload, and where its frame starts in the file. */
    private record Section(int tag, ByteReader payload, int start) {
    }

    /** Reads one section's frame, checks its CRC (and its tag when {@code expected >= 0}). */
    private static Section nextSection(ByteReader r, int expected) throws CorruptInputException {
        int start = r.position();
        int tag = r.u8();
        int length = r.u32Max(r.remaining() - 4L, "section '" + printable(tag) + "' length");
        int at = r.skip(length);
        long stored = r.u32();
        CRC32C crc = new CRC32C();
        crc.update(r.data(), start, 5 + length);
        verify(crc.getValue() == stored, start, "CRC32C mismatch in section '" + printable(tag) + "'");
        verify(expected < 0 || tag == expected, start,
                "expected section '" + (char) expected + "', found '" + printable(tag) + "'");
        return new Section(tag, new ByteReader(r.data(), at, length, "section '" + printable(tag) + "'"), start);
    }

    private static SignalSpec readSignal(ByteReader s) throws BadInputException {
        int at = s.position();
        int kind = s.u8();
        int channels = s.u16();
        int bits = s.u8();
        int signed = s.u8();
        int sizeAt = s.position();
        long d0 = s.u32();
        long d1 = s.u32();
        double rate = s.f64();
        verify(kind <= InrFormat.KIND_AUDIO && signed <= 1, at, "signal section: kind " + kind + ", signed " + signed);
        verify(d0 <= Integer.MAX_VALUE && d1 <= Integer.MAX_VALUE, sizeAt,
                "signal section: impossible size " + d0 + " x " + d1);
        SignalSpec spec;
        try {
            spec = kind == InrFormat.KIND_IMAGE
                    ? SignalSpec.image((int) d0, (int) d1, channels, bits, signed == 1)
                    : SignalSpec.audio((int) d0, channels, bits, signed == 1, rate);
        } catch (IllegalArgumentException e) {
            throw ByteReader.corrupt(at, "signal section: " + e.getMessage(), e);
        }
        verify(!(kind == InrFormat.KIND_AUDIO && d1 != 1 || kind == InrFormat.KIND_IMAGE && rate != 0), at,
                "signal section: inconsistent fields for " + spec.kind().displayName());
        return spec;
    }

    /**
     * Models, when present, cover every position exactly once, in order. {@code offsets} are
     * where each model section's payload starts, {@code bitsAt} the frame that follows them.
     */
    private static void checkCoverage(SignalSpec spec, List<StoredNetwork> models, List<Integer> offsets, int bitsAt)
            throws CorruptInputException {
        if (models.isEmpty()) {
            return;
        }
        long positions = spec.kind() == SignalKind.AUDIO ? spec.frames() : spec.positions();
        long next = 0;
        for (int i = 0; i < models.size(); i++) {
            if (models.get(i).start() != next) {
                throw ByteReader.corrupt(offsets.get(i), "models leave a gap or overlap at position " + next);
            }
            next += models.get(i).count();
        }
        verify(next == positions, bitsAt, "models cover " + next + " of " + positions + " positions");
        verify(spec.kind() != SignalKind.IMAGE || models.size() == 1, offsets.get(Math.min(1, offsets.size() - 1)),
                "an image has one model, the file has " + models.size());
    }

    static void requireConsumed(ByteReader r, String what) throws CorruptInputException {
        verify(r.remaining() == 0, r.position(), what + ": " + r.remaining() + " unexpected trailing bytes");
    }

    static String printable(int tag) {
        return tag >= 32 && tag < 127 ? String.valueOf((char) tag) : String.format("0x%02X", tag);
    }
}
