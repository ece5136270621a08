package io.inrkit.codec.internal.search;

import io.inrkit.codec.internal.format.StoredLayer;
import io.inrkit.codec.internal.format.StoredModel;
import io.inrkit.codec.internal.model.ModelSideInformation;
import io.inrkit.codec.internal.quant.PhaseRewrite;
import io.inrkit.codec.internal.quant.Quantizer;
import io.inrkit.codec.internal.quant.TensorFormat;
import io.inrkit.core.Signal;
import io.inrkit.core.fit.FitListener;
import io.inrkit.core.fit.FitOptions;
import io.inrkit.core.fit.InrFitter;
import io.inrkit.core.internal.Segments;
import io.inrkit.core.model.DenseLayer;
import io.inrkit.core.model.InrModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Networks trained on a signal, one for an image and one per segment of audio, before they are
 * stored: the encoder stores them in each weight format it weighs, and so do the bench studies.
 *
 * @param models the trained networks, in position order
 * @param pieces the positions each network covers
 */
public record TrainedNetworks(List<InrModel> models, List<Segments.Piece> pieces) {

    public TrainedNetworks {
        models = List.copyOf(models);
        pieces = List.copyOf(pieces);
    }

    /** Trains the network(s) of {@code s}: audio in segments of {@code segmentFrames}. */
    public static TrainedNetworks fit(Signal s, FitOptions fit, int segmentFrames, FitListener progress) {
        List<Segments.Piece> pieces = Segments.of(s, segmentFrames);
        List<InrModel> fitted = new ArrayList<>();
        for (Segments.Piece piece : pieces) {
            fitted.add(InrFitter.fit(piece.of(s), fit, progress).model());
        }
        return new TrainedNetworks(fitted, pieces);
    }

    /** Every weight tensor in {@code format}. */
    public List<StoredModel> store(TensorFormat format) {
        TensorFormat[] uniform = new TensorFormat[layerCount()];
        Arrays.fill(uniform, format);
        return store(uniform);
    }

    /** Layer l's weights in {@code formats[l]}, in every model. */
    public List<StoredModel> store(TensorFormat[] formats) {
        List<StoredModel> stored = new ArrayList<>();
        for (int i = 0; i < models.size(); i++) {
            stored.add(store(models.get(i), pieces.get(i).start(), pieces.get(i).count(), formats));
        }
        return stored;
    }

    public int layerCount() {
        return models.get(0).layers().size();
    }

    /** The part of {@code s} that network {@code i} covers. */
    public Signal part(Signal s, int i) {
        return pieces.get(i).of(s);
    }

    /** Phase rewrite, then weights in {@code format} and biases in binary16 (or binary32 for FP32). */
    public static StoredModel store(InrModel model, int start, int count, TensorFormat format) {
        TensorFormat[] uniform = new TensorFormat[model.layers().size()];
        Arrays.fill(uniform, format);
        return store(model, start, count, uniform);
    }

    /** As {@link #store(InrModel, int, int, TensorFormat)}, layer l's weights in {@code formats[l]}. */
    public static StoredModel store(InrModel model, int start, int count, TensorFormat[] formats) {
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
    public static boolean predictsEveryBit(Signal s, List<StoredModel> models, int threads) {
        return new ModelSideInformation(s.spec(), models, threads).bitErrors(s) == 0;
    }
}
