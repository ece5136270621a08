package io.inrkit.codec.internal.search;

import io.inrkit.codec.internal.format.InrContainer;
import io.inrkit.codec.internal.format.InrFormat;
import io.inrkit.codec.internal.format.StoredNetwork;
import io.inrkit.codec.internal.model.ModelSideInformation;
import io.inrkit.codec.internal.model.SampleCodec;
import io.inrkit.core.Signal;
import java.util.List;

/**
 * What a set of stored models costs in a file: the bits coded mixed with the context model and by
 * the network alone, the better of the two in a container, and the models' share of it.
 *
 * @param container  the file with the better coding mode
 * @param size       its bytes
 * @param modelBytes bytes the models add (size minus the same file without them)
 * @param mixedBytes coded bits, mixed mode
 * @param inrBytes   coded bits, network alone
 * @param bitErrors  bits the thresholded models alone get wrong (from the same probabilities)
 */
public record Cost(InrContainer container, int size, int modelBytes, int mixedBytes, int inrBytes, long bitErrors) {

    public static Cost of(Signal s, byte[] sha, List<? extends StoredNetwork> models, int threads) {
        ModelSideInformation side = new ModelSideInformation(s.spec(), models, threads);
        byte[] mixed = SampleCodec.encode(s, side, InrFormat.MODE_MIXED);
        byte[] inr = SampleCodec.encode(s, side, InrFormat.MODE_INR);
        int mode = inr.length < mixed.length ? InrFormat.MODE_INR : InrFormat.MODE_MIXED;
        InrContainer c = new InrContainer(s.spec(), sha, List.copyOf(models), mode, mode == InrFormat.MODE_INR ? inr : mixed);
        int size = c.toBytes().length;
        int modelBytes = size - new InrContainer(s.spec(), sha, List.of(), mode, c.coded()).toBytes().length;
        return new Cost(c, size, modelBytes, mixed.length, inr.length, side.bitErrors(s));
    }
}
