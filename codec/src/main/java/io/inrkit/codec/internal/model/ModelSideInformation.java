package io.inrkit.codec.internal.model;

import io.inrkit.codec.internal.format.StoredNetwork;
import io.inrkit.core.BitPlanes;
import io.inrkit.core.PlaneMapping;
import io.inrkit.core.Signal;
import io.inrkit.core.SignalKind;
import io.inrkit.core.SignalSpec;
import io.inrkit.core.internal.BitProbabilities;
import java.util.List;

/** The stored models' probabilities for every bit of a signal, each model over its own positions. */
public final class ModelSideInformation implements SideInformation {

    private final BitProbabilities[] parts;
    private final int[] starts;
    private final int[] counts;

    public ModelSideInformation(SignalSpec spec, List<? extends StoredNetwork> models, int threads) {
        parts = new BitProbabilities[models.size()];
        starts = new int[models.size()];
        counts = new int[models.size()];
        for (int i = 0; i < parts.length; i++) {
            StoredNetwork m = models.get(i);
            parts[i] = m.probabilities(spec, threads);
            starts[i] = m.start();
            counts[i] = m.count();
        }
    }

    /** Bits of {@code s} (the signal these models cover) the thresholded models get wrong. */
    public long bitErrors(Signal s) {
        long errors = 0;
        for (int k = 0; k < parts.length; k++) {
            Signal part = s.kind() == SignalKind.AUDIO ? s.segment(starts[k], counts[k]) : s;
            long[][] predicted = parts[k].thresholdedBits();
            BitPlanes actual = BitPlanes.decompose(part, PlaneMapping.BINARY);
            for (int p = 0; p < predicted.length; p++) {
                long[] want = actual.planeWords(p);
                for (int w = 0; w < want.length; w++) {
                    errors += Long.bitCount(predicted[p][w] ^ want[w]);
                }
            }
        }
        return errors;
    }

    private int part(int position) {
        int lo = 0;
        int hi = starts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (starts[mid] <= position) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    @Override
    public int probability(int position, int channel, int plane) {
        int k = part(position);
        return parts[k].probability(position - starts[k], channel, plane);
    }

    @Override
    public long expected16(int position, int channel) {
        int k = part(position);
        return parts[k].expected16(position - starts[k], channel);
    }
}
