package io.inrkit.image;

import com.twelvemonkeys.imageio.spi.ReaderWriterProviderInfo;

/** Names, suffix and MIME type of the .inr ImageIO plugin. */
final class InrProviderInfo extends ReaderWriterProviderInfo {

    /** ImageIO format names: {@code ImageIO.write(image, "inr", file)}. */
    static final String[] NAMES = {"inr", "INR"};
    static final String[] SUFFIXES = {"inr"};
    /** Not registered with IANA; the x- prefix says so. */
    static final String[] MIME_TYPES = {"image/x-inr"};

    InrProviderInfo() {
        super(InrProviderInfo.class, NAMES, SUFFIXES, MIME_TYPES,
                "io.inrkit.image.InrImageReader", new String[] {"io.inrkit.image.InrImageReaderSpi"},
                "io.inrkit.image.InrImageWriter", new String[] {"io.inrkit.image.InrImageWriterSpi"},
                false, null, null, null, null,
                true, null, null, null, null);
    }
}
