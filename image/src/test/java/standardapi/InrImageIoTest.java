package standardapi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.IIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * .inr images through ImageIO alone, as a program that has never heard of INRKit uses them: this
 * class imports nothing of INRKit. Sources are small crops of real photographs (fixtures).
 */
class InrImageIoTest {

    @TempDir
    Path dir;

    static File fixture(String name) {
        return Path.of("src", "test", "resources", "fixtures", name).toFile();
    }

    @Test
    void writesAndReadsEveryDepthAndLayoutSampleForSample() throws IOException {
        for (String name : List.of("gray8.png", "gray16.png", "rgb8.png", "rgb16.png", "rgba16.png")) {
            BufferedImage source = ImageIO.read(fixture(name));
            File inr = dir.resolve(name + ".inr").toFile();
            writeWithPreset(source, "fast", inr);
            BufferedImage back = ImageIO.read(inr);
            assertSameSamples(source.getRaster(), back.getRaster(), name);
            assertEquals(source.getColorModel().getNumComponents(), back.getColorModel().getNumComponents());
        }
    }

    @Test
    void imageIoWriteUsesTheDefaultSettings() throws IOException {
        BufferedImage source = ImageIO.read(fixture("gray16.png"));
        File inr = dir.resolve("default.inr").toFile();
        assertTrue(ImageIO.write(source, "inr", inr), "a writer for 'inr' is registered");
        assertSameSamples(source.getRaster(), ImageIO.read(inr).getRaster(), "default settings");
    }

    @Test
    void foundBySuffixAndMimeType() {
        assertTrue(ImageIO.getImageReadersBySuffix("inr").hasNext());
        assertTrue(ImageIO.getImageWritersBySuffix("inr").hasNext());
        assertTrue(ImageIO.getImageReadersByMIMEType("image/x-inr").hasNext());
        assertTrue(Arrays.asList(ImageIO.getReaderFormatNames()).contains("inr"));
    }

    @Test
    void presetsAreTheCompressionTypesAndAllAreLossless() throws IOException {
        BufferedImage source = ImageIO.read(fixture("rgb16.png"));
        ImageWriteParam param = ImageIO.getImageWritersByFormatName("inr").next().getDefaultWriteParam();
        assertTrue(param.canWriteCompressed());
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        assertEquals(List.of("fast", "default", "max"), Arrays.asList(param.getCompressionTypes()));
        for (String type : param.getCompressionTypes()) {
            param.setCompressionType(type);
            assertTrue(param.isCompressionLossless(), type);
        }
        File inr = dir.resolve("fast.inr").toFile();
        writeWithPreset(source, "fast", inr);
        assertSameSamples(source.getRaster(), ImageIO.read(inr).getRaster(), "fast preset");
    }

    /** Writes through an ImageWriter with the preset as the compression type. */
    private static void writeWithPreset(BufferedImage image, String preset, File file) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("inr").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionType(preset);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }

    @Test
    void metadataGivesTheTrueDepthAndTheSizeBreakdown() throws IOException {
        File inr = dir.resolve("g.inr").toFile();
        writeWithPreset(ImageIO.read(fixture("gray16.png")), "fast", inr);
        try (ImageInputStream in = ImageIO.createImageInputStream(inr)) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            assertEquals(32, reader.getWidth(0));
            IIOMetadata metadata = reader.getImageMetadata(0);
            Node tree = metadata.getAsTree("javax_imageio_1.0");
            assertEquals("16", attribute(find(tree, "BitsPerSample"), "value"));
            assertEquals("16", textEntry(tree, "inr.bitDepth"));
            assertEquals("INR", attribute(find(tree, "CompressionTypeName"), "value"));
            assertEquals("TRUE", attribute(find(tree, "Lossless"), "value"));
            long file = Files.size(inr.toPath());
            assertEquals(Long.toString(file), textEntry(tree, "inr.fileBytes"));
            long parts = Long.parseLong(textEntry(tree, "inr.headerBytes")) + Long.parseLong(textEntry(tree, "inr.modelBytes"))
                    + Long.parseLong(textEntry(tree, "inr.bitsBytes"));
            assertEquals(file, parts, "header + models + bits = file");
            reader.dispose();
        }
    }

    @Test
    void readParamSelectsARegionAndSubsamples() throws IOException {
        BufferedImage source = ImageIO.read(fixture("rgb8.png"));
        File inr = dir.resolve("r.inr").toFile();
        writeWithPreset(source, "fast", inr);
        try (ImageInputStream in = ImageIO.createImageInputStream(inr)) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            ImageReadParam param = reader.getDefaultReadParam();
            param.setSourceRegion(new Rectangle(3, 5, 10, 7));
            BufferedImage part = reader.read(0, param);
            assertSameSamples(source.getRaster().createChild(3, 5, 10, 7, 0, 0, null), part.getRaster(), "region");
            ImageReadParam every2nd = reader.getDefaultReadParam();
            every2nd.setSourceSubsampling(2, 3, 0, 0);
            BufferedImage sub = reader.read(0, every2nd);
            assertEquals(16, sub.getWidth());
            assertEquals(8, sub.getHeight());
            for (int y = 0; y < sub.getHeight(); y++) {
                for (int x = 0; x < sub.getWidth(); x++) {
                    assertArrayEquals(source.getRaster().getPixel(2 * x, 3 * y, (int[]) null),
                            sub.getRaster().getPixel(x, y, (int[]) null), "subsampled pixel " + x + "," + y);
                }
            }
            reader.dispose();
        }
    }

    @Test
    void aDestinationWithNarrowerSamplesIsRefusedNotTruncated() throws IOException {
        BufferedImage source = ImageIO.read(fixture("gray16.png"));
        File inr = dir.resolve("g16.inr").toFile();
        writeWithPreset(source, "fast", inr);
        try (ImageInputStream in = ImageIO.createImageInputStream(inr)) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            ImageReadParam param = reader.getDefaultReadParam();
            param.setDestination(new BufferedImage(32, 24, BufferedImage.TYPE_BYTE_GRAY));
            // ImageReaderBase.getDestination takes only destinations with the image's sample sizes
            assertThrows(IIOException.class, () -> reader.read(0, param));
            param.setDestination(new BufferedImage(32, 24, BufferedImage.TYPE_USHORT_GRAY));
            assertSameSamples(source.getRaster(), reader.read(0, param).getRaster(), "16-bit destination");
            reader.dispose();
        }
    }

    @Test
    void otherStreamsAreLeftAloneAndUnclaimed() throws IOException {
        File png = fixture("rgb8.png");
        try (ImageInputStream in = ImageIO.createImageInputStream(png)) {
            ImageReader inr = ImageIO.getImageReadersByFormatName("inr").next();
            assertFalse(inr.getOriginatingProvider().canDecodeInput(in));
            assertEquals(0, in.getStreamPosition(), "canDecodeInput consumed nothing");
            assertEquals("png", ImageIO.getImageReaders(in).next().getFormatName().toLowerCase());
        }
        Path text = dir.resolve("fake.inr");
        Files.writeString(text, "INRK but not really");
        assertNull(ImageIO.read(text.toFile()), "a truncated header is not claimed");
    }

    private static void assertSameSamples(Raster a, Raster b, String what) {
        assertEquals(a.getWidth(), b.getWidth(), what);
        assertEquals(a.getHeight(), b.getHeight(), what);
        assertEquals(a.getNumBands(), b.getNumBands(), what);
        assertArrayEquals(a.getSampleModel().getSampleSize(), b.getSampleModel().getSampleSize(), what + ": bit depth kept");
        int[] x = a.getPixels(a.getMinX(), a.getMinY(), a.getWidth(), a.getHeight(), (int[]) null);
        int[] y = b.getPixels(b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight(), (int[]) null);
        assertArrayEquals(x, y, what + ": every sample");
    }

    private static Node find(Node node, String name) {
        if (node.getNodeName().equals(name)) {
            return node;
        }
        for (Node c = node.getFirstChild(); c != null; c = c.getNextSibling()) {
            Node f = find(c, name);
            if (f != null) {
                return f;
            }
        }
        return null;
    }

    private static String attribute(Node node, String name) {
        NamedNodeMap a = node.getAttributes();
        String v = a.getNamedItem(name).getNodeValue();
        return v.trim().split(" ")[0];
    }

    private static String textEntry(Node tree, String keyword) {
        Node text = find(tree, "Text");
        for (Node c = text.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (keyword.equals(c.getAttributes().getNamedItem("keyword").getNodeValue())) {
                return c.getAttributes().getNamedItem("value").getNodeValue();
            }
        }
        throw new AssertionError("no text entry " + keyword);
    }
}
