package io.inrkit.codec;

import io.inrkit.codec.EncodeOptions.Architecture;
import io.inrkit.codec.internal.format.InrContainer;
import io.inrkit.codec.internal.format.InrFormat;
import io.inrkit.codec.internal.format.SampleHash;
import io.inrkit.codec.internal.format.StoredModel;
import io.inrkit.codec.internal.format.StoredNetwork;
import io.inrkit.codec.internal.format.StoredTernaryModel;
import io.inrkit.codec.internal.format.TiledBits;
import io.inrkit.codec.internal.format.Tiling;
import io.inrkit.codec.internal.model.ContextNet;
import io.inrkit.codec.internal.model.TiledCoding;
import io.inrkit.codec.internal.search.ContextNetSearch;
import io.inrkit.codec.internal.quant.TensorFormat;
import io.inrkit.codec.internal.search.Cost;
import io.inrkit.codec.internal.search.TrainedNetworks;
import io.inrkit.codec.internal.search.WeightChoice;
import io.inrkit.core.Signal;
import io.inrkit.core.SignalKind;
import io.inrkit.core.fit.FitOptions;
import io.inrkit.core.fit.FitProgress;
import io.inrkit.core.fit.InrFitter;
import io.inrkit.core.internal.Segments;
import io.inrkit.core.model.Formulation;
import io.inrkit.core.model.TernaryInr;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes .inr files. The file size is header + models + coded bits, and the encoder looks for
 * the smallest: context modelling alone, then each network its options ask for (trained, phase
 * rewritten, quantized), coded both mixed with the context model and alone, then (images coded
 * with {@code context2}) the context network fitted to what the decoder knows at each sample,
 * keeping the smallest file. With {@code losslessModel} it stores a network that reproduces every bit by itself.
 *
 * <p>Thread-safe: {@code encode} keeps no state between calls and may run on several threads at
 * once; the same signal and options give the same bytes on any thread. A call that trains a
 * network sets ND4J's process-wide thread count for its run, which changes speed, never bytes
 * ({@code ConcurrencyTest}: 8 threads x 100 operations, networks included, byte-identical).
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

    /**
     * A network to try, and what for: the smallest file, or a lossless model, which is kept whatever
     * it costs. Made by {@link #smallestFile} and {@link #losslessModel}.
     */
    record Plan(String name, Architecture architecture, Presets.Network network, boolean losslessModel) {

        /** A SIREN that is kept if it makes the file smaller. */
        static Plan smallestFile(String name, Presets.Network network) {
            return new Plan(name, Architecture.SIREN, network, false);
        }

        /** A network trained until it reproduces every bit by itself. */
        static Plan losslessModel(Architecture architecture, Presets.Network network) {
            String kind = architecture == Architecture.TERNARY_BITLINEAR ? "ternary " : "";
            return new Plan(kind + network.shape() + " lossless", architecture, network, true);
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
        Tiling tiling = Tiling.of(s.spec(), o.tileSize(s.spec()), o.blockFrames());
        int contextMode = contextMode(o.preset(), s.kind(), s.spec().bitDepth());
        Presets.ContextNetwork contextNet = InrFormat.strongMode(contextMode) && s.kind() == SignalKind.IMAGE
                && !o.losslessModel() ? Presets.contextNet(o.preset()) : null;
        ContextNet.Samples[] samplers = contextNet != null && ContextNetSearch.worthCollecting(s)
                ? ContextNetSearch.samplers(s, tiling) : null;
        TiledBits context = TiledCoding.encode(s, null, contextMode, null, samplers, tiling, o.threads());
        InrContainer best = InrContainer.of(s.spec(), sha, List.of(), contextMode, context);
        int bestSize = best.toBytes().length;
        int contextOnlySize = bestSize;
        int contextBytes = Math.toIntExact(context.codedBytes());
        String chosen = "context only";
        List<EncodeResult.Candidate> candidates = new ArrayList<>();
        candidates.add(new EncodeResult.Candidate("context only", 0, 0, contextBytes, -1, -1, bestSize, false, 0));
        boolean bestFromLosslessPlan = false;
        boolean bestModelLossless = false;
        for (Plan plan : plans(s, o)) {
            listener.stage("network " + plan.name());
            long fitStart = System.nanoTime();
            List<? extends StoredNetwork> models = plan.architecture() == Architecture.TERNARY_BITLINEAR
                    ? ternaryModels(s, plan, o, listener) : storedModels(s, sha, plan, o, listener);
            double fitSeconds = (System.nanoTime() - fitStart) / 1e9;
            listener.stage("coding with " + plan.name());
            Cost cost = Cost.of(s, sha, models, tiling, o.threads(), InrFormat.mixedMode(contextMode));
            boolean lossless = cost.bitErrors() == 0;
            long parameters = models.stream().mapToLong(StoredNetwork::parameters).sum();
            candidates.add(new EncodeResult.Candidate(plan.name(), parameters, cost.modelBytes(), contextBytes,
                    cost.inrBytes(), cost.mixedBytes(), cost.size(), lossless, fitSeconds));
            // A lossless plan is kept whatever it costs (the user asked for the model); among
            // lossless plans, a model that is lossless beats one that is not, then the smaller file.
            boolean better = plan.losslessModel()
                    ? !bestFromLosslessPlan || lossless && !bestModelLossless
                            || lossless == bestModelLossless && cost.size() < bestSize
                    : !bestFromLosslessPlan && cost.size() < bestSize;
            if (better) {
                best = cost.container();
                bestSize = cost.size();
                chosen = plan.name();
                bestFromLosslessPlan = plan.losslessModel();
                bestModelLossless = lossless;
            }
        }
        if (samplers != null && context.codedBytes() >= ContextNetSearch.MIN_CODED_BYTES) {
            listener.stage("context network");
            ContextNetSearch.Result r = ContextNetSearch.search(s, sha, tiling, context, contextMode, samplers, contextNet.hidden(),
                    contextNet.steps(), o.namedWeightFormat().map(TensorFormat::of).orElse(null), o.seed(),
                    o.threads());
            int size = r.container() == null ? -1 : r.container().toBytes().length;
            int coded = r.container() == null ? -1 : Math.toIntExact(r.container().bits().codedBytes());
            String name = r.net().describe();
            int netBytes = size < 0 ? InrContainer.contextNetBytes(s.spec(), r.net())
                    : size - coded - (contextOnlySize - contextBytes);
            candidates.add(new EncodeResult.Candidate(name, r.net().parameters(), netBytes, contextBytes, -1, coded,
                    size, false, r.fitSeconds()));
            if (size > 0 && !bestFromLosslessPlan && size < bestSize) {
                best = r.container();
                bestSize = size;
                chosen = name;
            }
        }
        byte[] file = best.toBytes();
        return new EncodeResult(file, InrFileInfo.of(best), chosen, List.copyOf(candidates), (System.nanoTime() - start) / 1e9);
    }

    /**
     * The context model a preset codes with: the fast preset the first (2 to 2.5 times as fast
     * to encode and decode) through a window (images 0.77 of the time for 0.1% more bytes, audio
     * twice as fast and no larger), the others the stronger one; audio through a window at every
     * preset, and at the default preset lean, 1.6-1.75 times as fast again for 0.12% more bytes;
     * images at the default preset through the stronger model's window (mode 10, with a context
     * network 11), about half of mode 3's time for 0.3% more bytes, and images of at most 8 bits
     * at both the default and max presets with its value tables too (mode 12, with a network 13):
     * about 1% smaller than mode 10 in 1.13 of its time, and smaller than mode 3; on 16-bit images
     * they gained nothing (docs/CODEC.md has the figures).
     */
    static int contextMode(EncodeOptions.Preset preset, SignalKind kind, int bits) {
        if (preset == EncodeOptions.Preset.FAST) {
            return kind == SignalKind.AUDIO ? InrFormat.MODE_WINDOW : InrFormat.MODE_IMAGE_WINDOW;
        }
        if (kind == SignalKind.AUDIO) {
            return preset == EncodeOptions.Preset.MAX ? InrFormat.MODE_WINDOW2 : InrFormat.MODE_WINDOW2_LEAN;
        }
        if (bits <= InrFormat.MAX_VALUE_MODE_BITS) {
            return InrFormat.MODE_IMAGE_WINDOW2_VALUES;
        }
        return preset == EncodeOptions.Preset.MAX ? InrFormat.MODE_CONTEXT2 : InrFormat.MODE_IMAGE_WINDOW2;
    }

    /** The networks to try for this signal and these options. */
    static List<Plan> plans(Signal s, EncodeOptions o) {
        boolean audio = s.kind() == SignalKind.AUDIO;
        Plan ternary = Plan.losslessModel(Architecture.TERNARY_BITLINEAR, Presets.LOSSLESS_TERNARY.overriddenBy(o));
        if (o.losslessModel() && o.architecture() == Architecture.TERNARY_BITLINEAR) {
            return List.of(ternary);
        }
        if (o.losslessModel()) {
            Plan siren = Plan.losslessModel(Architecture.SIREN, Presets.LOSSLESS_SIREN.overriddenBy(o));
            // auto also weighs the ternary network where its trainer takes every piece, and keeps
            // the smaller file (docs/QUANTIZATION.md compares the two).
            boolean ternaryFits = Segments.of(s, o.segmentFrames()).stream()
                    .allMatch(piece -> piece.count() <= InrFitter.TERNARY_MAX_POSITIONS);
            return o.autoWeights() && ternaryFits ? List.of(siren, ternary) : List.of(siren);
        }
        if (o.explicitNetwork()) {
            Presets.Network n = Presets.EXPLICIT.overriddenBy(o);
            return List.of(Plan.smallestFile(n.shape(), n));
        }
        return Presets.networks(o.preset(), s.kind()).stream()
                .map(n -> Plan.smallestFile(audio ? n.shape() + " per segment" : n.shape(), n)).toList();
    }

    /** Trains the plan's network(s) and stores them quantized; lossless plans try finer formats. */
    private static List<StoredModel> storedModels(Signal s, byte[] sha, Plan plan, EncodeOptions o, Listener listener) {
        Presets.Network network = plan.network();
        FitOptions fit = FitOptions.builder().formulation(Formulation.PLANE_HEADS).width(network.width())
                .layers(network.layers()).maxIterations(network.iterations())
                .timeLimitSeconds(network.timeLimitSeconds())
                .threads(o.threads()).seed(o.seed()).polish(plan.losslessModel() ? LOSSLESS_POLISH : 0).build();
        TrainedNetworks fitted = TrainedNetworks.fit(s, fit, o.segmentFrames(), p -> listener.fit(plan.name(), p));
        if (o.autoWeights()) {
            listener.stage("choosing weight formats for " + plan.name());
            return WeightChoice.choose(s, sha, fitted, o.threads(), plan.losslessModel()).models();
        }
        TensorFormat asked = TensorFormat.of(o.weightFormat());
        TensorFormat[] formats = plan.losslessModel()
                ? new TensorFormat[] {asked, TensorFormat.FP16, TensorFormat.FP32} : new TensorFormat[] {asked};
        List<StoredModel> stored = null;
        for (TensorFormat format : formats) {
            stored = fitted.store(format);
            if (!plan.losslessModel() || TrainedNetworks.predictsEveryBit(s, stored, o.threads())) {
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
        Presets.Network network = plan.network();
        FitOptions fit = FitOptions.ternaryBuilder().width(network.width()).layers(network.layers())
                .maxIterations(network.iterations()).threads(o.threads()).seed(o.seed()).build();
        List<StoredTernaryModel> out = new ArrayList<>();
        for (Segments.Piece piece : Segments.of(s, o.segmentFrames())) {
            TernaryInr m = InrFitter.fitTernary(piece.of(s), fit, p -> listener.fit(plan.name(), p)).model();
            out.add(StoredTernaryModel.of(m, piece.start(), piece.count()));
        }
        return out;
    }

}
