package io.inrkit.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.inrkit.core.Signal;
import io.inrkit.core.SignalSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentsTest {

    @Test
    void audioIsCutIntoSegmentsTheLastOneShorter() {
        Signal clip = Signal.builder(SignalSpec.audio(10, 2, 16, 8000)).build();
        List<Segments.Piece> pieces = Segments.of(clip, 4);
        assertEquals(List.of(new Segments.Piece(0, 0, 4), new Segments.Piece(1, 4, 4), new Segments.Piece(2, 8, 2)),
                pieces);
        assertEquals(clip.segment(8, 2), pieces.get(2).of(clip));
        assertEquals(List.of(new Segments.Piece(0, 0, 10)), Segments.of(clip, 1 << 30));
    }

    @Test
    void anImageIsOnePiece() {
        Signal image = Signal.builder(SignalSpec.image(5, 3, 1, 8)).build();
        assertEquals(List.of(new Segments.Piece(0, 0, 15)), Segments.of(image, 4));
        assertSame(image, Segments.of(image, 0).get(0).of(image), "whatever the segment length");
    }

    @Test
    void aSegmentOfNoFramesIsRefused() {
        Signal clip = Signal.builder(SignalSpec.audio(10, 1, 16, 8000)).build();
        assertEquals("segment length must be at least 1 frame, got 0",
                assertThrows(IllegalArgumentException.class, () -> Segments.of(clip, 0)).getMessage());
    }
}
