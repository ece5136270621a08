package io.inrkit.codec.internal.search;

import io.inrkit.codec.internal.format.InrContainer;
import io.inrkit.codec.internal.format.InrFormat;
import io.inrkit.codec.internal.format.StoredNetwork;
import io.inrkit.codec.internal.format.TiledBits;
import io.inrkit.codec.internal.format.Tiling;
import io.inrkit.codec.internal.model.ModelSideInformation;
import io.inrkit.codec.internal.model.TiledCoding;
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

    /** The cost in the encoder's default tiles ({@link Tiling#standard}). */
    public static Cost of(Signal s, byte[] sha, List<? extends StoredNetwork> models, int threads) {
        return of(s, sha, models, Tiling.standard(s.spec()), threads);
    }

    /** The cost with the first context model; the weight search compares formats with it, as it is faster. */
    public static Cost of(Signal s, byte[] sha, List<? extends StoredNetwork> models, Tiling tiling, int threads) {
        return of(s, sha, models, tiling, threads, InrFormat.MODE_MIXED);
    }

    /** @param mixedMode {@link InrFormat#MODE_MIXED} or {@link InrFormat#MODE_MIXED2}: the context model to mix with */
    public static Cost of(Signal s, byte[] sha, List<? extends StoredNetwork> models, Tiling tiling, int threads,
            int mixedMode) {
        ModelSideInformation side = new ModelSideInformation(s.spec(), models, threads);
        TiledBits mixed = TiledCoding.encode(s, side, mixedMode, tiling, threads);
        TiledBits inr = TiledCoding.encode(s, side, InrFormat.MODE_INR, tiling, threads);
        boolean inrSmaller = inr.codedBytes() < mixed.codedBytes();
        int mode = inrSmaller ? InrFormat.MODE_INR : mixedMode;
        InrContainer c = InrContainer.of(s.spec(), sha, models, mode, inrSmaller ? inr : mixed);
        int size = c.toBytes().length;
        int modelBytes = size - InrContainer.of(s.spec(), sha, List.of(), mode, c.bits()).toBytes().length;
        return new Cost(c, size, modelBytes, Math.toIntExact(mixed.codedBytes()), Math.toIntExact(inr.codedBytes()),
                side.bitErrors(s));
    }
}
