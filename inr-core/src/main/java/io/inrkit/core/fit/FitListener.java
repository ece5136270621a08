package io.inrkit.core.fit;

/** Hears about a fit as it runs: after every evaluation of the bit errors. */
@FunctionalInterface
public interface FitListener {

    FitListener NONE = p -> { };

    void onEvaluation(FitProgress progress);
}
