package io.inrkit.codec;

import io.inrkit.codec.format.InrContainer;
import io.inrkit.codec.format.SampleHash;
import io.inrkit.codec.model.ModelSideInformation;
import io.inrkit.codec.model.SampleCodec;
import io.inrkit.core.BadInputException;
import io.inrkit.core.CorruptInputException;
import io.inrkit.core.Signal;
import java.util.Arrays;

/**
 * Reads .inr files back into signals. Validates the container, evaluates the stored models with
 * the deterministic engine, decodes every bit with the same models the encoder used, and checks
 * the samples' SHA-256 against the file's: a decode either gives back exactly the original samples
 * or ends in {@link CorruptInputException}.
 */
public final class Decoder {

    private Decoder() {
    }

    public static Signal decode(byte[] file, int threads) throws BadInputException {
        InrContainer c = InrContainer.parse(file);
        ModelSideInformation side = c.models().isEmpty() ? null
                : new ModelSideInformation(c.spec(), c.models(), threads);
        Signal s = SampleCodec.decode(c.spec(), c.coded(), side, c.mode());
        if (!Arrays.equals(SampleHash.of(s), c.sha256())) {
            throw new CorruptInputException("decoded samples do not match the file's SHA-256: the coded bits are corrupt");
        }
        return s;
    }

    /** Whether {@code data} starts like an .inr file. */
    public static boolean isInr(byte[] data) {
        return InrContainer.hasMagic(data);
    }

}
