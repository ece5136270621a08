package io.inrkit.image;

import com.twelvemonkeys.imageio.spi.ImageReaderSpiBase;
import io.inrkit.codec.InrFileInfo;
import io.inrkit.core.SignalKind;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** Registers {@link InrImageReader} with ImageIO (META-INF/services). */
public final class InrImageReaderSpi extends ImageReaderSpiBase {

    public InrImageReaderSpi() {
        super(new InrProviderInfo());
    }

    /** An .inr image: the magic, this version and the image kind; the stream is left where it was. */
    @Override
    public boolean canDecodeInput(Object source) throws IOException {
        if (!(source instanceof ImageInputStream in)) {
            return false;
        }
        byte[] head = new byte[InrFileInfo.PEEK_BYTES];
        in.mark();
        try {
            int got = 0;
            while (got < head.length) {
                int n = in.read(head, got, head.length - got);
                if (n < 0) {
                    return false;
                }
                got += n;
            }
        } finally {
            in.reset();
        }
        return InrFileInfo.kindOf(head).equals(Optional.of(SignalKind.IMAGE));
    }

    @Override
    public ImageReader createReaderInstance(Object extension) {
        return new InrImageReader(this);
    }

    @Override
    public String getDescription(Locale locale) {
        return "INRKit lossless implicit neural representation (.inr) image reader";
    }
}
