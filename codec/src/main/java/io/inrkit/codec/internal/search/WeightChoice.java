package io.inrkit.codec.internal.search;

import io.inrkit.codec.internal.format.StoredModel;
import io.inrkit.codec.internal.quant.TensorFormat;
import io.inrkit.core.Signal;
import java.util.Arrays;
import java.util.List;

/**
 * {@code --weights auto}: the weight format of each layer that makes the whole file smallest,
 * measured, not estimated: every format for all layers first, then, from the best of those,
 * each layer's format in turn changed to whatever lowers the file size further (the coded bits
 * are re-encoded for every try). It starts from the best single format, so it is never larger.
 * A lossless plan only accepts choices whose models still give back every bit.
 */
public final class WeightChoice {

    /** The choice: one format per layer (the same for every audio segment's model), and its cost. */
    public record Choice(TensorFormat[] formats, List<StoredModel> models, Cost cost) {
    }

    private WeightChoice() {
    }

    public static Choice choose(Signal s, byte[] sha, TrainedNetworks fitted, int threads, boolean lossless) {
        int layers = fitted.layerCount();
        Choice best = null;
        for (TensorFormat f : TensorFormat.values()) {
            TensorFormat[] uniform = new TensorFormat[layers];
            Arrays.fill(uniform, f);
            best = better(best, evaluate(s, sha, fitted, uniform, threads, lossless));
        }
        if (best == null) { // no format keeps a lossless plan lossless: store it exactly
            TensorFormat[] exact = new TensorFormat[layers];
            Arrays.fill(exact, TensorFormat.FP32);
            return evaluate(s, sha, fitted, exact, threads, false);
        }
        for (int l = 0; l < layers; l++) {
            for (TensorFormat f : TensorFormat.values()) {
                if (f == best.formats()[l]) {
                    continue;
                }
                TensorFormat[] tried = best.formats().clone();
                tried[l] = f;
                best = better(best, evaluate(s, sha, fitted, tried, threads, lossless));
            }
        }
        return best;
    }

    /** The smaller of two choices (null stands for an unacceptable one); ties keep the first. */
    private static Choice better(Choice a, Choice b) {
        if (a == null) {
            return b;
        }
        return b != null && b.cost().size() < a.cost().size() ? b : a;
    }

    /** The models with layer l's weights in formats[l]; null if lossless is required and lost. */
    public static Choice evaluate(Signal s, byte[] sha, TrainedNetworks fitted, TensorFormat[] formats, int threads,
            boolean lossless) {
        List<StoredModel> models = fitted.store(formats);
        Cost cost = Cost.of(s, sha, models, threads);
        return lossless && cost.bitErrors() > 0 ? null : new Choice(formats, models, cost);
    }
}
