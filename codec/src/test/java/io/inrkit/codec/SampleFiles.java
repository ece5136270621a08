package io.inrkit.codec;

import io.inrkit.codec.internal.format.InrContainer;
import io.inrkit.codec.internal.format.InrFormat;
import io.inrkit.codec.internal.format.SampleHash;
import io.inrkit.codec.internal.format.StoredContextNet;
import io.inrkit.codec.internal.format.StoredNetwork;
import io.inrkit.codec.internal.format.StoredTernaryModel;
import io.inrkit.codec.internal.format.TiledBits;
import io.inrkit.codec.internal.format.Tiling;
import io.inrkit.codec.internal.model.ContextNet;
import io.inrkit.codec.internal.model.ModelSideInformation;
import io.inrkit.codec.internal.model.TiledCoding;
import io.inrkit.codec.internal.quant.TensorFormat;
import io.inrkit.codec.internal.search.ContextNetSearch;
import io.inrkit.codec.internal.search.TrainedNetworks;
import io.inrkit.core.Signal;
import io.inrkit.core.fit.FitListener;
import io.inrkit.core.fit.FitOptions;
import io.inrkit.core.fit.InrFitter;
import java.util.List;

/**
 * Real .inr files of every kind of section, for tests that corrupt them: context only, with a
 * SIREN model section, with a ternary BitLinear model section (the last two coded in mixed mode
 * whatever an encoder would choose, so the model sections are always there).
 */
public final class SampleFiles {

    private static final FitOptions TINY = FitOptions.builder().width(8).layers(1).maxIterations(20).build();
    private static final FitOptions TINY_TERNARY = FitOptions.ternaryBuilder().width(8).layers(1).maxIterations(20)
            .build();

    private SampleFiles() {
    }

    public static byte[] contextOnly(Signal s) {
        return Encoder.encode(s, CodecTest.FAST, Encoder.Listener.NONE).file();
    }

    public static byte[] withNetwork(Signal s) {
        return mixed(s, List.of(TrainedNetworks.store(InrFitter.fit(s, TINY, FitListener.NONE).model(), 0,
                s.spec().positions(), TensorFormat.INT8_CHANNEL)));
    }

    public static byte[] withTernaryNetwork(Signal s) {
        return mixed(s, List.of(StoredTernaryModel.of(InrFitter.fitTernary(s, TINY_TERNARY, FitListener.NONE).model(), 0,
                s.spec().positions())));
    }

    /** The whole of {@code s} as one tile, coded as {@code stream} (by a test's own SampleCodec run). */
    public static TiledBits oneTile(Signal s, byte[] stream) {
        return new TiledBits(Tiling.whole(s.spec()), List.of(stream), new int[] {TiledBits.checksum(s)});
    }

    /** {@code s} coded in mixed mode with these models, as one tile. */
    public static byte[] mixed(Signal s, List<? extends StoredNetwork> models) {
        return mixed(s, models, Tiling.whole(s.spec()));
    }

    /** {@code s} coded in mixed mode with these models, in these tiles. */
    public static byte[] mixed(Signal s, List<? extends StoredNetwork> models, Tiling tiling) {
        return mixed(s, models, tiling, InrFormat.MODE_MIXED);
    }

    /**
     * {@code s} coded in these tiles with a context network of 8 hidden units fitted in 300 steps
     * to the samples its coding in {@code contextMode} (3 or 10) collects, whether or not it pays:
     * in mode 5 or 11.
     */
    public static byte[] withContextNet(Signal s, Tiling tiling, int contextMode) {
        ContextNet.Samples[] samplers = ContextNetSearch.samplers(s, tiling);
        TiledBits context = TiledCoding.encode(s, null, contextMode, null, samplers, tiling, 2);
        StoredContextNet net = ContextNetSearch.search(s, SampleHash.of(s), tiling, context, contextMode, samplers, 8,
                300, null, 5, 2).net();
        int mode = InrFormat.netMode(contextMode);
        TiledBits bits = TiledCoding.encode(s, null, mode, ContextNet.of(net), null, tiling, 2);
        return InrContainer.withContextNet(s.spec(), SampleHash.of(s), net, mode, bits).toBytes();
    }

    /**
     * {@code s} coded by a context model alone in {@code mode}, in these tiles: what the encoder
     * writes when it keeps no model, in a mode its presets may no longer choose.
     */
    public static byte[] contextOnly(Signal s, Tiling tiling, int mode) {
        TiledBits bits = TiledCoding.encode(s, null, mode, tiling, 2);
        return InrContainer.of(s.spec(), SampleHash.of(s), List.of(), mode, bits).toBytes();
    }

    /** {@code s} coded in {@code mode} (a mixed one) with these models, in these tiles. */
    public static byte[] mixed(Signal s, List<? extends StoredNetwork> models, Tiling tiling, int mode) {
        TiledBits bits = TiledCoding.encode(s, new ModelSideInformation(s.spec(), models, 1), mode, tiling, 2);
        return InrContainer.of(s.spec(), SampleHash.of(s), models, mode, bits).toBytes();
    }
}
