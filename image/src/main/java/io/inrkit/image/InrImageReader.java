package io.inrkit.image;

import com.twelvemonkeys.imageio.ImageReaderBase;
import com.twelvemonkeys.imageio.StandardImageMetadataSupport;
import io.inrkit.codec.DecodeOptions;
import io.inrkit.codec.Decoder;
import io.inrkit.codec.InrFileInfo;
import io.inrkit.core.BadInputException;
import io.inrkit.core.Signal;
import io.inrkit.core.SignalKind;
import io.inrkit.core.SignalSpec;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.IIOException;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads .inr images through ImageIO. The image keeps its bit depth: samples of 9 to 16 bits come
 * in 16-bit rasters (deeper than 8 never becomes 8), 1 to 8 bits in 8-bit rasters, narrower
 * depths widened by bit replication as INRKit writes PNG; the true depth is in the standard
 * metadata's significant bits, with the file's size breakdown as text entries. The whole file is
 * read and checked (SHA-256 of the samples) before any pixel is returned.
 *
 * <p>Like every ImageIO reader, one instance serves one thread at a time; {@code ImageIO.read}
 * makes a new one per call, so it may run on several threads at once, on the same file too.
 */
public final class InrImageReader extends ImageReaderBase {

    private byte[] data;
    private InrFileInfo container;
    private Signal signal;

    InrImageReader(ImageReaderSpi provider) {
        super(provider);
    }

    @Override
    protected void resetMembers() {
        data = null;
        container = null;
        signal = null;
    }

    private InrFileInfo container() throws IOException {
        assertInput();
        if (container == null) {
            byte[] bytes = readAll(imageInput);
            InrFileInfo c;
            try {
                c = InrFileInfo.read(bytes);
            } catch (BadInputException e) {
                throw new IIOException("cannot read .inr: " + e.getMessage(), e);
            }
            if (c.spec().kind() != SignalKind.IMAGE) {
                throw new IIOException("the .inr file holds " + c.spec().describe()
                        + ", not an image: read it with javax.sound.sampled");
            }
            data = bytes;
            container = c;
        }
        return container;
    }

    private static byte[] readAll(ImageInputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[1 << 16];
        for (int n; (n = in.read(buf)) > 0;) {
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    /** Raster sample size for a depth: 8 up to 8 bits, else 16. */
    static int containerBits(int bits) {
        return bits <= 8 ? 8 : 16;
    }

    @Override
    public int getWidth(int imageIndex) throws IOException {
        checkBounds(imageIndex);
        return container().spec().width();
    }

    @Override
    public int getHeight(int imageIndex) throws IOException {
        checkBounds(imageIndex);
        return container().spec().height();
    }

    @Override
    public Iterator<ImageTypeSpecifier> getImageTypes(int imageIndex) throws IOException {
        checkBounds(imageIndex);
        return List.of(type(container().spec())).iterator();
    }

    private static ImageTypeSpecifier type(SignalSpec spec) {
        SignalSpec pixel = SignalSpec.image(1, 1, spec.channels(), spec.bitDepth(), spec.signed());
        Signal one = Signal.of(pixel, new int[spec.channels()]);
        return ImageTypeSpecifier.createFromRenderedImage(RasterSignals.toImage(one, containerBits(spec.bitDepth())));
    }

    @Override
    public BufferedImage read(int imageIndex, ImageReadParam param) throws IOException {
        checkBounds(imageIndex);
        SignalSpec spec = container().spec();
        int w = spec.width();
        int h = spec.height();
        clearAbortRequest();
        processImageStarted(imageIndex);
        // After abort() the image's contents are undefined (ImageReader.abort): an aborted read
        // returns without copying samples, and reports readAborted, not imageComplete.
        if (abortRequested()) {
            processReadAborted();
            return getDestination(param, getImageTypes(imageIndex), w, h);
        }
        if (param == null) {
            BufferedImage full = RasterSignals.toImage(whole(), containerBits(spec.bitDepth()));
            processImageProgress(100f);
            if (abortRequested()) {
                processReadAborted();
                return full;
            }
            processImageComplete();
            return full;
        }
        BufferedImage destination = getDestination(param, getImageTypes(imageIndex), w, h);
        checkReadParamBandSettings(param, spec.channels(), destination.getSampleModel().getNumBands());
        Rectangle source = new Rectangle();
        Rectangle target = new Rectangle();
        computeRegions(param, w, h, destination, source, target);
        int sx = param.getSourceXSubsampling();
        int sy = param.getSourceYSubsampling();
        // The pixels the subsampled region reads: only the tiles under them are decoded.
        int spanX = (target.width - 1) * sx + 1;
        int spanY = (target.height - 1) * sy + 1;
        Signal part = region(source.x, source.y, spanX, spanY);
        processImageProgress(100f);
        if (abortRequested()) {
            processReadAborted();
            return destination;
        }
        Raster from = RasterSignals.toImage(part, containerBits(spec.bitDepth())).getRaster();
        WritableRaster to = destination.getRaster();
        int[] pixel = new int[spec.channels()];
        for (int y = 0; y < target.height; y++) {
            for (int x = 0; x < target.width; x++) {
                from.getPixel(x * sx, y * sy, pixel);
                to.setPixel(target.x + x, target.y + y, pixel);
            }
        }
        processImageComplete();
        return destination;
    }

    /** The whole image, decoded once and kept for later reads. */
    private Signal whole() throws IIOException {
        if (signal == null) {
            try {
                signal = Decoder.decode(data, Runtime.getRuntime().availableProcessors());
            } catch (BadInputException e) {
                throw new IIOException("cannot decode .inr: " + e.getMessage(), e);
            }
        }
        return signal;
    }

    /** The {@code width x height} pixels at {@code (x, y)}: from the whole image if decoded, else from their tiles. */
    private Signal region(int x, int y, int width, int height) throws IIOException {
        SignalSpec spec = signal != null ? signal.spec() : container.spec();
        if (signal != null || x == 0 && y == 0 && width == spec.width() && height == spec.height()) {
            Signal all = whole();
            return width == spec.width() && height == spec.height() ? all : all.crop(x, y, width, height);
        }
        try {
            return Decoder.decodeRegion(data, x, y, width, height,
                    DecodeOptions.builder().threads(Runtime.getRuntime().availableProcessors()).build());
        } catch (BadInputException e) {
            throw new IIOException("cannot decode .inr: " + e.getMessage(), e);
        }
    }

    /** Standard metadata: lossless "INR" compression, significant bits, and the sizes as text. */
    @Override
    public IIOMetadata getImageMetadata(int imageIndex) throws IOException {
        checkBounds(imageIndex);
        InrFileInfo c = container();
        SignalSpec spec = c.spec();
        int[] significant = new int[spec.channels()];
        Arrays.fill(significant, spec.bitDepth());
        InrFileInfo.Sizes sizes = c.sizes();
        Map<String, String> text = new LinkedHashMap<>();
        text.put("inr.bitDepth", Integer.toString(spec.bitDepth()));
        text.put("inr.signed", Boolean.toString(spec.signed()));
        text.put("inr.fileBytes", Integer.toString(sizes.total()));
        text.put("inr.headerBytes", Integer.toString(sizes.header()));
        text.put("inr.modelBytes", Integer.toString(sizes.models()));
        text.put("inr.bitsBytes", Integer.toString(sizes.bits()));
        text.put("inr.models", Integer.toString(c.networks().size()));
        text.put("inr.parameters", Long.toString(c.parameters()));
        return StandardImageMetadataSupport.builder(type(spec))
                .withCompressionTypeName("INR")
                .withCompressionLossless(true)
                .withSignificantBitsPerSample(significant)
                .withTextEntries(text)
                .build();
    }
}
