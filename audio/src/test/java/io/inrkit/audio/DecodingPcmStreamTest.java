package io.inrkit.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inrkit.codec.EncodeOptions;
import io.inrkit.codec.Encoder;
import io.inrkit.core.Signal;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicLong;
import javax.sound.sampled.AudioInputStream;
import org.junit.jupiter.api.Test;

/**
 * The javax.sound reader decodes block by block while it is read (issue 14): the same PCM as a
 * whole decode, the blocks before a defect handed on and the defect an IOException at the read
 * that reaches it, and a stream closed early stops its decoder. On a real 24-bit stereo kick drum
 * (1500 frames) coded in blocks of 256 frames.
 */
class DecodingPcmStreamTest {

    private static final int BLOCK = 256;
    private static final int BLOCK_BYTES = BLOCK * 2 * 3;

    private static byte[] blocks(Signal s) {
        return Encoder.encode(s, EncodeOptions.builder().preset(EncodeOptions.Preset.FAST).blockFrames(BLOCK)
                .threads(2).build(), Encoder.Listener.NONE).file();
    }

    @Test
    void theStreamIsEverySampleOfTheRecording() throws Exception {
        Signal kick = Fixtures.read("kick24.wav").signal();
        try (AudioInputStream in = new InrAudioFileReader().getAudioInputStream(new ByteArrayInputStream(blocks(kick)))) {
            assertEquals(kick.spec().frames(), in.getFrameLength());
            assertArrayEquals(AudioFiles.littleEndianPcm(kick, false), in.readAllBytes());
        }
    }

    @Test
    void aDefectInTheLastBlockEndsTheReadAfterTheBlocksBeforeIt() throws Exception {
        Signal kick = Fixtures.read("kick24.wav").signal();
        byte[] broken = blocks(kick);
        broken[broken.length - 30] ^= 0x10; // in the last block's coded bits
        AtomicLong read = new AtomicLong();
        try (AudioInputStream in = new InrAudioFileReader().getAudioInputStream(new ByteArrayInputStream(broken))) {
            byte[] buffer = new byte[1000];
            IOException e = assertThrows(IOException.class, () -> {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    read.addAndGet(n);
                }
            });
            assertTrue(e.getMessage().startsWith("cannot decode .inr audio: "), e.getMessage());
        }
        assertTrue(read.get() >= 4L * BLOCK_BYTES, read.get() + " bytes read before the defect");
        assertTrue(read.get() < AudioFiles.littleEndianPcm(kick, false).length, "not the whole recording");
    }

    @Test
    void aStreamClosedEarlyStopsItsDecoder() throws Exception {
        Signal kick = Fixtures.read("kick24.wav").signal();
        InputStream in = new InrAudioFileReader().getAudioInputStream(new ByteArrayInputStream(blocks(kick)));
        assertEquals(6, in.read(new byte[6]));
        in.close();
        long until = System.nanoTime() + 10_000_000_000L;
        while (decoderAlive() && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        assertFalse(decoderAlive(), "the decoder thread ended");
        assertEquals(-1, in.read(new byte[6]), "nothing after close");
    }

    private static boolean decoderAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("inrkit-audio-decoder") && t.isAlive());
    }
}
