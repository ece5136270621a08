package io.inrkit.image;

import com.twelvemonkeys.imageio.spi.ImageWriterSpiBase;
import java.awt.image.ColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.SampleModel;
import java.util.Locale;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;

/** Registers {@link InrImageWriter} with ImageIO (META-INF/services). */
public final class InrImageWriterSpi extends ImageWriterSpiBase {

    public InrImageWriterSpi() {
        super(new InrProviderInfo());
    }

    /** Integer gray or RGB, with or without alpha, up to 16 bits per sample, or a palette image. */
    @Override
    public boolean canEncodeImage(ImageTypeSpecifier type) {
        SampleModel sm = type.getSampleModel();
        ColorModel cm = type.getColorModel();
        int dataType = sm.getDataType();
        if (dataType == DataBuffer.TYPE_FLOAT || dataType == DataBuffer.TYPE_DOUBLE) {
            return false;
        }
        if (cm instanceof IndexColorModel) {
            return true;
        }
        int colours = cm.getNumColorComponents();
        int space = cm.getColorSpace().getType();
        boolean grayOrRgb = space == java.awt.color.ColorSpace.TYPE_GRAY && colours == 1
                || space == java.awt.color.ColorSpace.TYPE_RGB && colours == 3;
        for (int size : sm.getSampleSize()) {
            if (size > 16 || size != sm.getSampleSize(0)) {
                return false;
            }
        }
        return grayOrRgb;
    }

    @Override
    public ImageWriter createWriterInstance(Object extension) {
        return new InrImageWriter(this);
    }

    @Override
    public String getDescription(Locale locale) {
        return "INRKit lossless implicit neural representation (.inr) image writer";
    }
}
