package io.inrkit.codec.internal.format;

import io.inrkit.codec.internal.quant.QuantizedTensor;
import io.inrkit.core.SignalKind;
import io.inrkit.core.SignalSpec;
import io.inrkit.core.model.Formulation;
import java.util.zip.CRC32C;

/**
 * Writes an {@link InrContainer} as docs/FORMAT.md lays it out: header, signal, models, tiles
 * (version 2), bits, end.
 */
final class ContainerWriter {

    private ContainerWriter() {
    }

    static byte[] write(InrContainer c) {
        ByteWriter file = new ByteWriter();
        file.bytes(InrFormat.MAGIC).u8(c.version()).u8(0).u16(0);
        section(file, InrFormat.TAG_SIGNAL, signal(c.spec(), c.sha256()));
        for (StoredNetwork n : c.models()) {
            section(file, InrFormat.TAG_MODEL, model(n));
        }
        if (c.contextNet() != null) {
            section(file, InrFormat.TAG_MODEL, contextNet(c.spec(), c.contextNet()));
        }
        TiledBits bits = c.bits();
        if (c.version() != InrFormat.VERSION_1) {
            section(file, InrFormat.TAG_TILES, tiles(bits));
        }
        ByteWriter coded = new ByteWriter().u8(c.mode());
        for (byte[] stream : bits.streams()) {
            coded.bytes(stream);
        }
        section(file, InrFormat.TAG_BITS, coded.toByteArray());
        section(file, InrFormat.TAG_END, new byte[0]);
        return file.toByteArray();
    }

    /** Bytes of the model sections {@link #write} writes for {@code c}, their frames included. */
    static long modelBytes(InrContainer c) {
        long bytes = 0;
        for (StoredNetwork n : c.models()) {
            bytes += InrFormat.SECTION_OVERHEAD + model(n).length;
        }
        if (c.contextNet() != null) {
            bytes += InrFormat.SECTION_OVERHEAD + contextNet(c.spec(), c.contextNet()).length;
        }
        return bytes;
    }

    static byte[] signal(SignalSpec spec, byte[] sha256) {
        ByteWriter s = new ByteWriter();
        s.u8(spec.kind() == SignalKind.IMAGE ? InrFormat.KIND_IMAGE : InrFormat.KIND_AUDIO);
        s.u16(spec.channels()).u8(spec.bitDepth()).u8(spec.signed() ? 1 : 0);
        s.u32(spec.kind() == SignalKind.IMAGE ? spec.width() : spec.frames());
        s.u32(spec.kind() == SignalKind.IMAGE ? spec.height() : 1);
        s.f64(spec.sampleRate()).bytes(sha256);
        return s.toByteArray();
    }

    private static byte[] tiles(TiledBits bits) {
        ByteWriter t = new ByteWriter().u32(bits.tiling().tileWidth()).u32(bits.tiling().tileHeight());
        for (int i = 0; i < bits.streams().size(); i++) {
            t.u32(bits.streams().get(i).length).u32(bits.checksums()[i] & 0xFFFFFFFFL);
        }
        return t.toByteArray();
    }

    private static byte[] model(StoredNetwork n) {
        ByteWriter w = new ByteWriter();
        w.u32(n.start()).u32(n.count());
        if (n instanceof StoredModel m) {
            w.u8(m.formulation() == Formulation.PLANE_HEADS ? InrFormat.FORMULATION_PLANE_HEADS
                    : InrFormat.FORMULATION_BIT_INPUT);
            w.u8(m.layers().size());
            for (StoredLayer l : m.layers()) {
                w.u16(l.inputs()).u16(l.outputs()).f32(l.omega());
                TensorCoding.write(w, l.weights());
                TensorCoding.write(w, l.bias());
            }
        } else if (n instanceof StoredTernaryModel t) {
            w.u8(InrFormat.FORMULATION_TERNARY_BITLINEAR).u8(t.frequencies()).u8(t.weights().size());
            for (QuantizedTensor q : t.weights()) {
                w.u16(q.rows()).u16(q.cols());
                TensorCoding.write(w, q);
            }
        }
        return w.toByteArray();
    }

    /** Formulation 3: it covers every position; its input set, shape and four tensors. */
    static byte[] contextNet(SignalSpec spec, StoredContextNet n) {
        ByteWriter w = new ByteWriter();
        w.u32(0).u32(spec.positions());
        w.u8(InrFormat.FORMULATION_CONTEXT_NET).u8(StoredContextNet.IMAGE_INPUT_SET).u16(n.inputs()).u16(n.hidden());
        TensorCoding.write(w, n.weights1());
        TensorCoding.write(w, n.bias1());
        TensorCoding.write(w, n.weights2());
        TensorCoding.write(w, n.bias2());
        return w.toByteArray();
    }

    /** One section's frame around {@code payload}: tag, length, payload, CRC32C of all three. */
    static void section(ByteWriter file, int tag, byte[] payload) {
        CRC32C crc = new CRC32C();
        byte[] head = new ByteWriter().u8(tag).u32(payload.length).toByteArray();
        crc.update(head);
        crc.update(payload);
        file.bytes(head).bytes(payload).u32(crc.getValue());
    }
}
