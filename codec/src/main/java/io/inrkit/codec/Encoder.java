package io.inrkit.codec;

import io.inrkit.codec.format.InrContainer;
import io.inrkit.codec.format.InrFormat;
import io.inrkit.codec.format.SampleHash;
import io.inrkit.codec.format.StoredLayer;
import io.inrkit.codec.format.StoredModel;
import io.inrkit.codec.format.StoredNetwork;
import io.inrkit.codec.format.StoredTernaryModel;
import io.inrkit.codec.quant.PhaseRewrite;
import io.inrkit.codec.quant.Quantizer;
import io.inrkit.codec.quant.TensorFormat;
import io.inrkit.core.Signal;
import io.inrkit.core.SignalKind;
import io.inrkit.core.fit.FitListener;
import io.inrkit.core.fit.FitOptions;
import io.inrkit.core.fit.FitProgress;
import io.inrkit.core.fit.FitResult;
import io.inrkit.core.fit.InrFitter;
import io.inrkit.core.model.DenseLayer;
import io.inrkit.core.model.Formulation;
import io.inrkit.core.model.InrModel;
import io.inrkit.core.model.TernaryInr;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes .inr files. The file size is header + models + coded bits, and the encoder looks for
 * the smallest: context modelling alone, then each network its options ask for (trained, phase
 * rewritten, quantized), coded both mixed with the context model and alone, keeping the smallest
 * file. With {@code losslessModel} it stores a network that reproduces every bit by itself.
 */
public final class Encoder {

    /** Hears about long encodes: a stage name, and training progress. */
    public interface Listener {
        Listener NONE = new Listener() {
        };

        default void stage(String what) {
        }

        default void fit(String candidate, FitProgress progress) {
        }
    }

    /** A network to try: a SIREN, or the paper's ternary BitLinear network. */
    record Plan(String name, int width, int layers, int iterations, double timeLimitSeconds, boolean lossless,
            boolean ternary) {

        Plan(String name, int width, int layers, int iterations, double timeLimitSeconds, boolean lossless) {
            this(name, width, layers, iterations, timeLimitSeconds, lossless, false);
        }
    }

    /**
     * A lossless model trains on after its first lossless step for this fraction of the steps it
     * took: the margins grow, so INT8 weights stay lossless more often and the bits cost almost
     * nothing to code.
     */
    static final double LOSSLESS_POLISH = 3.0;

    private Encoder() {
    }

    public static EncodeResult encode(Signal s, EncodeOptions o, Listener listener) {
        long start = System.nanoTime();
        byte[] sha = SampleHash.of(s);
        listener.stage("context model");
        byte[] context = SampleCodec.encode(s, null, InrFormat.MODE_CONTEXT);
        InrContainer best = new InrContainer(s.spec(), sha, List.of(), InrFormat.MODE_CONTEXT, context);
        int bestSize = best.toBytes().length;
        String chosen = "context only";
        List<EncodeResult.Candidate> candidates = new ArrayList<>();
        candidates.add(new EncodeResult.Candidate("context only", 0, 0, context.length, -1, -1, bestSize, false, 0));
        boolean bestFromLosslessPlan = false;
        boolean bestModelLossless = false;
        for (Plan plan : plans(s, o)) {
            listener.stage("network " + plan.name());
            long fitStart = System.nanoTime();
            List<? extends StoredNetwork> models = plan.ternary() ? ternaryModels(s, plan, o, listener)
                    : storedModels(s, sha, plan, o, listener);
            double fitSeconds = (System.nanoTime() - fitStart) / 1e9;
            listener.stage("coding with " + plan.name());
            Cost cost = Cost.of(s, sha, models, o.threads);
            boolean lossless = cost.bitErrors() == 0;
            long parameters = models.stream().mapToLong(StoredNetwork::parameters).sum();
            candidates.add(new EncodeResult.Candidate(plan.name(), parameters, cost.modelBytes(), context.length,
                    cost.inrBytes(), cost.mixedBytes(), cost.size(), lossless, fitSeconds));
            // A lossless plan is kept whatever it costs (the user asked for the model); among
            // lossless plans, a model that is lossless beats one that is not, then the smaller file.
            boolean better = plan.lossless()
                    ? !bestFromLosslessPlan || lossless && !bestModelLossless
                            || lossless == bestModelLossless && cost.size() < bestSize
                    : !bestFromLosslessPlan && cost.size() < bestSize;
            if (better) {
                best = cost.container();
                bestSize = cost.size();
                chosen = plan.name();
                bestFromLosslessPlan = plan.lossless();
                bestModelLossless = lossless;
            }
        }
        byte[] file = best.toBytes();
        return new EncodeResult(file, best, chosen, List.copyOf(candidates), (System.nanoTime() - start) / 1e9);
    }

    /** The networks to try for this signal and these options. */
    static List<Plan> plans(Signal s, EncodeOptions o) {
        boolean audio = s.kind() == SignalKind.AUDIO;
        if (o.losslessModel && o.weightFormat == TensorFormat.TERNARY && !o.autoWeights) {
            return List.of(ternaryPlan(o));
        }
        if (o.losslessModel) {
            int w = o.width > 0 ? o.width : 256;
            int l = o.layers > 0 ? o.layers : 3;
            Plan siren = new Plan(w + "x" + l + " lossless", w, l, o.iterations > 0 ? o.iterations : 20_000, 0, true);
            // auto also weighs the ternary network, where it can train in one piece: a lossless
            // model is nearly the whole file, and ternary weights cost under 2 bits each
            // (docs/QUANTIZATION.md, "Bars", has the sizes).
            int piece = audio ? Math.min(o.segmentFrames, s.spec().frames()) : s.spec().positions();
            return o.autoWeights && piece <= InrFitter.TERNARY_MAX_POSITIONS ? List.of(siren, ternaryPlan(o))
                    : List.of(siren);
        }
        if (o.explicitNetwork()) {
            int w = o.width > 0 ? o.width : 32;
            int l = o.layers > 0 ? o.layers : 2;
            return List.of(new Plan(w + "x" + l, w, l, o.iterations > 0 ? o.iterations : 1500, 0, false));
        }
        return switch (o.preset) {
            case FAST -> List.of();
            case DEFAULT -> audio ? List.of() : List.of(new Plan("32x2", 32, 2, 1500, 45, false));
            case MAX -> audio ? List.of(new Plan("16x2 per segment", 16, 2, 300, 120, false))
                    : List.of(new Plan("32x2", 32, 2, 3000, 60, false), new Plan("64x3", 64, 3, 3000, 90, false));
        };
    }

    /** The paper's extreme quantization: a lossless network trained ternary from the first step. */
    private static Plan ternaryPlan(EncodeOptions o) {
        int w = o.width > 0 ? o.width : TernaryInr.PAPER_WIDTH;
        int l = o.layers > 0 ? o.layers : TernaryInr.PAPER_HIDDEN_LAYERS;
        return new Plan("ternary " + w + "x" + l + " lossless", w, l, o.iterations > 0 ? o.iterations : 20_000, 0,
                true, true);
    }

    /** Trains the plan's network(s) and stores them quantized; lossless plans try finer formats. */
    private static List<StoredModel> storedModels(Signal s, byte[] sha, Plan plan, EncodeOptions o, Listener listener) {
        FitOptions fit = FitOptions.builder().formulation(Formulation.PLANE_HEADS).width(plan.width())
                .layers(plan.layers()).maxIterations(plan.iterations()).timeLimitSeconds(plan.timeLimitSeconds())
                .threads(o.threads).seed(o.seed).polish(plan.lossless() ? LOSSLESS_POLISH : 0).build();
        Fitted fitted = fit(s, fit, o.segmentFrames, p -> listener.fit(plan.name(), p));
        if (o.autoWeights) {
            listener.stage("choosing weight formats for " + plan.name());
            return WeightChoice.choose(s, sha, fitted, o.threads, plan.lossless()).models();
        }
        TensorFormat[] formats = plan.lossless()
                ? new TensorFormat[] {o.weightFormat, TensorFormat.FP16, TensorFormat.FP32} : new TensorFormat[] {o.weightFormat};
        List<StoredModel> stored = null;
        for (TensorFormat format : formats) {
            stored = fitted.store(format);
            if (!plan.lossless() || predictsEveryBit(s, stored, o.threads)) {
                break;
            }
        }
        return stored;
    }

    /**
     * Trains the plan's ternary BitLinear network(s), one per image or audio segment, and stores
     * them as trained: their weights are ternary already, so nothing is lost in storing.
     */
    private static List<StoredTernaryModel> ternaryModels(Signal s, Plan plan, EncodeOptions o, Listener listener) {
        FitOptions fit = FitOptions.builder().width(plan.width()).layers(plan.layers())
                .maxIterations(plan.iterations()).threads(o.threads).seed(o.seed).build();
        List<StoredTernaryModel> out = new ArrayList<>();
        int positions = s.kind() == SignalKind.AUDIO ? s.spec().frames() : s.spec().positions();
        int step = s.kind() == SignalKind.AUDIO ? o.segmentFrames : positions;
        for (int at = 0; at < positions; at += step) {
            int n = Math.min(step, positions - at);
            Signal part = s.kind() == SignalKind.AUDIO ? s.segment(at, n) : s;
            TernaryInr m = InrFitter.fitTernary(part, fit, p -> listener.fit(plan.name(), p)).model();
            out.add(StoredTernaryModel.of(m, at, n));
        }
        return out;
    }

    /** Networks trained on a signal: one for an image, one per segment of audio. */
    record Fitted(List<InrModel> models, List<int[]> ranges) {

        /** Every weight tensor in {@code format}. */
        List<StoredModel> store(TensorFormat format) {
            TensorFormat[] uniform = new TensorFormat[layerCount()];
            Arrays.fill(uniform, format);
            return store(uniform);
        }

        /** Layer l's weights in {@code formats[l]}, in every model. */
        List<StoredModel> store(TensorFormat[] formats) {
            List<StoredModel> stored = new ArrayList<>();
            for (int i = 0; i < models.size(); i++) {
                stored.add(Encoder.store(models.get(i), ranges.get(i)[0], ranges.get(i)[1], formats));
            }
            return stored;
        }

        int layerCount() {
            return models.get(0).layers().size();
        }
    }

    /** Trains the network(s) of {@code s}: audio in segments of {@code segmentFrames}. */
    static Fitted fit(Signal s, FitOptions fit, int segmentFrames, FitListener progress) {
        List<InrModel> fitted = new ArrayList<>();
        List<int[]> ranges = new ArrayList<>();
        if (s.kind() == SignalKind.AUDIO) {
            int frames = s.spec().frames();
            for (int at = 0; at < frames; at += segmentFrames) {
                int n = Math.min(segmentFrames, frames - at);
                fitted.add(InrFitter.fit(s.segment(at, n), fit, progress).model());
                ranges.add(new int[] {at, n});
            }
        } else {
            FitResult r = InrFitter.fit(s, fit, progress);
            fitted.add(r.model());
            ranges.add(new int[] {0, s.spec().positions()});
        }
        return new Fitted(List.copyOf(fitted), List.copyOf(ranges));
    }

    /** Phase rewrite, then weights in {@code format} and biases in binary16 (or binary32 for FP32). */
    static StoredModel store(InrModel model, int start, int count, TensorFormat format) {
        TensorFormat[] uniform = new TensorFormat[model.layers().size()];
        Arrays.fill(uniform, format);
        return store(model, start, count, uniform);
    }

    /** As {@link #store(InrModel, int, int, TensorFormat)}, layer l's weights in {@code formats[l]}. */
    static StoredModel store(InrModel model, int start, int count, TensorFormat[] formats) {
        InrModel m = PhaseRewrite.apply(model);
        List<StoredLayer> layers = new ArrayList<>();
        for (int i = 0; i < formats.length; i++) {
            DenseLayer l = m.layers().get(i);
            TensorFormat biasFormat = formats[i] == TensorFormat.FP32 ? TensorFormat.FP32 : TensorFormat.FP16;
            layers.add(new StoredLayer(l.inputs(), l.outputs(), l.omega(),
                    Quantizer.quantize(l.weights(), l.inputs(), l.outputs(), formats[i]),
                    Quantizer.quantize(l.bias(), 1, l.outputs(), biasFormat)));
        }
        return new StoredModel(start, count, m.formulation(), layers);
    }

    /** Whether the stored models' thresholded probabilities give back every bit of {@code s}. */
    static boolean predictsEveryBit(Signal s, List<StoredModel> models, int threads) {
        return new ModelSideInformation(s.spec(), models, threads).bitErrors(s) == 0;
    }
}
