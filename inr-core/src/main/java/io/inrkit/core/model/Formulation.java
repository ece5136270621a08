package io.inrkit.core.model;

import java.util.Locale;

/** How an INR maps coordinates to bits. */
public enum Formulation {
    /**
     * The paper's: the bit index is one more input coordinate (LSB -1, MSB +1) and the network
     * outputs one logit per channel for that plane. Rows: positions x planes.
     */
    BIT_INPUT,
    /** Spatial coordinates only in; channels x planes logits out (output {@code p * C + c}). */
    PLANE_HEADS;

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Formulation fromId(String id) {
        for (Formulation f : values()) {
            if (f.id().equals(id)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown formulation '" + id + "' (bit-input, plane-heads)");
    }
}
