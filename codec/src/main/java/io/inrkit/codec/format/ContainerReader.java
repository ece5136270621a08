package io.inrkit.codec.format;

import io.inrkit.codec.quant.QuantizedTensor;
import io.inrkit.codec.quant.TensorFormat;
import io.inrkit.core.BadInputException;
import io.inrkit.core.CorruptInputException;
import io.inrkit.core.SignalKind;
import io.inrkit.core.SignalSpec;
import io.inrkit.core.UnsupportedFormatException;
import io.inrkit.core.model.Formulation;
import io.inrkit.core.model.InrModel;
import io.inrkit.core.model.TernaryInr;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Reads an .inr file into an {@link InrContainer}: checks every length against the bytes that
 * are there, every count and dimension against the format's limits and against each other, and
 * every section's CRC32C, before anything is allocated from a declared size.
 */
final class ContainerReader {

    private ContainerReader() {
    }

    static InrContainer parse(byte[] data) throws BadInputException {
        if (data.length == 0) {
            throw new CorruptInputException("empty file");
        }
        if (!InrContainer.hasMagic(data)) {
            throw new UnsupportedFormatException("not an .inr file (no INRK magic)");
        }
        ByteReader r = new ByteReader(data, 0, data.length, ".inr header");
        ByteReader signal = signalSection(r);
        SignalSpec spec = readSignal(signal);
        byte[] sha = signal.bytes(InrFormat.SHA256_BYTES);
        requireConsumed(signal, "signal section");
        return parseRest(r, spec, sha, data);
    }

    /**
     * The signal described by the first {@link InrFormat#SPEC_BYTES} bytes of an .inr file (the
     * header and the CRC-checked signal section), without reading its models or bits: what a
     * javax.sound provider reports before decoding.
     */
    static SignalSpec readSpec(byte[] head) throws BadInputException {
        if (!InrContainer.hasMagic(head)) {
            throw new UnsupportedFormatException("not an .inr file (no INRK magic)");
        }
        if (head.length < InrFormat.SPEC_BYTES) {
            throw new CorruptInputException("truncated .inr header: " + head.length + " bytes");
        }
        ByteReader r = new ByteReader(head, 0, InrFormat.SPEC_BYTES, ".inr header");
        return readSignal(signalSection(r));
    }

    /** Checks magic, version and flags; returns the signal section's payload. */
    private static ByteReader signalSection(ByteReader r) throws BadInputException {
        r.skip(4);
        int version = r.u8();
        if (version != InrFormat.VERSION) {
            throw new UnsupportedFormatException(".inr format version " + version + " (this INRKit reads version "
                    + InrFormat.VERSION + ")");
        }
        int flags = r.u8();
        int reserved = r.u16();
        if (flags != 0 || reserved != 0) {
            throw new UnsupportedFormatException(".inr flags " + flags + "/" + reserved + " are not known to this version");
        }
        return nextSection(r, InrFormat.TAG_SIGNAL).payload();
    }

    private static InrContainer parseRest(ByteReader r, SignalSpec spec, byte[] sha, byte[] data) throws BadInputException {
        List<StoredNetwork> models = new ArrayList<>();
        Section next = nextSection(r, -1);
        long parameters = 0;
        while (next.tag() == InrFormat.TAG_MODEL) {
            if (models.size() >= InrFormat.MAX_MODELS) {
                throw new CorruptInputException("more than " + InrFormat.MAX_MODELS + " models");
            }
            StoredNetwork model = readModel(next.payload(), spec, models, InrFormat.MAX_PARAMETERS_TOTAL - parameters);
            parameters += model.parameters();
            models.add(model);
            next = nextSection(r, -1);
        }
        if (next.tag() != InrFormat.TAG_BITS) {
            throw new CorruptInputException("expected the bits section, found section '" + printable(next.tag()) + "'");
        }
        ByteReader bits = next.payload();
        checkCoverage(spec, models);
        int mode = bits.u8();
        if (mode > InrFormat.MODE_INR) {
            throw new UnsupportedFormatException("unknown coding mode " + mode);
        }
        if (mode != InrFormat.MODE_CONTEXT && models.isEmpty()) {
            throw new CorruptInputException("coding mode " + mode + " needs models, the file has none");
        }
        byte[] coded = bits.bytes(bits.remaining());
        ByteReader end = nextSection(r, InrFormat.TAG_END).payload();
        requireConsumed(end, "end section");
        if (r.remaining() != 0) {
            throw new CorruptInputException(r.remaining() + " bytes after the end section");
        }
        return new InrContainer(spec, sha, models, mode, coded);
    }

    /** A section's tag and a reader over its payload. */
    private record Section(int tag, ByteReader payload) {
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
        if (crc.getValue() != stored) {
            throw new CorruptInputException("CRC32C mismatch in section '" + printable(tag) + "' at byte " + start);
        }
        if (expected >= 0 && tag != expected) {
            throw new CorruptInputException("expected section '" + (char) expected + "', found '" + printable(tag) + "'");
        }
        return new Section(tag, new ByteReader(r.data(), at, length, "section '" + printable(tag) + "'"));
    }

    private static SignalSpec readSignal(ByteReader s) throws BadInputException {
        int kind = s.u8();
        int channels = s.u16();
        int bits = s.u8();
        int signed = s.u8();
        long d0 = s.u32();
        long d1 = s.u32();
        double rate = s.f64();
        if (kind > InrFormat.KIND_AUDIO || signed > 1) {
            throw new CorruptInputException("signal section: kind " + kind + ", signed " + signed);
        }
        if (d0 > Integer.MAX_VALUE || d1 > Integer.MAX_VALUE) {
            throw new CorruptInputException("signal section: impossible size " + d0 + " x " + d1);
        }
        SignalSpec spec;
        try {
            spec = kind == InrFormat.KIND_IMAGE
                    ? SignalSpec.image((int) d0, (int) d1, channels, bits, signed == 1)
                    : SignalSpec.audio((int) d0, channels, bits, signed == 1, rate);
        } catch (IllegalArgumentException e) {
            throw new CorruptInputException("signal section: " + e.getMessage(), e);
        }
        if (kind == InrFormat.KIND_AUDIO && d1 != 1 || kind == InrFormat.KIND_IMAGE && rate != 0) {
            throw new CorruptInputException("signal section: inconsistent fields for " + spec.kind().displayName());
        }
        checkMemory(spec);
        return spec;
    }

    /**
     * Refuses a signal this JVM cannot hold while decoding (samples, bit probabilities), so that
     * a small file declaring a huge signal ends in an error, not an OutOfMemoryError.
     */
    static void checkMemory(SignalSpec spec) throws BadInputException {
        long bytes = (long) spec.sampleCount() * (4 + 4 + 2L * spec.bitDepth());
        Runtime rt = Runtime.getRuntime();
        long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        if (bytes > free) {
            throw new BadInputException("the file declares " + spec.describe() + ", which needs about "
                    + (bytes >> 20) + " MiB to decode; " + (free >> 20) + " MiB are free (raise -Xmx in JAVA_OPTS)");
        }
    }

    private static StoredNetwork readModel(ByteReader m, SignalSpec spec, List<StoredNetwork> before, long allowed)
            throws BadInputException {
        long positions = spec.kind() == SignalKind.AUDIO ? spec.frames() : spec.positions();
        int start = m.u32Max(positions, "model start");
        int count = m.u32Max(positions - start, "model length");
        if (count < 1) {
            throw new CorruptInputException("model covers no positions");
        }
        int f = m.u8();
        SignalSpec segment = spec.kind() == SignalKind.AUDIO ? spec.withShape(count) : spec;
        if (f == InrFormat.FORMULATION_TERNARY_BITLINEAR) {
            return readTernaryModel(m, segment, start, count, "model " + before.size(), allowed);
        }
        Formulation formulation = switch (f) {
            case InrFormat.FORMULATION_PLANE_HEADS -> Formulation.PLANE_HEADS;
            case InrFormat.FORMULATION_BIT_INPUT -> Formulation.BIT_INPUT;
            default -> throw new UnsupportedFormatException("unknown formulation id " + f);
        };
        int layers = m.u8();
        if (layers < 2 || layers > InrFormat.MAX_LAYERS) {
            throw new CorruptInputException("model has " + layers + " layers (2.." + InrFormat.MAX_LAYERS + ")");
        }
        int expectIn = InrModel.inputDimension(segment, formulation);
        long parameters = 0;
        List<StoredLayer> out = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            String what = "model " + before.size() + " layer " + l;
            int in = m.u16();
            int units = m.u16();
            float omega = m.f32();
            boolean last = l == layers - 1;
            if (in != expectIn || units < 1 || units > InrFormat.MAX_UNITS) {
                throw new CorruptInputException(what + ": " + in + " -> " + units + " units (expected " + expectIn + " inputs)");
            }
            if (last ? omega != 0 : !(omega > 0 && Float.isFinite(omega))) {
                throw new CorruptInputException(what + ": omega " + omega);
            }
            parameters += (long) in * units + units;
            if (parameters > Math.min(InrFormat.MAX_PARAMETERS_PER_MODEL, allowed)) {
                throw new CorruptInputException(what + ": more parameters than a file may hold ("
                        + InrFormat.MAX_PARAMETERS_PER_MODEL + " per model, " + InrFormat.MAX_PARAMETERS_TOTAL + " in all)");
            }
            QuantizedTensor w = TensorCoding.read(m, in, units, what + " weights");
            QuantizedTensor b = TensorCoding.read(m, 1, units, what + " bias");
            out.add(new StoredLayer(in, units, omega, w, b));
            expectIn = units;
        }
        if (expectIn != InrModel.outputDimension(segment, formulation)) {
            throw new CorruptInputException("model " + before.size() + " gives " + expectIn + " outputs, the signal needs "
                    + InrModel.outputDimension(segment, formulation));
        }
        requireConsumed(m, "model section");
        return new StoredModel(start, count, formulation, out);
    }

    /** The rest of a formulation-2 model section: frequencies, layers, and ternary weight tensors. */
    private static StoredTernaryModel readTernaryModel(ByteReader m, SignalSpec segment, int start, int count,
            String name, long allowed) throws BadInputException {
        int frequencies = m.u8();
        if (frequencies > TernaryInr.MAX_FREQUENCIES) {
            throw new CorruptInputException(name + ": " + frequencies + " encoding frequencies (0.."
                    + TernaryInr.MAX_FREQUENCIES + ")");
        }
        int layers = m.u8();
        if (layers < 1 || layers > InrFormat.MAX_LAYERS) {
            throw new CorruptInputException(name + " has " + layers + " layers (1.." + InrFormat.MAX_LAYERS + ")");
        }
        int expectIn = TernaryInr.featureCount(segment.rank(), frequencies);
        long parameters = 0;
        List<QuantizedTensor> weights = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            String what = name + " layer " + l;
            int in = m.u16();
            int units = m.u16();
            if (in != expectIn || units < 1 || units > InrFormat.MAX_UNITS) {
                throw new CorruptInputException(what + ": " + in + " -> " + units + " units (expected " + expectIn + " inputs)");
            }
            parameters += (long) in * units;
            if (parameters > Math.min(InrFormat.MAX_PARAMETERS_PER_MODEL, allowed)) {
                throw new CorruptInputException(what + ": more parameters than a file may hold ("
                        + InrFormat.MAX_PARAMETERS_PER_MODEL + " per model, " + InrFormat.MAX_PARAMETERS_TOTAL + " in all)");
            }
            QuantizedTensor w = TensorCoding.read(m, in, units, what + " weights");
            if (w.format() != TensorFormat.TERNARY) {
                throw new CorruptInputException(what + ": a ternary network's weights must be ternary, not "
                        + w.format().cliName());
            }
            weights.add(w);
            expectIn = units;
        }
        int logits = segment.channels() * segment.bitDepth();
        if (expectIn != logits) {
            throw new CorruptInputException(name + " gives " + expectIn + " outputs, the signal needs " + logits);
        }
        requireConsumed(m, "model section");
        return new StoredTernaryModel(start, count, frequencies, weights);
    }

    /** Models, when present, cover every position exactly once, in order. */
    private static void checkCoverage(SignalSpec spec, List<StoredNetwork> models) throws CorruptInputException {
        if (models.isEmpty()) {
            return;
        }
        long positions = spec.kind() == SignalKind.AUDIO ? spec.frames() : spec.positions();
        long next = 0;
        for (StoredNetwork m : models) {
            if (m.start() != next) {
                throw new CorruptInputException("models leave a gap or overlap at position " + next);
            }
            next += m.count();
        }
        if (next != positions) {
            throw new CorruptInputException("models cover " + next + " of " + positions + " positions");
        }
        if (spec.kind() == SignalKind.IMAGE && models.size() != 1) {
            throw new CorruptInputException("an image has one model, the file has " + models.size());
        }
    }

    private static void requireConsumed(ByteReader r, String what) throws CorruptInputException {
        if (r.remaining() != 0) {
            throw new CorruptInputException(what + ": " + r.remaining() + " unexpected trailing bytes");
        }
    }

    private static String printable(int tag) {
        return tag >= 32 && tag < 127 ? String.valueOf((char) tag) : String.format("0x%02X", tag);
    }
}
