package io.inrkit.image;

import com.twelvemonkeys.imageio.util.ImageWriterAbstractTest;
import java.awt.image.BufferedImage;
import java.awt.image.RenderedImage;
import java.util.List;
import javax.imageio.spi.ImageWriterSpi;

/**
 * The conformance checks TwelveMonkeys runs on its own ImageIO writers, run on the .inr writer:
 * output handling, null and missing arguments, the default write param, and progress listeners.
 * They write with no param, so with the default preset, which trains a network: the images are
 * small to keep that short. That every sample comes back is checked in
 * {@code standardapi.InrImageIoTest}.
 */
class InrImageWriterTest extends ImageWriterAbstractTest<InrImageWriter> {

    @Override
    protected ImageWriterSpi createProvider() {
        return new InrImageWriterSpi();
    }

    /** Gray 8 and 16 bits and interleaved RGBA, as Java2D draws them. */
    @Override
    protected List<? extends RenderedImage> getTestData() {
        return List.of(
                drawSomething(new BufferedImage(4, 3, BufferedImage.TYPE_BYTE_GRAY)),
                drawSomething(new BufferedImage(4, 3, BufferedImage.TYPE_USHORT_GRAY)),
                drawSomething(new BufferedImage(4, 3, BufferedImage.TYPE_4BYTE_ABGR)));
    }
}
