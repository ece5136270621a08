package io.inrkit.codec.internal.format;

import io.inrkit.core.SignalKind;
import io.inrkit.core.SignalSpec;
import io.inrkit.core.internal.BitProbabilities;

/**
 * A network as stored in a model section, over the positions it covers: a SIREN
 * ({@link StoredModel}) or the paper's ternary BitLinear network ({@link StoredTernaryModel}).
 */
public sealed interface StoredNetwork extends ModelSection permits StoredModel, StoredTernaryModel {

    /** First position covered. */
    int start();

    /** Positions covered. */
    int count();

    /** What kind of network this is, in a few words, for reports: "SIREN plane-heads, 3 layers". */
    @Override
    String describe();

    /** Every bit's probability over the covered positions, by the deterministic engine. */
    BitProbabilities probabilities(SignalSpec whole, int threads);

    /** The spec of the part of {@code whole} this network covers. */
    default SignalSpec segmentSpec(SignalSpec whole) {
        return whole.kind() == SignalKind.AUDIO ? whole.withShape(count()) : whole;
    }
}
