package io.inrkit.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inrkit.core.Signal;
import io.inrkit.core.SignalSpec;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AudioReadTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // file,        container, encoding,     bigEndian, frames, channels, bits, rate
        "kick24.wav,    WAVE, PCM_SIGNED,   false, 1500, 2, 24, 48000",
        "kick24.aiff,   AIFF, PCM_SIGNED,   true,  1500, 2, 24, 48000",
        "kick24.au,     AU,   PCM_SIGNED,   true,  1500, 2, 24, 48000",
        "kick32.wav,    WAVE, PCM_SIGNED,   false, 1500, 2, 32, 48000",
        "speech16.wav,  WAVE, PCM_SIGNED,   false, 1200, 1, 16, 22050",
        "speech16.au,   AU,   PCM_SIGNED,   true,  1200, 1, 16, 22050",
        "speech8.wav,   WAVE, PCM_UNSIGNED, false, 1200, 1,  8, 22050",
        "speech8.aiff,  AIFF, PCM_SIGNED,   true,  1200, 1,  8, 22050",
        "piano16.aiff,  AIFF, PCM_SIGNED,   true,  1000, 2, 16, 44100",
        "quad16.wav,    WAVE, PCM_SIGNED,   false, 1000, 4, 16, 44100",
    })
    void readsEveryContainerDepthAndByteOrder(String file, String container, String encoding, boolean bigEndian,
            int frames, int channels, int bits, int rate) {
        DecodedAudio d = Fixtures.read(file);
        assertEquals(container, d.container());
        assertEquals(encoding, d.encoding());
        assertEquals(bigEndian, d.bigEndian());
        assertEquals(SignalSpec.audio(frames, channels, bits, rate), d.signal().spec());
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({"kick24.wav, kick24.aiff", "kick24.wav, kick24.au", "speech16.wav, speech16.au",
        "speech8.wav, speech8.aiff"})
    void sameSoundSameSignalWhateverTheContainer(String a, String b) {
        assertEquals(Fixtures.read(a).signal(), Fixtures.read(b).signal());
    }

    @Test
    void twentyFourBitSamplesMatchARawDump() throws IOException {
        Signal s = Fixtures.read("kick24.wav").signal();
        assertArrayEquals(Fixtures.rawSamples("kick24.s24le", 3, false), s.toIntArray());
        assertTrue(s.bitsUsed() > 16, "a real 24-bit snippet");
    }

    @Test
    void bigEndianSixteenBitMatchesARawDump() throws IOException {
        assertArrayEquals(Fixtures.rawSamples("piano16.s16be", 2, true), Fixtures.read("piano16.aiff").signal().toIntArray());
    }

    @Test
    void thirtyTwoBitHoldsTheTwentyFourBitValuesShifted() {
        Signal s24 = Fixtures.read("kick24.wav").signal();
        Signal s32 = Fixtures.read("kick32.wav").signal();
        for (int i = 0; i < s24.sampleCount(); i++) {
            assertEquals(s24.sample(i) * 256, s32.sample(i), "sample " + i);
        }
    }

    @Test
    void eightBitWavIsRecentredOnZero() {
        Signal s = Fixtures.read("speech8.wav").signal();
        assertTrue(s.spec().signed());
        assertTrue(s.peak() <= 128 && s.peak() > 20, "peak " + s.peak());
    }

    @Test
    void fourChannelsInterleaveInFileOrder() {
        Signal piano = Fixtures.read("piano16.aiff").signal();
        Signal quad = Fixtures.read("quad16.wav").signal();
        for (int f = 0; f < piano.spec().frames(); f++) {
            for (int c = 0; c < 2; c++) {
                assertEquals(piano.sample(f, c), quad.sample(f, c));
                assertEquals(piano.sample(f, c), quad.sample(f, c + 2));
            }
        }
    }
}
