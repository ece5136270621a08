package io.inrkit.image;

import io.inrkit.codec.DecodeOptions;
import io.inrkit.core.BadInputException;
import io.inrkit.core.CorruptInputException;
import io.inrkit.core.MemoryLimitException;
import io.inrkit.core.Signal;
import io.inrkit.core.SignalKind;
import io.inrkit.core.SignalSpec;
import io.inrkit.core.UnsupportedFormatException;
import io.inrkit.core.internal.AtomicOutput;
import io.inrkit.core.internal.InputFiles;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.w3c.dom.Node;

/**
 * Reads PNG, TIFF, PNM, BMP and GIF images into {@link Signal}s at their true bit depth, and
 * writes signals as PNG or TIFF, every sample unchanged.
 *
 * <p>Every defect of an input ends in one {@link BadInputException}: {@link CorruptInputException}
 * for broken files (bad PNG CRC, truncation, decoder failures), {@link UnsupportedFormatException}
 * for well-formed files INRKit does not handle (JPEG, CMYK, float samples, several images).
 */
public final class ImageFiles {

    private static final String PNG_NATIVE = "javax_imageio_png_1.0";

    private ImageFiles() {
    }

    /** Reads an image file. */
    public static DecodedImage read(Path path) throws IOException {
        byte[] data = InputFiles.readAll(path);
        try {
            return decode(data);
        } catch (BadInputException e) {
            throw e.withContext(path.toString());
        }
    }

    /** Decodes an image held in memory, with the default limits. */
    public static DecodedImage decode(byte[] data) throws IOException {
        return decode(data, DecodeOptions.defaults());
    }

    /**
     * Decodes an image held in memory. The image's declared size is checked against the caller's
     * pixel and memory limits (those of {@link DecodeOptions}) before any reader allocates for
     * it: a file over them is a {@link io.inrkit.core.MemoryLimitException}.
     */
    public static DecodedImage decode(byte[] data, DecodeOptions limits) throws IOException {
        if (data.length == 0) {
            throw new CorruptInputException("empty file");
        }
        boolean png = PngChunks.hasSignature(data);
        if (png) {
            PngChunks.validate(data);
        } else if (TiffHeader.hasSignature(data)) {
            TiffHeader.checkSamplesPerPixel(data);
        }
        ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(data));
        ImageReader reader = readerFor(in);
        ImageFormat format = ImageFormat.forImageIoName(reader.getFormatName());
        BufferedImage img;
        IIOMetadata metadata;
        try {
            reader.setInput(in, false, false);
            int images = reader.getNumImages(true);
            if (images != 1) {
                throw images < 1 ? new CorruptInputException("the " + format + " file holds no image")
                        : new UnsupportedFormatException("the " + format + " file holds " + images
                                + " images; INRKit reads single images");
            }
            checkSize(reader.getWidth(0), reader.getHeight(0), bytesPerPixel(reader), limits);
            img = reader.read(0);
            metadata = reader.getImageMetadata(0);
        } catch (BadInputException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new CorruptInputException("cannot decode " + format + ": " + describe(e), e);
        } finally {
            reader.dispose();
        }
        RasterSignals.Converted converted = RasterSignals.fromImage(img);
        img = null; // let the decoded raster go before any narrowing copy below
        Signal signal = converted.signal();
        int container = signal.bitDepth();
        if (format == ImageFormat.PNG && !converted.paletteExpanded()) {
            signal = narrowToSignificantBits(signal, pngSignificantBits(metadata));
        } else if (format == ImageFormat.PNM && !converted.paletteExpanded()) {
            signal = PnmSamples.unscale(signal, PnmHeader.maxval(data));
        }
        return new DecodedImage(signal, format, converted.paletteExpanded(), container);
    }

    /** Whether {@code data} starts like an image some installed ImageIO reader knows. */
    public static boolean recognises(byte[] data) {
        if (PngChunks.hasSignature(data)) {
            return true;
        }
        return ImageIO.getImageReaders(new MemoryCacheImageInputStream(new ByteArrayInputStream(data))).hasNext();
    }

    private static ImageReader readerFor(ImageInputStream in) throws UnsupportedFormatException {
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        String other = null;
        while (readers.hasNext()) {
            ImageReader r = readers.next();
            String name;
            try {
                name = r.getFormatName();
            } catch (IOException e) {
                continue;
            }
            if (ImageFormat.forImageIoName(name) != null) {
                return r;
            }
            other = name.toUpperCase(java.util.Locale.ROOT);
        }
        if (other != null) {
            throw new UnsupportedFormatException(other + " images are not supported (PNG, TIFF, PNM, BMP, GIF)");
        }
        throw new UnsupportedFormatException("not a recognised image file (PNG, TIFF, PNM, BMP, GIF)");
    }

    /**
     * Refuses images whose declared size cannot be held or is over the caller's limits, before
     * the decoder allocates for them.
     */
    private static void checkSize(int width, int height, int bytesPerPixel, DecodeOptions limits)
            throws BadInputException {
        if (width < 1 || height < 1) {
            throw new CorruptInputException("impossible image size " + width + "x" + height);
        }
        long samples = 4L * width * height; // at most 4 channels
        if (samples > SignalSpec.MAX_SAMPLES) {
            throw new UnsupportedFormatException("image of " + width + "x" + height + " is too large (at most "
                    + SignalSpec.MAX_SAMPLES / 4 + " pixels)");
        }
        long pixels = (long) width * height;
        if (pixels > limits.maxPixels()) {
            throw new MemoryLimitException("the image declares " + width + "x" + height + ", " + pixels
                    + " pixels, over the limit of " + limits.maxPixels() + " pixels (raise it with --max-pixels)",
                    MemoryLimitException.Unit.PIXELS, pixels, limits.maxPixels());
        }
        long bytes = pixels * bytesPerPixel;
        if (bytes > limits.maxMemory()) {
            throw new MemoryLimitException("the image declares " + width + "x" + height + ", which needs about "
                    + bytes + " bytes to read, over the limit of " + limits.maxMemory()
                    + " bytes (raise it with --max-memory)", MemoryLimitException.Unit.BYTES, bytes, limits.maxMemory());
        }
        Runtime rt = Runtime.getRuntime();
        long available = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        if (bytes > available) {
            throw new BadInputException("image of " + width + "x" + height + " needs about " + (bytes >> 20)
                    + " MiB, more than the " + (available >> 20) + " MiB the JVM has free (raise -Xmx in JAVA_OPTS)");
        }
    }

    /**
     * Bytes a pixel takes while it is read: in the reader's raster (its bands at their sample
     * size) and in the signal made from it (as many channels, or 4 for a palette, each 1 byte up to
     * 8 bits and 2 above). When the reader cannot say, the most any image takes: 4 channels of 2
     * bytes, twice.
     */
    private static int bytesPerPixel(ImageReader reader) {
        try {
            ImageTypeSpecifier type = reader.getRawImageType(0);
            if (type != null) {
                int bands = type.getNumBands();
                int rasterBytes = Math.max(1, DataBuffer.getDataTypeSize(type.getSampleModel().getDataType()) / 8);
                boolean palette = type.getColorModel() instanceof IndexColorModel;
                return bands * rasterBytes + (palette ? 4 : bands) * Math.min(2, rasterBytes);
            }
        } catch (IOException | RuntimeException e) {
            // the read that follows reports what is wrong with the file
        }
        return 4 * 2 * 2;
    }

    /** The bit depth every channel's PNG sBIT entry names, or 0 when absent or unequal. */
    private static int pngSignificantBits(IIOMetadata metadata) {
        if (metadata == null) {
            return 0;
        }
        Node root;
        try {
            root = metadata.getAsTree(PNG_NATIVE);
        } catch (IllegalArgumentException e) {
            return 0;
        }
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!n.getNodeName().equals("sBIT") || n.getFirstChild() == null) {
                continue;
            }
            int bits = 0;
            org.w3c.dom.NamedNodeMap attrs = n.getFirstChild().getAttributes();
            for (int i = 0; i < attrs.getLength(); i++) {
                int v = Integer.parseInt(attrs.item(i).getNodeValue());
                if (bits != 0 && v != bits) {
                    return 0;
                }
                bits = v;
            }
            return bits;
        }
        return 0;
    }

    /**
     * The signal at {@code bits} when every sample is the bit replication of a {@code bits}-bit
     * value (what INRKit writes with sBIT); otherwise unchanged, since narrowing would lose data.
     */
    private static Signal narrowToSignificantBits(Signal signal, int bits) {
        int container = signal.bitDepth();
        if (bits <= 0 || bits >= container) {
            return signal;
        }
        for (int i = 0, n = signal.sampleCount(); i < n; i++) {
            if (!SignificantBits.isWidened(signal.sample(i), bits, container)) {
                return signal;
            }
        }
        Signal.Builder out = Signal.builder(signal.spec().withBitDepth(bits));
        for (int i = 0, n = signal.sampleCount(); i < n; i++) {
            out.set(i, SignificantBits.narrow(signal.sample(i), bits, container));
        }
        return out.build();
    }

    /** Writes {@code signal} to {@code path} in the format its extension names (png, tif, tiff). */
    public static void write(Signal signal, Path path, boolean replace) throws IOException {
        ImageFormat format = ImageFormat.forPath(path);
        if (format == null || !format.writable()) {
            throw new IllegalArgumentException("cannot tell the output format from '" + path.getFileName()
                    + "' (write .png, .tif or .tiff)");
        }
        checkWritable(signal, format);
        AtomicOutput.write(path, replace, out -> write(signal, format, out));
    }

    /** Writes {@code signal} as a PNG ({@link PngWriter}) or TIFF (LZW) stream. */
    public static void write(Signal signal, ImageFormat format, OutputStream out) throws IOException {
        checkWritable(signal, format);
        int container = containerBits(signal, format);
        if (format == ImageFormat.PNG) {
            PngWriter.write(signal, container, out);
            return;
        }
        BufferedImage img = RasterSignals.toImage(signal, container);
        ImageWriter writer = tiffWriter();
        try (ImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(ios);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionType("LZW");
            writer.write(null, new IIOImage(img, null, null), param);
            ios.flush();
        } finally {
            writer.dispose();
        }
        out.flush();
    }

    /**
     * The JDK's TIFF writer, because TwelveMonkeys' (3.13.1) fails on every 16-bit raster with
     * more than one band; the JDK's writes all of them, signed 16-bit included, and TwelveMonkeys
     * reads them back exactly (tested).
     */
    private static ImageWriter tiffWriter() {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(ImageFormat.TIFF.imageIoName());
        ImageWriter first = null;
        while (writers.hasNext()) {
            ImageWriter w = writers.next();
            String vendor = w.getOriginatingProvider() == null ? "" : w.getOriginatingProvider().getVendorName();
            if (!vendor.toLowerCase(java.util.Locale.ROOT).contains("twelvemonkeys")) {
                return w;
            }
            first = first == null ? w : first;
        }
        if (first == null) {
            throw new IllegalStateException("no ImageIO writer for TIFF");
        }
        return first;
    }

    private static void checkWritable(Signal signal, ImageFormat format) throws UnsupportedFormatException {
        if (signal.kind() != SignalKind.IMAGE) {
            throw new UnsupportedFormatException("cannot write " + signal.kind().displayName() + " as "
                    + format + "; write an audio format such as .wav");
        }
        if (!format.writable()) {
            throw new UnsupportedFormatException("INRKit writes PNG and TIFF, not " + format);
        }
        if (format == ImageFormat.PNG && signal.spec().signed()) {
            throw new UnsupportedFormatException("PNG has no signed samples; write TIFF (.tif) instead");
        }
        int bits = signal.bitDepth();
        if (format == ImageFormat.TIFF && signal.spec().signed() && bits != 16) {
            throw new UnsupportedFormatException("TIFF output keeps signed samples in 16 bits only; this image has "
                    + bits + "-bit signed samples");
        }
        if (format == ImageFormat.TIFF && bits != 8 && bits != 16) {
            throw new UnsupportedFormatException("TIFF output keeps 8- and 16-bit samples; this image has "
                    + bits + "-bit samples: write PNG, which records the depth in its sBIT chunk");
        }
    }

    /** PNG: 1/2/4-bit gray is stored packed; everything else in 8 or 16 bits. */
    private static int containerBits(Signal signal, ImageFormat format) {
        int bits = signal.bitDepth();
        if (format == ImageFormat.PNG && signal.channels() == 1 && (bits == 1 || bits == 2 || bits == 4)) {
            return bits;
        }
        return bits <= 8 ? 8 : 16;
    }

    private static String describe(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t && (t.getMessage() == null
                || t.getMessage().startsWith("Error reading") || t.getMessage().equals(t.getCause().toString()))) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }
}
