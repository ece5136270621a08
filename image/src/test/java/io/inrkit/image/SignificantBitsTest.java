package io.inrkit.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SignificantBitsTest {

    @Test
    void replicationIsInvertibleAndFillsTheRange() {
        for (int container : new int[] {8, 16}) {
            for (int bits = 1; bits < container; bits++) {
                int top = (1 << bits) - 1;
                assertEquals(0, SignificantBits.widen(0, bits, container));
                assertEquals((1 << container) - 1, SignificantBits.widen(top, bits, container), bits + " in " + container);
                int previous = -1;
                for (int v = 0; v <= top; v++) {
                    int w = SignificantBits.widen(v, bits, container);
                    assertEquals(v, SignificantBits.narrow(w, bits, container));
                    assertTrue(SignificantBits.isWidened(w, bits, container));
                    assertTrue(w > previous, "monotonic");
                    previous = w;
                }
            }
        }
        assertEquals(0b10110110, SignificantBits.widen(0b101, 3, 8)); // 101 101 10
    }
}
