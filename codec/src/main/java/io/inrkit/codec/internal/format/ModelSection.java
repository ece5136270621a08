package io.inrkit.codec.internal.format;

/**
 * What a model section holds: a network that gives every bit a probability from its position
 * ({@link StoredNetwork}), or the context network that predicts each sample from what is
 * already decoded ({@link StoredContextNet}).
 */
public sealed interface ModelSection permits StoredNetwork, StoredContextNet {

    /** Numbers the network holds (weights and biases). */
    long parameters();

    /** What kind of network this is, in a few words, for reports. */
    String describe();
}
