package io.inrkit.codec.internal.format;

import io.inrkit.core.BadInputException;
import io.inrkit.core.SignalSpec;
import java.util.Arrays;
import java.util.List;

/**
 * The .inr container (docs/FORMAT.md, versions 1 and 2): what a file holds, parsed and validated, or about to be
 * written. {@link #parse} checks every length against the bytes that are there, every count and
 * dimension against the format's limits and against each other, and every section's CRC32C,
 * before anything is allocated from a declared size; any defect is one {@link BadInputException}.
 * The bytes themselves are {@link ContainerWriter}'s and {@link ContainerReader}'s business.
 *
 * @param version the format version: {@link InrFormat#VERSION} for every file written now; 1 for
 *     a file of version 1, read (one tile, no tile checksums)
 * @param spec the signal
 * @param sha256 SHA-256 of the original samples (see {@link SampleHash})
 * @param models the stored networks, in position order (none, one for an image, one per audio segment)
 * @param contextNet the context network, in a file coded in a mode that uses one ({@link InrFormat#contextNetMode})
 *     (and no other models); otherwise null
 * @param mode how the bits were coded: {@link InrFormat#MODE_CONTEXT}, MIXED, INR, ...
 * @param bits the arithmetic-coded bits, tile by tile
 */
public record InrContainer(int version, SignalSpec spec, byte[] sha256, List<StoredNetwork> models,
        StoredContextNet contextNet, int mode, TiledBits bits) {

    public InrContainer {
        models = List.copyOf(models);
        if ((contextNet != null) != InrFormat.contextNetMode(mode) || contextNet != null && !models.isEmpty()) {
            throw new IllegalArgumentException("a context network goes with its own coding mode, and alone");
        }
        if (version == InrFormat.VERSION_1 && (bits.checksums() != null || bits.streams().size() != 1)) {
            throw new IllegalArgumentException("a version-1 file holds one tile without checksums");
        }
    }

    /** A file to write, in the current format version. */
    public static InrContainer of(SignalSpec spec, byte[] sha256, List<? extends StoredNetwork> models, int mode,
            TiledBits bits) {
        return new InrContainer(InrFormat.VERSION, spec, sha256, List.copyOf(models), null, mode, bits);
    }

    /** A file to write whose bits were coded with context network {@code net} in {@code mode} (5 or 11). */
    public static InrContainer withContextNet(SignalSpec spec, byte[] sha256, StoredContextNet net, int mode,
            TiledBits bits) {
        return new InrContainer(InrFormat.VERSION, spec, sha256, List.of(), net, mode, bits);
    }

    /** Bytes the model section of context network {@code net} adds to a file of {@code spec}. */
    public static int contextNetBytes(SignalSpec spec, StoredContextNet net) {
        return InrFormat.SECTION_OVERHEAD + ContainerWriter.contextNet(spec, net).length;
    }

    /** Bytes of each part of a written file, for reports. */
    public record Sizes(int header, int models, int bits, int total) {
    }

    public byte[] toBytes() {
        return ContainerWriter.write(this);
    }

    /** Sizes of the parts of {@link #toBytes()}. */
    public Sizes sizes() {
        int header = InrFormat.HEADER_BYTES + InrFormat.SECTION_OVERHEAD + InrFormat.SIGNAL_PAYLOAD_BYTES
                + InrFormat.SECTION_OVERHEAD; // magic, signal section, end section
        long coded = InrFormat.SECTION_OVERHEAD + 1 + this.bits.codedBytes();
        if (version != InrFormat.VERSION_1) {
            coded += InrFormat.SECTION_OVERHEAD + InrFormat.TILES_HEADER_BYTES
                    + (long) InrFormat.TILE_ENTRY_BYTES * this.bits.streams().size();
        }
        // Counted, not written: writing a 12-megapixel photo's file to measure it took a third of a second.
        long models = ContainerWriter.modelBytes(this);
        return new Sizes(header, Math.toIntExact(models), Math.toIntExact(coded), Math.toIntExact(header + models + coded));
    }

    /** Whether {@code data} starts with the .inr magic. */
    public static boolean hasMagic(byte[] data) {
        return data.length >= 4 && data[0] == 'I' && data[1] == 'N' && data[2] == 'R' && data[3] == 'K';
    }

    /** Parses and validates a whole .inr file. */
    public static InrContainer parse(byte[] data) throws BadInputException {
        return ContainerReader.parse(data);
    }

    /**
     * The signal described by the first {@link InrFormat#SPEC_BYTES} bytes of an .inr file (the
     * header and the CRC-checked signal section), without reading its models or bits: what a
     * javax.sound provider reports before decoding.
     */
    public static SignalSpec readSpec(byte[] head) throws BadInputException {
        return ContainerReader.readSpec(head);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InrContainer c && version == c.version && spec.equals(c.spec)
                && Arrays.equals(sha256, c.sha256) && models.equals(c.models)
                && java.util.Objects.equals(contextNet, c.contextNet) && mode == c.mode && bits.equals(c.bits);
    }

    @Override
    public int hashCode() {
        return spec.hashCode() * 31 + bits.hashCode();
    }
}
