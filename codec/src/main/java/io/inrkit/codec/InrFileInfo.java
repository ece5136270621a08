package io.inrkit.codec;

import io.inrkit.codec.internal.format.InrContainer;
import io.inrkit.codec.internal.format.InrFormat;
import io.inrkit.codec.internal.format.StoredNetwork;
import io.inrkit.core.BadInputException;
import io.inrkit.core.SignalKind;
import io.inrkit.core.SignalSpec;
import java.util.List;
import java.util.Optional;

/**
 * What an .inr file holds, read and validated without decoding its samples: the signal, the
 * stored networks, how the bits were coded, and where the bytes go (docs/FORMAT.md).
 *
 * @param spec the signal
 * @param version the format version of the file
 * @param networks a description of each stored network, in position order (none, one for an
 *     image, one per audio segment)
 * @param parameters the networks' parameters in all
 * @param codingMode how the bits were coded: "context" (the context model alone), "mixed" (with
 *     the networks' predictions) or "inr" (the networks' predictions alone)
 * @param sizes bytes of each part of the file
 */
public record InrFileInfo(SignalSpec spec, int version, List<String> networks, long parameters, String codingMode,
        Sizes sizes) {

    /** Bytes to read to tell an .inr file and its kind ({@link #kindOf}). */
    public static final int PEEK_BYTES = InrFormat.PEEK_BYTES;

    /** Bytes at the start of a file that describe its signal ({@link #readSpec}). */
    public static final int SPEC_BYTES = InrFormat.SPEC_BYTES;

    /** Bytes of each part of a file: header (magic, signal and end sections), models, coded bits. */
    public record Sizes(int header, int models, int bits, int total) {
    }

    public InrFileInfo {
        networks = List.copyOf(networks);
    }

    /** Parses and validates a whole .inr file; the samples are not decoded. */
    public static InrFileInfo read(byte[] file) throws BadInputException {
        return of(InrContainer.parse(file));
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
        return new InrFileInfo(c.spec(), InrFormat.VERSION, c.models().stream().map(StoredNetwork::describe).toList(),
                c.models().stream().mapToLong(StoredNetwork::parameters).sum(), modeName(c.mode()),
                new Sizes(s.header(), s.models(), s.bits(), s.total()));
    }

    private static String modeName(int mode) {
        return switch (mode) {
            case InrFormat.MODE_CONTEXT -> "context";
            case InrFormat.MODE_MIXED -> "mixed";
            default -> "inr";
        };
    }
}
