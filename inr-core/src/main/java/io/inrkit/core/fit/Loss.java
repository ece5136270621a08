package io.inrkit.core.fit;

import java.util.Locale;

/** Training loss on the sigmoid of each logit against its 0/1 bit, averaged over every bit. */
public enum Loss {
    /** Binary cross-entropy: the paper's loss, and the coded size of the bits in nats. */
    BCE,
    /** Squared error of the sigmoid: the paper's ablation. */
    MSE;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Loss fromId(String id) {
        for (Loss l : values()) {
            if (l.id().equals(id)) {
                return l;
            }
        }
        throw new IllegalArgumentException("unknown loss '" + id + "' (bce, mse)");
    }
}
