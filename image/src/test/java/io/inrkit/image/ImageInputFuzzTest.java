package io.inrkit.image;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.inrkit.core.BadInputException;
import io.inrkit.core.CorruptInputException;
import io.inrkit.core.SignalSpec;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import javax.imageio.IIOException;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of the image inputs INRKit reads (docs/RELIABILITY.md): its own PNG
 * chunk checks and PNM header parser, the ImageIO readers behind {@code inrkit encode} and
 * {@code info} (the JDK's PNG / GIF / BMP and TwelveMonkeys' TIFF / PNM / BMP), and the .inr
 * ImageIO reader. Any bytes either read or end in INRKit's typed error ({@link BadInputException};
 * {@link IIOException} from the ImageIO reader, as ImageIO's contract asks); anything else, an
 * OutOfMemoryError or a run over 10 s is a finding. Without {@code JAZZER_FUZZ} each target
 * replays its committed inputs ({@code ImageInputFuzzTestInputs/<target>}).
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ImageInputFuzzTest {

    /** What {@code encode} and {@code info} call on an image file, every reader behind it included. */
    @FuzzTest(maxDuration = "100s")
    void imageFile(byte[] data) {
        try {
            DecodedImage image = ImageFiles.decode(data);
            SignalSpec spec = image.signal().spec();
            if (spec.width() < 1 || spec.height() < 1) {
                throw new AssertionError("read an impossible image " + spec.describe());
            }
        } catch (BadInputException expected) {
            // a typed refusal is the contract
        } catch (IOException e) {
            throw new AssertionError("untyped I/O error from an in-memory read", e);
        }
    }

    /** INRKit's own PNG chunk walk, given the signature so every input reaches it. */
    @FuzzTest(maxDuration = "100s")
    void pngChunks(byte[] chunks) {
        byte[] png = new byte[PngChunks.SIGNATURE.length + chunks.length];
        System.arraycopy(PngChunks.SIGNATURE, 0, png, 0, PngChunks.SIGNATURE.length);
        System.arraycopy(chunks, 0, png, PngChunks.SIGNATURE.length, chunks.length);
        try {
            PngChunks.validate(png);
        } catch (CorruptInputException expected) {
            // the one way it refuses
        }
    }

    /** INRKit's PNM / PAM header parser, which finds the maxval that ImageIO does not report. */
    @FuzzTest(maxDuration = "100s")
    void pnmHeader(byte[] data) {
        if (!PnmHeader.hasSignature(data)) {
            return;
        }
        try {
            int maxval = PnmHeader.maxval(data);
            if (maxval < 1 || maxval > 65535) {
                throw new AssertionError("maxval " + maxval + " outside 1..65535");
            }
        } catch (CorruptInputException expected) {
            // the one way it refuses
        }
    }

    /** The .inr ImageIO reader, as {@code ImageIO.read} drives it. */
    @FuzzTest(maxDuration = "100s")
    void inrThroughImageIo(byte[] data) throws IOException {
        ImageReader reader = new InrImageReaderSpi().createReaderInstance();
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(data))) {
            reader.setInput(in);
            reader.getNumImages(true);
            reader.getWidth(0);
            reader.getImageMetadata(0);
            reader.read(0);
        } catch (IIOException | IndexOutOfBoundsException expected) {
            // IIOException: a bad file; IndexOutOfBoundsException: image 0 of a file holding
            // none, as ImageReader's contract says
        } catch (IOException e) {
            throw new AssertionError("untyped I/O error from an in-memory read", e);
        } finally {
            reader.dispose();
        }
    }
}
