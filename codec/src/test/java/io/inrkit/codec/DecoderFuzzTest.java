package io.inrkit.codec;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.inrkit.core.BadInputException;
import io.inrkit.core.Signal;
import io.inrkit.core.SignalKind;
import io.inrkit.core.SignalSpec;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of the .inr reader and decoder (docs/RELIABILITY.md). The contract: any
 * bytes either decode (and then the file's SHA-256 of the samples matched) or end in one
 * {@link BadInputException}; any other exception, an OutOfMemoryError or a run over 10 s is a
 * finding. A file that parses is also read through the random-access path (one position, at the
 * far corner or the last frame). Without {@code JAZZER_FUZZ} each target replays its committed inputs
 * ({@code DecoderFuzzTestInputs/<target>}: the golden files, encoder output, and every finding).
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class DecoderFuzzTest {

    /**
     * Small enough that a fuzzed size field cannot make one run slow: the limits are the
     * caller's, and a file over them must be refused just as cleanly as a corrupt one.
     */
    private static final DecodeOptions LIMITS = DecodeOptions.builder()
            .threads(1).maxPixels(1 << 12).maxMemory(4L << 20).build();

    /** The bytes as they come: container framing, CRCs, version and section order. */
    @FuzzTest(maxDuration = "60s")
    void anyBytes(byte[] file) {
        readAndDecode(file);
    }

    /**
     * The bytes with every well-framed section's CRC32C made right, so mutations reach the
     * signal, model and coded-bit parsers behind the CRC instead of stopping at it.
     */
    @FuzzTest(maxDuration = "300s")
    void sectionsWithValidCrcs(byte[] file) {
        refreshSectionCrcs(file);
        readAndDecode(file);
    }

    private static void readAndDecode(byte[] file) {
        Decoder.isInr(file);
        InrFileInfo.kindOf(file);
        InrFileInfo info = null;
        try {
            info = InrFileInfo.read(file);
        } catch (BadInputException expected) {
            // a typed refusal is the contract
        }
        if (info != null) {
            decodePart(file, info.spec());
        }
        try {
            Signal decoded = Decoder.decode(file, LIMITS);
            if (decoded.spec().positions() > LIMITS.maxPixels()) {
                throw new AssertionError("decoded " + decoded.spec().describe() + " past the pixel limit");
            }
        } catch (BadInputException expected) {
            // a typed refusal is the contract
        }
    }

    /** The random-access path: the last tile's corner of an image, the last frames of audio. */
    private static void decodePart(byte[] file, SignalSpec spec) {
        try {
            Signal part = spec.kind() == SignalKind.IMAGE
                    ? Decoder.decodeRegion(file, spec.width() - 1, spec.height() - 1, 1, 1, LIMITS)
                    : Decoder.decodeFrames(file, spec.frames() - 1, 1, LIMITS);
            if (part.spec().positions() != 1) {
                throw new AssertionError("a one-position region decoded to " + part.spec().describe());
            }
        } catch (BadInputException expected) {
            // a typed refusal is the contract
        }
    }

    /** Frames are tag(1) length(4, little-endian) payload crc(4) after the 8-byte header (docs/FORMAT.md). */
    static void refreshSectionCrcs(byte[] f) {
        ByteBuffer le = ByteBuffer.wrap(f).order(ByteOrder.LITTLE_ENDIAN);
        int pos = 8;
        while (pos + 9 <= f.length) {
            long length = le.getInt(pos + 1) & 0xFFFFFFFFL;
            if (pos + 9 + length > f.length) {
                return;
            }
            CRC32C crc = new CRC32C();
            crc.update(f, pos, 5 + (int) length);
            le.putInt(pos + 5 + (int) length, (int) crc.getValue());
            pos += 9 + (int) length;
        }
    }
}
