package io.inrkit.core.fit;

import io.inrkit.core.IdentifiedEnum;

/** Training loss on the sigmoid of each logit against its 0/1 bit, averaged over every bit. */
public enum Loss implements IdentifiedEnum {
    /** Binary cross-entropy: the paper's loss, and the coded size of the bits in nats. */
    BCE,
    /** Squared error of the sigmoid: the paper's ablation. */
    MSE;

    public static Loss fromId(String id) {
        return IdentifiedEnum.fromId(Loss.class, "loss", id);
    }
}
