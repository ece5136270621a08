package io.inrkit.codec;

import io.inrkit.codec.internal.format.InrContainer;
import io.inrkit.codec.internal.format.SampleHash;
import io.inrkit.codec.internal.format.StoredNetwork;
import io.inrkit.codec.internal.model.ModelSideInformation;
import io.inrkit.codec.internal.model.SampleCodec;
import io.inrkit.core.BadInputException;
import io.inrkit.core.CorruptInputException;
import io.inrkit.core.Signal;
import java.util.Arrays;

/**
 * Reads .inr files back into signals. Validates the container, evaluates the stored models with
 * the deterministic engine, decodes every bit with the same models the encoder used, and checks
 * the samples' SHA-256 against the file's: a decode either gives back exactly the original samples
 * or ends in {@link CorruptInputException}. A file that declares a signal over the caller's
 * {@link DecodeOptions} limits ends in {@link io.inrkit.core.MemoryLimitException} before decoding.
 *
 * <p>Thread-safe: every method may be called from several threads at once, on the same bytes or
 * on different files; none keeps state between calls or changes the array it is given.
 */
public final class Decoder {

    private Decoder() {
    }

    /** {@link #decode(byte[], DecodeOptions)} on {@code threads} threads, with the default limits. */
    public static Signal decode(byte[] file, int threads) throws BadInputException {
        return decode(file, DecodeOptions.builder().threads(threads).build());
    }

    public static Signal decode(byte[] file, DecodeOptions options) throws BadInputException {
        InrContainer c = InrContainer.parse(file);
        // The parse allocates only what the file's bytes and the format's model limits bound;
        // the samples and their probabilities, what the signal's declared size sets, come after.
        options.check(c.spec());
        options.checkModels(c.models().stream().mapToLong(StoredNetwork::parameters).sum());
        ModelSideInformation side = c.models().isEmpty() ? null
                : new ModelSideInformation(c.spec(), c.models(), options.threads());
        Signal s = SampleCodec.decode(c.spec(), c.coded(), side, c.mode());
        if (!Arrays.equals(SampleHash.of(s), c.sha256())) {
            throw new CorruptInputException("decoded samples do not match the file's SHA-256: the coded bits are corrupt");
        }
        return s;
    }

    /**
     * Checks that {@code file} decodes to exactly {@code original} (the flac habit of
     * {@code encode --verify}): its signal description and every sample compared. A file that does
     * not is an encoder or storage fault, not bad input, so it ends in {@link IllegalStateException}
     * naming the first difference; a file that does not decode at all ends the same way, with the
     * decoder's error as the cause.
     */
    public static void verify(byte[] file, Signal original, DecodeOptions options) {
        Signal back;
        try {
            back = decode(file, options);
        } catch (BadInputException e) {
            throw new IllegalStateException("verify: the file just written does not decode: " + e.getMessage(), e);
        }
        if (!back.spec().equals(original.spec())) {
            throw new IllegalStateException("verify: the file decodes to " + back.spec().describe() + ", not "
                    + original.spec().describe());
        }
        int[] a = original.toIntArray();
        int[] b = back.toIntArray();
        int at = Arrays.mismatch(a, b);
        if (at >= 0) {
            throw new IllegalStateException("verify: sample " + at + " decodes to " + (at < b.length ? b[at] : "nothing")
                    + ", not " + (at < a.length ? a[at] : "nothing"));
        }
    }

    /** Whether {@code data} starts like an .inr file. */
    public static boolean isInr(byte[] data) {
        return InrContainer.hasMagic(data);
    }

}
