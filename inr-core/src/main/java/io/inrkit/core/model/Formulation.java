package io.inrkit.core.model;

import io.inrkit.core.IdentifiedEnum;

/** How an INR maps coordinates to bits. */
public enum Formulation implements IdentifiedEnum {
    /**
     * The paper's: the bit index is one more input coordinate (LSB -1, MSB +1) and the network
     * outputs one logit per channel for that plane. Rows: positions x planes.
     */
    BIT_INPUT,
    /** Spatial coordinates only in; channels x planes logits out (output {@code p * C + c}). */
    PLANE_HEADS;

    public static Formulation fromId(String id) {
        return IdentifiedEnum.fromId(Formulation.class, "formulation", id);
    }
}
