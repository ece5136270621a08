package io.inrkit.core.fit;

import io.inrkit.core.IdentifiedEnum;

/** Learning rate over the iterations. */
public enum Schedule implements IdentifiedEnum {
    /** The paper's: the same rate throughout. */
    CONSTANT,
    /** Cosine decay from the rate to 5% of it at the iteration limit. */
    COSINE;

    /** The rate for 0-based {@code iteration} of at most {@code limit}. */
    double rate(double base, int iteration, int limit) {
        if (this == CONSTANT || limit <= 1) {
            return base;
        }
        double t = Math.min(1.0, iteration / (double) (limit - 1));
        return base * (0.05 + 0.95 * 0.5 * (1 + Math.cos(Math.PI * t)));
    }

    public static Schedule fromId(String id) {
        return IdentifiedEnum.fromId(Schedule.class, "schedule", id);
    }
}
