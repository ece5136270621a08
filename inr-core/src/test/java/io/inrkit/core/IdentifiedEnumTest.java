package io.inrkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.inrkit.core.depth.ExpansionMethod;
import io.inrkit.core.fit.Loss;
import io.inrkit.core.fit.Schedule;
import io.inrkit.core.model.Formulation;
import org.junit.jupiter.api.Test;

class IdentifiedEnumTest {

    @Test
    void idsAreLowerCaseNamesWithHyphens() {
        assertEquals("plane-heads", Formulation.PLANE_HEADS.id());
        assertEquals("gray", PlaneMapping.GRAY.id());
        assertEquals("inr-soft", ExpansionMethod.INR_SOFT.id());
        assertEquals("zp", ExpansionMethod.ZERO_PADDING.id(), "an enum may name its constants itself");
        assertEquals("bit-input, plane-heads", IdentifiedEnum.ids(Formulation.class));
    }

    @Test
    void everyIdFindsItsConstant() {
        for (Formulation f : Formulation.values()) {
            assertEquals(f, Formulation.fromId(f.id()));
        }
        for (ExpansionMethod m : ExpansionMethod.values()) {
            assertEquals(m, ExpansionMethod.fromId(m.id().toUpperCase(java.util.Locale.ROOT)));
        }
        assertEquals(Schedule.COSINE, Schedule.fromId("cosine"));
    }

    @Test
    void anUnknownIdIsRefusedWithTheAcceptedOnes() {
        assertEquals("unknown loss 'BCE' (bce, mse)",
                assertThrows(IllegalArgumentException.class, () -> Loss.fromId("BCE")).getMessage());
        assertEquals("unknown expansion method 'Magic' (zp, br, mig, centre, contour, learned, inr, inr-soft)",
                assertThrows(IllegalArgumentException.class, () -> ExpansionMethod.fromId("Magic")).getMessage());
        assertEquals("unknown plane mapping 'grey' (binary, gray)",
                assertThrows(IllegalArgumentException.class, () -> PlaneMapping.fromId("grey")).getMessage());
    }
}
