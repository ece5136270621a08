package io.inrkit.codec.internal.model;

/**
 * What a sample model may know about every bit before coding it, independently of the coded
 * data: the INR's probabilities. Encoder and decoder compute them identically (the deterministic
 * engine), so they can steer the coding of each bit.
 */
public interface SideInformation {

    /** 12-bit probability that bit {@code plane} of sample {@code (position, channel)} is 1. */
    int probability(int position, int channel, int plane);

    /** Expected value of the sample under those probabilities, in 1/16 of a unit. */
    long expected16(int position, int channel);
}
