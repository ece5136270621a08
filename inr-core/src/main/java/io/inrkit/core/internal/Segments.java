package io.inrkit.core.internal;

import io.inrkit.core.Signal;
import io.inrkit.core.SignalKind;
import io.inrkit.core.SignalSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The pieces a signal is fitted in, a network for each: an image whole, audio in segments of a
 * given number of frames, the last one shorter when the frames do not divide evenly. A piece's
 * start and count are positions: frames of audio, pixels of an image. The encoder, the weight
 * search and segmented fits all cut a signal here, so their networks cover the same ranges.
 */
public final class Segments {

    /** Piece number {@code index}: {@code count} positions from {@code start}. */
    public record Piece(int index, int start, int count) {

        /** The part of {@code whole} this piece covers: the audio segment, or the image itself. */
        public Signal of(Signal whole) {
            return whole.kind() == SignalKind.AUDIO ? whole.segment(start, count) : whole;
        }
    }

    private Segments() {
    }

    /**
     * The pieces of {@code s}: audio in segments of {@code segmentFrames} (at least 1), an image
     * as one piece whatever {@code segmentFrames} is.
     */
    public static List<Piece> of(Signal s, int segmentFrames) {
        return of(s.spec(), segmentFrames);
    }

    /** As {@link #of(Signal, int)}, for a signal of this spec. */
    public static List<Piece> of(SignalSpec spec, int segmentFrames) {
        if (spec.kind() != SignalKind.AUDIO) {
            return List.of(new Piece(0, 0, spec.positions()));
        }
        if (segmentFrames < 1) {
            throw new IllegalArgumentException("segment length must be at least 1 frame, got " + segmentFrames);
        }
        int frames = spec.frames();
        List<Piece> pieces = new ArrayList<>();
        for (long start = 0; start < frames; start += segmentFrames) {
            pieces.add(new Piece(pieces.size(), (int) start, (int) Math.min(segmentFrames, frames - start)));
        }
        return List.copyOf(pieces);
    }
}
