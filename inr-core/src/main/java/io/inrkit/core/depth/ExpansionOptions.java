package io.inrkit.core.depth;

import io.inrkit.core.PlaneMapping;
import io.inrkit.core.fit.FitListener;
import io.inrkit.core.fit.FitOptions;
import io.inrkit.core.model.Formulation;

/**
 * Settings of {@link BitDepthExpansion}: only the network methods ({@code inr}, {@code inr-soft})
 * use them.
 *
 * @param network how the bit-input network is fitted to the known planes; its formulation must
 *     be bit-input and its mapping binary (the missing planes are the low bits of the value)
 * @param threads threads for querying the network
 * @param listener hears about the fit's progress
 */
public record ExpansionOptions(FitOptions network, int threads, FitListener listener) {

    public ExpansionOptions {
        if (network.siren().formulation() != Formulation.BIT_INPUT) {
            throw new IllegalArgumentException("expansion fits the bit-input formulation, not " + network.siren().formulation().id());
        }
        if (network.architecture().mapping() != PlaneMapping.BINARY) {
            throw new IllegalArgumentException("expansion predicts binary planes, not " + network.architecture().mapping());
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        if (listener == null) {
            throw new IllegalArgumentException("listener is required (FitListener.NONE for none)");
        }
    }

    /**
     * The paper's network (bit coordinate, 3 sine layers) at width 128, trained on mini-batches
     * of 16384 rows for at most 2000 steps: the bit-input formulation has a row per position and
     * known plane (262,144 for a 256x256 RGB crop with 4 known planes), so a full-batch step would
     * grow with the image while a mini-batch step does not.
     */
    public static ExpansionOptions defaults() {
        int cpus = Runtime.getRuntime().availableProcessors();
        FitOptions network = FitOptions.builder().formulation(Formulation.BIT_INPUT).mapping(PlaneMapping.BINARY)
                .width(128).layers(3).batchSize(16384).maxIterations(2000).threads(cpus).build();
        return new ExpansionOptions(network, cpus, FitListener.NONE);
    }

    public ExpansionOptions withNetwork(FitOptions n) {
        return new ExpansionOptions(n, threads, listener);
    }

    public ExpansionOptions withListener(FitListener l) {
        return new ExpansionOptions(network, threads, l);
    }
}
