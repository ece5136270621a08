package io.inrkit.bench;

import io.inrkit.codec.internal.format.InrContainer;
import io.inrkit.codec.internal.format.InrFormat;
import io.inrkit.codec.internal.format.SampleHash;
import io.inrkit.codec.internal.format.StoredModel;
import io.inrkit.codec.internal.format.TiledBits;
import io.inrkit.codec.internal.format.Tiling;
import io.inrkit.codec.internal.model.TiledCoding;
import io.inrkit.codec.internal.quant.TensorFormat;
import io.inrkit.codec.internal.search.Cost;
import io.inrkit.codec.internal.search.TrainedNetworks;
import io.inrkit.codec.internal.search.WeightChoice;
import io.inrkit.core.Signal;
import io.inrkit.core.fit.FitListener;
import io.inrkit.core.fit.FitOptions;
import io.inrkit.core.model.Formulation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code inrkit bench quant}: one network trained on a signal, stored in every weight format and
 * by {@code auto}, each measured the way the encoder measures it: model bytes, coded bytes (the
 * better of mixed and network-alone), total file bytes, and the bits the model alone gets wrong;
 * then the integer engine against the float one on the (first) model ({@link EngineStudy}).
 */
public final class WeightFormatStudy {

    /**
     * One row of the table.
     *
     * @param method        weight format name, "auto" or "context only"
     * @param bitsPerWeight stored bits per weight before entropy coding (auto: mean over weights)
     * @param weightBytes   bytes the models take in the file (weights, biases, layer headers)
     * @param codedBytes    bytes of coded bits
     * @param totalBytes    file bytes
     * @param bitErrors     bits the thresholded model alone gets wrong (-1 without a model)
     * @param formats       auto: the format of each layer
     */
    public record Row(String method, double bitsPerWeight, int weightBytes, int codedBytes, int totalBytes,
            long bitErrors, String formats) {
    }

    /** What was measured: the rows, and the size of the signal's bit planes. */
    public record Result(List<Row> rows, long bits, long parameters, double fitSeconds, List<EngineStudy.Row> engines,
            List<TransformStudy.Row> transforms) {
    }

    private WeightFormatStudy() {
    }

    public static Result run(Signal s, FitOptions fit, int segmentFrames, int threads, FitListener progress,
            Consumer<String> stage) {
        byte[] sha = SampleHash.of(s);
        List<Row> rows = new ArrayList<>();
        stage.accept("context model");
        TiledBits context = TiledCoding.encode(s, null, InrFormat.MODE_CONTEXT, Tiling.standard(s.spec()), threads);
        int contextSize = InrContainer.of(s.spec(), sha, List.of(), InrFormat.MODE_CONTEXT, context).toBytes().length;
        rows.add(new Row("context only", 0, 0, (int) context.codedBytes(), contextSize, -1, ""));
        long start = System.nanoTime();
        TrainedNetworks fitted = TrainedNetworks.fit(s, fit.toBuilder().formulation(Formulation.PLANE_HEADS).build(), segmentFrames,
                progress);
        double fitSeconds = (System.nanoTime() - start) / 1e9;
        long parameters = fitted.models().stream().mapToLong(m -> m.parameterCount()).sum();
        for (TensorFormat f : TensorFormat.values()) {
            stage.accept("weights " + f.cliName());
            List<StoredModel> models = fitted.store(f);
            rows.add(row(f.cliName(), s, sha, models, threads, f.nominalBits(), ""));
        }
        stage.accept("weights auto");
        WeightChoice.Choice auto = WeightChoice.choose(s, sha, fitted, threads, false);
        rows.add(row("auto", s, sha, auto.models(), threads, meanBits(fitted, auto.formats()),
                String.join(",", Arrays.stream(auto.formats()).map(TensorFormat::cliName).toList())));
        stage.accept("transforms");
        List<TransformStudy.Row> transforms = TransformStudy.run(s, sha, fitted, threads);
        stage.accept("integer engine");
        Signal first = fitted.part(s, 0);
        List<EngineStudy.Row> engines = EngineStudy.run(first, fitted.models().get(0));
        return new Result(List.copyOf(rows), (long) s.sampleCount() * s.bitDepth(), parameters, fitSeconds, engines,
                transforms);
    }

    private static Row row(String name, Signal s, byte[] sha, List<StoredModel> models, int threads, double bits,
            String formats) {
        Cost c = Cost.of(s, sha, models, threads);
        return new Row(name, bits, c.modelBytes(), Math.min(c.mixedBytes(), c.inrBytes()), c.size(), c.bitErrors(),
                formats);
    }

    private static double meanBits(TrainedNetworks fitted, TensorFormat[] formats) {
        double bits = 0;
        long weights = 0;
        for (int l = 0; l < formats.length; l++) {
            long n = fitted.models().get(0).layers().get(l).weights().length;
            bits += n * formats[l].nominalBits();
            weights += n;
        }
        return bits / weights;
    }
}
