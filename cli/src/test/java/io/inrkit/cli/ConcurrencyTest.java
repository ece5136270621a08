package io.inrkit.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inrkit.audio.AudioFiles;
import io.inrkit.codec.DecodeOptions;
import io.inrkit.codec.Decoder;
import io.inrkit.codec.EncodeOptions;
import io.inrkit.codec.Encoder;
import io.inrkit.core.Signal;
import io.inrkit.image.ImageFiles;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16's concurrency bar: {@code Encoder}, {@code Decoder}, the ImageIO reader and writer and
 * the javax.sound reader and writer called from 8 threads at once, 100 operations per thread, on
 * a file shared by every thread and on each thread's own copy, give exactly what one thread gives.
 * Signals are real crops of the bundled samples (kodim23, a piano recording); the reference of
 * every operation is computed first, on this thread alone.
 */
class ConcurrencyTest {

    static final int THREADS = 8;
    static final int OPERATIONS = 100;
    static final AudioFileFormat.Type INR = new AudioFileFormat.Type("INR", "inr");

    @TempDir
    Path dir;

    /** One kind of call; {@code run(input)} gives its result as bytes to compare. */
    interface Operation {
        byte[] run(Path input, Path output) throws Exception;
    }

    record Kind(String name, Operation op, Path shared, byte[] reference) {
    }

    @Test
    void eightThreadsGiveTheBytesOfOne() throws Exception {
        Signal image = ImageFiles.read(Cli.sample("kodim23-64x64.png", dir)).signal().crop(20, 20, 16, 16);
        Signal clip = AudioFiles.read(Cli.sample("piano-stereo-16bit.wav", dir)).signal().segment(2000, 1024);
        Signal small = image.crop(4, 4, 8, 8);
        EncodeOptions fast = EncodeOptions.builder().preset(EncodeOptions.Preset.FAST).threads(1).build();
        // A network trained each time: training sets ND4J's process-wide thread count for its run.
        EncodeOptions net = EncodeOptions.builder().width(8).layers(1).iterations(20).threads(1).build();
        DecodeOptions decode = DecodeOptions.builder().threads(1).build();

        Path png = dir.resolve("crop.png");
        ImageFiles.write(image, png, false);
        Path wav = dir.resolve("clip.wav");
        AudioFiles.writeWav(clip, wav, false);
        Path imageInr = dir.resolve("crop.inr");
        Files.write(imageInr, Encoder.encode(image, fast, Encoder.Listener.NONE).file());
        Path clipInr = dir.resolve("clip.inr");
        Files.write(clipInr, Encoder.encode(clip, fast, Encoder.Listener.NONE).file());

        List<Kind> kinds = new ArrayList<>();
        kinds.add(kind("Encoder.encode image", (in, out) -> Encoder.encode(image, fast, Encoder.Listener.NONE).file(),
                png));
        kinds.add(kind("Encoder.encode audio", (in, out) -> Encoder.encode(clip, fast, Encoder.Listener.NONE).file(),
                wav));
        kinds.add(kind("Decoder.decode image", (in, out) -> samples(Decoder.decode(Files.readAllBytes(in), decode)),
                imageInr));
        kinds.add(kind("Decoder.decode audio", (in, out) -> samples(Decoder.decode(Files.readAllBytes(in), decode)),
                clipInr));
        kinds.add(kind("ImageIO.read", (in, out) -> pixels(ImageIO.read(in.toFile())), imageInr));
        kinds.add(kind("ImageIO write inr", (in, out) -> writeInr(ImageIO.read(in.toFile()), out), png));
        kinds.add(kind("AudioSystem read inr", (in, out) -> {
            try (AudioInputStream s = AudioSystem.getAudioInputStream(in.toFile())) {
                return s.readAllBytes();
            }
        }, clipInr));
        kinds.add(kind("AudioSystem write inr", (in, out) -> {
            try (AudioInputStream s = AudioSystem.getAudioInputStream(in.toFile())) {
                AudioSystem.write(s, INR, out.toFile());
            }
            return Files.readAllBytes(out);
        }, wav));
        Kind network = kind("Encoder.encode with a network", (in, out) -> Encoder.encode(small, net,
                Encoder.Listener.NONE).file(), png);
        assertTrue(Encoder.encode(small, net, Encoder.Listener.NONE).candidates().size() > 1,
                "the explicit network is trained and weighed");

        // Each thread's own copy of every input.
        Map<String, Path> own = new ConcurrentHashMap<>();
        for (int t = 0; t < THREADS; t++) {
            for (Path p : List.of(png, wav, imageInr, clipInr)) {
                Path copy = dir.resolve("t" + t + "-" + p.getFileName());
                Files.copy(p, copy);
                own.put(t + "/" + p.getFileName(), copy);
            }
        }

        AtomicInteger differences = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        long t0 = System.nanoTime();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < OPERATIONS; i++) {
                        // Two operations of each thread train a network; the others cycle through every kind.
                        Kind k = i % 50 == 25 ? network : kinds.get((i + thread) % kinds.size());
                        boolean shared = (i / kinds.size()) % 2 == 0;
                        Path in = shared ? k.shared() : own.get(thread + "/" + k.shared().getFileName());
                        Path out = dir.resolve("t" + thread + "-out-" + i + ".inr");
                        byte[] got;
                        try {
                            got = k.op().run(in, out);
                        } catch (Exception e) {
                            failures.add(k.name() + " on thread " + thread + ": " + e);
                            differences.incrementAndGet();
                            continue;
                        }
                        if (!java.util.Arrays.equals(k.reference(), got)) {
                            failures.add(k.name() + " on thread " + thread + " (" + (shared ? "shared" : "own")
                                    + " file): differs from one thread");
                            differences.incrementAndGet();
                        }
                        done.incrementAndGet();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("ConcurrencyTest: %d threads x %d operations, %d done, %d differences, %.1f s%n", THREADS,
                OPERATIONS, done.get(), differences.get(), seconds);
        assertEquals(List.of(), failures);
        assertEquals(0, differences.get());
        assertEquals(THREADS * OPERATIONS, done.get());
    }

    /** {@code op} run once on this thread alone gives the reference. */
    private Kind kind(String name, Operation op, Path shared) throws Exception {
        return new Kind(name, op, shared, op.run(shared, dir.resolve("reference-" + name.replace(' ', '-') + ".inr")));
    }

    /** A signal as bytes: its description, then every sample. */
    static byte[] samples(Signal s) {
        int[] v = s.toIntArray();
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(v.length * 4);
        b.asIntBuffer().put(v);
        return (s.spec().describe() + "\n" + java.util.Base64.getEncoder().encodeToString(b.array())).getBytes();
    }

    /** An image's type, size and every sample. */
    static byte[] pixels(BufferedImage img) {
        int[] v = img.getRaster().getPixels(0, 0, img.getWidth(), img.getHeight(), (int[]) null);
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(v.length * 4);
        b.asIntBuffer().put(v);
        return (img.getType() + " " + img.getWidth() + "x" + img.getHeight() + " " + img.getSampleModel()
                .getNumBands() + "\n" + java.util.Base64.getEncoder().encodeToString(b.array())).getBytes();
    }

    /** {@code ImageIO}'s inr writer with the fast preset (the default preset trains a network). */
    static byte[] writeInr(BufferedImage img, Path out) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("inr");
        ImageWriter w = writers.next();
        ImageWriteParam p = w.getDefaultWriteParam();
        p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        p.setCompressionType("fast");
        File f = out.toFile();
        try (ImageOutputStream s = ImageIO.createImageOutputStream(f)) {
            w.setOutput(s);
            w.write(null, new IIOImage(img, null, null), p);
        } finally {
            w.dispose();
        }
        return Files.readAllBytes(out);
    }
}
