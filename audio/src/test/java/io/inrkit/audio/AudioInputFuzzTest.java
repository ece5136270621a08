package io.inrkit.audio;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.inrkit.core.BadInputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.UnsupportedAudioFileException;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of the audio inputs INRKit reads (docs/RELIABILITY.md): the
 * javax.sound.sampled readers behind {@code inrkit encode} and {@code info} (the JDK's WAV / AIFF
 * / AU and tritonus' providers), INRKit's own WAV header walk, and the .inr audio provider. Any
 * bytes either read or end in INRKit's typed error ({@link BadInputException}; for the provider,
 * {@link UnsupportedAudioFileException} or {@link IOException}, as javax.sound's contract asks);
 * anything else, an OutOfMemoryError or a run over 10 s is a finding. Without {@code JAZZER_FUZZ}
 * each target replays its committed inputs ({@code AudioInputFuzzTestInputs/<target>}).
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class AudioInputFuzzTest {

    /** What {@code encode} and {@code info} call on an audio file. */
    @FuzzTest(maxDuration = "100s")
    void audioFile(byte[] data) {
        try {
            DecodedAudio audio = AudioFiles.decode(data);
            if (audio.signal().spec().frames() < 1) {
                throw new AssertionError("read audio of no frames");
            }
        } catch (BadInputException expected) {
            // a typed refusal is the contract
        } catch (IOException e) {
            throw new AssertionError("untyped I/O error from an in-memory read", e);
        }
    }

    /** INRKit's RIFF chunk walk that names what javax.sound refuses. */
    @FuzzTest(maxDuration = "100s")
    void wavHeader(byte[] data) {
        WavHeader.describeUnsupported(data);
    }

    /** The .inr javax.sound provider, as {@code AudioSystem.getAudioInputStream} drives it. */
    @FuzzTest(maxDuration = "100s")
    void inrThroughJavaxSound(byte[] data) {
        InrAudioFileReader reader = new InrAudioFileReader();
        try {
            reader.getAudioFileFormat(new ByteArrayInputStream(data));
            try (AudioInputStream in = reader.getAudioInputStream(new ByteArrayInputStream(data));
                    InputStream pcm = in) {
                pcm.readAllBytes();
            }
        } catch (UnsupportedAudioFileException | IOException expected) {
            // not .inr audio, or a bad one: the provider contract's two refusals
        }
    }
}
