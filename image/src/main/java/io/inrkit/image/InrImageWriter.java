package io.inrkit.image;

import com.twelvemonkeys.imageio.ImageWriterBase;
import io.inrkit.codec.EncodeOptions;
import io.inrkit.codec.EncodeResult;
import io.inrkit.codec.Encoder;
import io.inrkit.core.BadInputException;
import io.inrkit.core.Signal;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.RenderedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import javax.imageio.IIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.spi.ImageWriterSpi;

/**
 * Writes .inr images through ImageIO with the encoder's preset (default unless an
 * {@link InrImageWriteParam} names another). The raster's sample size is the stored bit depth:
 * 16-bit rasters stay 16-bit.
 *
 * <p>Like every ImageIO writer, one instance serves one thread at a time; {@code ImageIO.write}
 * makes a new one per call, so it may run on several threads at once (each to its own output).
 */
public final class InrImageWriter extends ImageWriterBase {

    InrImageWriter(ImageWriterSpi provider) {
        super(provider);
    }

    @Override
    public ImageWriteParam getDefaultWriteParam() {
        return new InrImageWriteParam(getLocale());
    }

    @Override
    public IIOMetadata getDefaultImageMetadata(ImageTypeSpecifier type, ImageWriteParam param) {
        return null; // nothing of the metadata is stored: the file holds samples and models only
    }

    @Override
    public IIOMetadata convertImageMetadata(IIOMetadata metadata, ImageTypeSpecifier type, ImageWriteParam param) {
        return null;
    }

    @Override
    public void write(IIOMetadata streamMetadata, IIOImage image, ImageWriteParam param) throws IOException {
        assertOutput();
        if (image.hasRaster()) {
            throw new IIOException(".inr images are written from RenderedImages, not bare Rasters");
        }
        BufferedImage img = region(buffered(image.getRenderedImage()), param);
        Signal signal;
        try {
            signal = RasterSignals.fromImage(img).signal();
        } catch (BadInputException e) {
            throw new IIOException("cannot write this image as .inr: " + e.getMessage(), e);
        }
        EncodeOptions options = EncodeOptions.builder().preset(InrImageWriteParam.preset(param)).build();
        processImageStarted(0);
        EncodeResult r = Encoder.encode(signal, options, new Encoder.Listener() {
            @Override
            public void stage(String what) {
                processImageProgress(50f);
            }
        });
        imageOutput.write(r.file());
        imageOutput.flush();
        processImageComplete();
    }

    private static BufferedImage buffered(RenderedImage image) {
        if (image instanceof BufferedImage b) {
            return b;
        }
        ColorModel cm = image.getColorModel();
        WritableRaster raster = cm.createCompatibleWritableRaster(image.getWidth(), image.getHeight());
        image.copyData(raster.createWritableTranslatedChild(image.getMinX(), image.getMinY()));
        return new BufferedImage(cm, raster, cm.isAlphaPremultiplied(), null);
    }

    /** The part of {@code img} the param selects: source region, then subsampling. */
    private static BufferedImage region(BufferedImage img, ImageWriteParam param) {
        if (param == null) {
            return img;
        }
        Rectangle r = getSourceRegion(param, img.getWidth(), img.getHeight());
        int sx = param.getSourceXSubsampling();
        int sy = param.getSourceYSubsampling();
        int ox = param.getSubsamplingXOffset();
        int oy = param.getSubsamplingYOffset();
        if (r.x == 0 && r.y == 0 && r.width == img.getWidth() && r.height == img.getHeight() && sx == 1 && sy == 1) {
            return img;
        }
        int w = (r.width - ox + sx - 1) / sx;
        int h = (r.height - oy + sy - 1) / sy;
        ColorModel cm = img.getColorModel();
        WritableRaster to = cm.createCompatibleWritableRaster(Math.max(1, w), Math.max(1, h));
        int[] pixel = new int[img.getRaster().getNumBands()];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.getRaster().getPixel(r.x + ox + x * sx, r.y + oy + y * sy, pixel);
                to.setPixel(x, y, pixel);
            }
        }
        return new BufferedImage(cm, to, cm.isAlphaPremultiplied(), null);
    }
}
