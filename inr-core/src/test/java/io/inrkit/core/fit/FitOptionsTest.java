package io.inrkit.core.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inrkit.core.PlaneMapping;
import io.inrkit.core.Signal;
import io.inrkit.core.model.Formulation;
import org.junit.jupiter.api.Test;

/** The three parts of FitOptions: each architecture holds only its own settings, and a mix is refused. */
class FitOptionsTest {

    @Test
    void builderSettingsLandInTheirPart() {
        FitOptions o = FitOptions.builder().formulation(Formulation.BIT_INPUT).mapping(PlaneMapping.GRAY).width(64)
                .layers(2).omega(20f).learningRate(2e-3).batchSize(128).seed(7).maxIterations(99).timeLimitSeconds(5)
                .polish(1.5).threads(1).build();
        FitOptions.Siren siren = assertInstanceOf(FitOptions.Siren.class, o.architecture());
        assertEquals(new FitOptions.Siren(Formulation.BIT_INPUT, PlaneMapping.GRAY, 64, 2, 20f, 0f,
                FitOptions.Engine.FUSED), siren);
        assertEquals(new FitOptions.Optimizer(2e-3, Schedule.CONSTANT, 128, Loss.BCE, 7), o.optimizer());
        assertEquals(new FitOptions.Budget(99, 5, 1.5, 1), o.budget());
        assertEquals(siren, o.toBuilder().build().architecture(), "toBuilder keeps every setting");
        assertThrows(IllegalStateException.class, o::ternary);
    }

    @Test
    void ternaryOptionsHaveNoSirenSettings() {
        FitOptions t = FitOptions.ternaryBuilder().width(32).layers(2).encodingFrequencies(5).build();
        assertEquals(new FitOptions.TernaryBitLinear(PlaneMapping.BINARY, 32, 2, 5), t.architecture());
        assertEquals(t.architecture(), t.toBuilder().build().architecture());
        assertThrows(IllegalStateException.class, t::siren);
        IllegalArgumentException omega = assertThrows(IllegalArgumentException.class,
                () -> FitOptions.ternaryBuilder().omega(10f).build());
        assertTrue(omega.getMessage().contains("omega"), omega.getMessage());
        IllegalArgumentException frequencies = assertThrows(IllegalArgumentException.class,
                () -> FitOptions.builder().encodingFrequencies(3).build());
        assertTrue(frequencies.getMessage().endsWith("got 3"), frequencies.getMessage());
    }

    @Test
    void eachFitRefusesTheOtherNetworksOptions() {
        Signal s = Fixtures.kodim23();
        assertThrows(IllegalArgumentException.class,
                () -> InrFitter.fit(s, FitOptions.ternaryBuilder().build(), FitListener.NONE));
        assertThrows(IllegalArgumentException.class,
                () -> InrFitter.fitTernary(s, FitOptions.builder().build(), FitListener.NONE));
    }
}
