package io.inrkit.image;

import io.inrkit.core.CorruptInputException;
import io.inrkit.core.Signal;
import io.inrkit.core.SignalSpec;
import io.inrkit.core.UnsupportedFormatException;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.SampleModel;
import java.awt.image.WritableRaster;

/**
 * {@link BufferedImage} to {@link Signal} and back, sample for sample. Raster band b is colour
 * model component b (gray or R, G, B, then alpha), whatever the byte order in memory, so samples
 * are taken straight from the raster: 16-bit data never passes through an 8-bit colour path.
 */
final class RasterSignals {

    /** A converted image, and whether its palette was expanded to RGB(A). */
    record Converted(Signal signal, boolean paletteExpanded) {
    }

    private RasterSignals() {
    }

    static Converted fromImage(BufferedImage img) throws UnsupportedFormatException, CorruptInputException {
        ColorModel cm = img.getColorModel();
        Raster raster = img.getRaster();
        SampleModel sm = raster.getSampleModel();
        int type = sm.getDataType();
        if (type == DataBuffer.TYPE_FLOAT || type == DataBuffer.TYPE_DOUBLE) {
            throw new UnsupportedFormatException("floating-point samples are not supported (integer images only)");
        }
        if (cm instanceof IndexColorModel icm) {
            return fromIndexed(raster, icm);
        }
        int colours = cm.getNumColorComponents();
        int csType = cm.getColorSpace().getType();
        boolean gray = csType == ColorSpace.TYPE_GRAY && colours == 1;
        boolean rgb = csType == ColorSpace.TYPE_RGB && colours == 3;
        if (!gray && !rgb) {
            throw new UnsupportedFormatException("colour space " + colourSpaceName(csType) + " with " + colours
                    + " components is not supported (gray or RGB, with or without alpha)");
        }
        int bands = raster.getNumBands();
        if (bands != cm.getNumComponents()) {
            throw new UnsupportedFormatException(bands + " raster bands for " + cm.getNumComponents()
                    + " colour components is not supported");
        }
        int bits = sm.getSampleSize(0);
        for (int b = 1; b < bands; b++) {
            if (sm.getSampleSize(b) != bits) {
                throw new UnsupportedFormatException("channels of different bit depths ("
                        + java.util.Arrays.toString(sm.getSampleSize()) + ") are not supported");
            }
        }
        if (bits > 16) {
            throw new UnsupportedFormatException(bits + "-bit samples are not supported (images: 1..16 bits)");
        }
        boolean signed = type == DataBuffer.TYPE_SHORT;
        int w = raster.getWidth();
        int h = raster.getHeight();
        Signal.Builder out = Signal.builder(SignalSpec.image(w, h, bands, bits, signed));
        int[] row = new int[w * bands];
        for (int y = 0; y < h; y++) {
            raster.getPixels(0, y, w, 1, row);
            out.setAll(y * row.length, row, 0, row.length);
        }
        return new Converted(out.build(), false);
    }

    /**
     * Palette images. A palette of opaque gray levels that are exact n-bit levels (PNG 1/2/4-bit
     * gray, PBM, bilevel BMP) is an n-bit gray image; any other palette is expanded to 8-bit RGB,
     * or RGBA when the palette has transparency.
     */
    private static Converted fromIndexed(Raster raster, IndexColorModel icm) throws CorruptInputException {
        int bits = raster.getSampleModel().getSampleSize(0);
        int size = icm.getMapSize();
        int w = raster.getWidth();
        int h = raster.getHeight();
        int[] row = new int[w];
        int[] levels = grayLevels(icm, bits);
        if (levels != null) {
            Signal.Builder out = Signal.builder(SignalSpec.image(w, h, 1, bits));
            for (int y = 0; y < h; y++) {
                raster.getSamples(0, y, w, 1, 0, row);
                for (int x = 0; x < w; x++) {
                    out.set(y * w + x, levels[checkIndex(row[x], size, x, y)]);
                }
            }
            return new Converted(out.build(), false);
        }
        int channels = icm.hasAlpha() ? 4 : 3;
        Signal.Builder out = Signal.builder(SignalSpec.image(w, h, channels, 8));
        for (int y = 0; y < h; y++) {
            raster.getSamples(0, y, w, 1, 0, row);
            for (int x = 0; x < w; x++) {
                int i = checkIndex(row[x], size, x, y);
                int at = (y * w + x) * channels;
                out.set(at, icm.getRed(i)).set(at + 1, icm.getGreen(i)).set(at + 2, icm.getBlue(i));
                if (channels == 4) {
                    out.set(at + 3, icm.getAlpha(i));
                }
            }
        }
        return new Converted(out.build(), true);
    }

    private static int checkIndex(int index, int size, int x, int y) throws CorruptInputException {
        if (index >= size) {
            throw new CorruptInputException("pixel (" + x + ", " + y + ") uses palette entry " + index
                    + " of a " + size + "-entry palette");
        }
        return index;
    }

    /** The n-bit level of every palette entry when all are opaque exact gray levels, else null. */
    private static int[] grayLevels(IndexColorModel icm, int bits) {
        if (icm.hasAlpha() || bits > 8) {
            return null;
        }
        int top = (1 << bits) - 1;
        int[] levels = new int[icm.getMapSize()];
        for (int i = 0; i < levels.length; i++) {
            int g = icm.getRed(i);
            if (icm.getGreen(i) != g || icm.getBlue(i) != g || (g * top) % 255 != 0) {
                return null;
            }
            levels[i] = g * top / 255;
        }
        return levels;
    }

    /**
     * An image holding {@code signal}'s samples in {@code container}-bit samples, 8 or 16 (the
     * TIFF writer's and the .inr ImageIO reader's; packed PNG gray is {@link PngWriter}'s).
     * Samples narrower than the container are widened by bit replication ({@link SignificantBits}).
     */
    static BufferedImage toImage(Signal signal, int container) {
        SignalSpec spec = signal.spec();
        int w = spec.width();
        int h = spec.height();
        int c = spec.channels();
        int bits = spec.bitDepth();
        if (container != 8 && container != 16) {
            throw new IllegalArgumentException("rasters of 8- or 16-bit samples, not " + container);
        }
        boolean alpha = c == 2 || c == 4;
        ColorSpace cs = ColorSpace.getInstance(c <= 2 ? ColorSpace.CS_GRAY : ColorSpace.CS_sRGB);
        int dataType = container == 8 ? DataBuffer.TYPE_BYTE
                : spec.signed() ? DataBuffer.TYPE_SHORT : DataBuffer.TYPE_USHORT;
        int[] sizes = new int[c];
        java.util.Arrays.fill(sizes, container);
        ComponentColorModel cm = new ComponentColorModel(cs, sizes, alpha, false,
                alpha ? Transparency.TRANSLUCENT : Transparency.OPAQUE, dataType);
        WritableRaster r = cm.createCompatibleWritableRaster(w, h);
        int[] row = new int[w * c];
        for (int y = 0; y < h; y++) {
            signal.copyTo(y * row.length, row, 0, row.length);
            if (bits < container) {
                for (int i = 0; i < row.length; i++) {
                    row[i] = SignificantBits.widen(row[i], bits, container);
                }
            }
            r.setPixels(0, y, w, 1, row);
        }
        return new BufferedImage(cm, r, false, null);
    }

    private static String colourSpaceName(int type) {
        return switch (type) {
            case ColorSpace.TYPE_CMYK -> "CMYK";
            case ColorSpace.TYPE_CMY -> "CMY";
            case ColorSpace.TYPE_YCbCr -> "YCbCr";
            case ColorSpace.TYPE_Lab -> "Lab";
            case ColorSpace.TYPE_XYZ -> "XYZ";
            case ColorSpace.TYPE_HSV -> "HSV";
            case ColorSpace.TYPE_GRAY -> "gray";
            case ColorSpace.TYPE_RGB -> "RGB";
            default -> "#" + type;
        };
    }
}
