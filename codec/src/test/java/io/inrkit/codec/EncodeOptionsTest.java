package io.inrkit.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inrkit.codec.EncodeOptions.Architecture;
import io.inrkit.codec.EncodeOptions.Preset;
import io.inrkit.core.Signal;
import io.inrkit.core.SignalSpec;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** What the options hold, and the networks the encoder plans from them. */
class EncodeOptionsTest {

    private static final Signal IMAGE = Signal.builder(SignalSpec.image(32, 32, 3, 8)).build();
    private static final Signal AUDIO = Signal.builder(SignalSpec.audio(4096, 2, 16, 48000)).build();

    @Test
    void aNetworkNotAskedForIsThePresets() {
        EncodeOptions o = EncodeOptions.builder().build();
        assertEquals(OptionalInt.empty(), o.width());
        assertEquals(OptionalInt.empty(), o.layers());
        assertEquals(OptionalInt.empty(), o.iterations());
        assertFalse(o.explicitNetwork());
        assertEquals(Architecture.SIREN, o.architecture());
        EncodeOptions asked = EncodeOptions.builder().layers(3).build();
        assertEquals(OptionalInt.of(3), asked.layers());
        assertTrue(asked.explicitNetwork());
    }

    @Test
    void refusalsEndWithTheValue() {
        assertRefused("width must be 1..8192, got 0", () -> EncodeOptions.builder().width(0).build());
        assertRefused("width must be 1..8192, got 8193", () -> EncodeOptions.builder().width(8193).build());
        assertRefused("layers must be 1..63, got 64", () -> EncodeOptions.builder().layers(64).build());
        assertRefused("iterations must be at least 1, got 0", () -> EncodeOptions.builder().iterations(0).build());
        assertRefused("threads must be at least 1, got 0", () -> EncodeOptions.builder().threads(0).build());
        assertRefused("segment frames must be at least 1, got -4",
                () -> EncodeOptions.builder().segmentFrames(-4).build());
        assertRefused("set losslessModel, got false",
                () -> EncodeOptions.builder().architecture(Architecture.TERNARY_BITLINEAR).build());
        assertRefused("got TERNARY_BITLINEAR", () -> EncodeOptions.builder().losslessModel(true).autoWeights(true)
                .architecture(Architecture.TERNARY_BITLINEAR).build());
    }

    @Test
    void presetsPlanTheirNetworks() {
        assertEquals(List.of(), names(IMAGE, EncodeOptions.builder().preset(Preset.FAST)));
        assertEquals(List.of(), names(AUDIO, EncodeOptions.builder().preset(Preset.FAST)));
        assertEquals(List.of(), names(IMAGE, EncodeOptions.builder()));
        assertEquals(List.of(), names(AUDIO, EncodeOptions.builder()));
        assertEquals(List.of("32x2", "64x3"), names(IMAGE, EncodeOptions.builder().preset(Preset.MAX)));
        assertEquals(List.of("16x2 per segment"), names(AUDIO, EncodeOptions.builder().preset(Preset.MAX)));
        Encoder.Plan maxImage = Encoder.plans(IMAGE, EncodeOptions.builder().preset(Preset.MAX).build()).get(0);
        assertEquals(3000, maxImage.network().iterations());
        assertEquals(60, maxImage.network().timeLimitSeconds());
    }

    @Test
    void anExplicitNetworkFillsInWhatItLeavesOut() {
        assertEquals(List.of("16x2"), names(IMAGE, EncodeOptions.builder().width(16).preset(Preset.MAX)));
        Encoder.Plan p = Encoder.plans(AUDIO, EncodeOptions.builder().iterations(99).build()).get(0);
        assertEquals("32x2", p.name());
        assertEquals(99, p.network().iterations());
        assertEquals(0, p.network().timeLimitSeconds(), "no time limit");
    }

    @Test
    void losslessModelsPlanTheirArchitecture() {
        assertEquals(List.of("256x3 lossless"), names(IMAGE, EncodeOptions.builder().losslessModel(true)));
        assertEquals(List.of("ternary 256x4 lossless"), names(IMAGE, EncodeOptions.builder().losslessModel(true)
                .architecture(Architecture.TERNARY_BITLINEAR)));
        assertEquals(List.of("64x2 lossless", "ternary 64x2 lossless"), names(IMAGE, EncodeOptions.builder()
                .losslessModel(true).autoWeights(true).width(64).layers(2)));
        assertEquals(List.of("256x3 lossless"), names(IMAGE, EncodeOptions.builder().losslessModel(true)
                .weightFormat(WeightFormat.TERNARY)), "ternary weights alone keep the SIREN");
        Encoder.Plan ternary = Encoder.plans(IMAGE, EncodeOptions.builder().losslessModel(true)
                .architecture(Architecture.TERNARY_BITLINEAR).build()).get(0);
        assertEquals(20_000, ternary.network().iterations());
        assertTrue(ternary.losslessModel());
    }

    @Test
    void tilesAreThePresetsUnlessAskedFor() {
        SignalSpec photo = SignalSpec.image(4000, 3000, 3, 8);
        SignalSpec scan = SignalSpec.image(10000, 10000, 1, 16);
        EncodeOptions fast = EncodeOptions.builder().preset(Preset.FAST).build();
        assertEquals(256, fast.tileSize(photo));
        assertEquals(512, fast.tileSize(scan));
        assertEquals(512, EncodeOptions.builder().build().tileSize(photo));
        assertEquals(512, EncodeOptions.builder().preset(Preset.MAX).build().tileSize(photo));
        assertEquals(OptionalInt.empty(), fast.tileSize());
        EncodeOptions asked = EncodeOptions.builder().preset(Preset.FAST).tileSize(384).build();
        assertEquals(384, asked.tileSize(photo));
        assertEquals(384, asked.tileSize(scan));
        assertRefused("the tile size must be at least 16 pixels, got 8", () -> EncodeOptions.builder().tileSize(8).build());
    }

    @Test
    void theTableHasARowForEveryPresetAndKind() {
        for (Preset preset : Preset.values()) {
            for (io.inrkit.core.SignalKind kind : io.inrkit.core.SignalKind.values()) {
                Presets.networks(preset, kind);
            }
        }
    }

    private static List<String> names(Signal s, EncodeOptions.Builder b) {
        return Encoder.plans(s, b.build()).stream().map(Encoder.Plan::name).toList();
    }

    private static void assertRefused(String text, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().endsWith(text), e.getMessage());
    }
}
