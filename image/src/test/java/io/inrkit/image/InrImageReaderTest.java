package io.inrkit.image;

import com.twelvemonkeys.imageio.util.ImageReaderAbstractTest;
import java.awt.Dimension;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.spi.ImageReaderSpi;

/**
 * The conformance checks TwelveMonkeys runs on its own ImageIO readers ({@code WebPImageReaderTest}
 * and the others extend the same class), run on the .inr reader: registration by name, suffix and
 * MIME type, input handling, index checks, read params (region, subsampling, destination, bands),
 * listeners, abort, dispose. What is specific to INRKit (depth kept, every sample exact, metadata)
 * is checked in {@code standardapi.InrImageIoTest}.
 */
class InrImageReaderTest extends ImageReaderAbstractTest<InrImageReader> {

    @Override
    protected ImageReaderSpi createProvider() {
        return new InrImageReaderSpi();
    }

    @Override
    protected List<TestData> getTestData() {
        List<TestData> data = new ArrayList<>();
        for (EncodedFixtures.Encoded e : EncodedFixtures.all()) {
            data.add(new TestData(e.file().toFile(), new Dimension(e.signal().spec().width(),
                    e.signal().spec().height())));
        }
        return data;
    }

    @Override
    protected List<String> getFormatNames() {
        return List.of("inr", "INR");
    }

    @Override
    protected List<String> getSuffixes() {
        return List.of("inr");
    }

    @Override
    protected List<String> getMIMETypes() {
        return List.of("image/x-inr");
    }
}
