package io.inrkit.image;

import com.twelvemonkeys.imageio.spi.ReaderWriterProviderInfo;
import com.twelvemonkeys.imageio.spi.ReaderWriterProviderInfoTest;

/**
 * TwelveMonkeys' checks of a plugin's provider info (as its {@code WebPProviderInfoTest}): the
 * reader, writer and SPI classes it names exist and are of the right kind, and names, suffixes and
 * MIME types are well formed.
 */
class InrProviderInfoTest extends ReaderWriterProviderInfoTest {

    @Override
    protected ReaderWriterProviderInfo createProviderInfo() {
        return new InrProviderInfo();
    }
}
