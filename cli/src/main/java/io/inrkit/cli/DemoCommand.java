package io.inrkit.cli;

import io.inrkit.codec.Decoder;
import io.inrkit.codec.EncodeOptions;
import io.inrkit.codec.EncodeResult;
import io.inrkit.codec.Encoder;
import io.inrkit.core.Signal;
import io.inrkit.core.SignalKind;
import io.inrkit.core.fit.FitProgress;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "demo", description = "Run INRKit's main job on samples bundled in the jar (Kodak's kodim23 "
        + "whole and as a 64x64 crop, and a stereo piano snippet): encode to .inr with the default preset, decode, compare "
        + "every sample with the original, and report the sizes and what a network tried saved.",
        footer = {"", "Examples:", "  inrkit demo", "  inrkit demo --keep demo-out --preset fast"})
final class DemoCommand implements Callable<Integer> {

    /**
     * The samples: the whole kodim23 (768x512) because the default preset's context network pays
     * on it, as on 15 of the 24 Kodak images (185 bytes net: docs/CODEC.md); on a 384x384 crop,
     * the smallest whose coded bits reach the 100 kB at which the network is tried, it does not.
     */
    static final String[] SAMPLES = {"kodim23-64x64.png", "kodim23.png", "piano-stereo-16bit.wav"};

    @Spec
    CommandSpec spec;

    @Option(names = "--keep", paramLabel = "DIR", description = "Keep the demo's files in DIR (created if missing) "
            + "instead of a temporary folder.")
    Path keep;

    @Option(names = "--preset", paramLabel = "P", defaultValue = "default", description = "Encoder preset: fast, "
            + "default, max. Default: ${DEFAULT-VALUE}.")
    String preset;

    @Option(names = {"-q", "--quiet"}, description = "No progress.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path dir = keep != null ? Files.createDirectories(keep) : Files.createTempDirectory("inrkit-demo");
        EncodeOptions options = EncodeOptions.builder().preset(EncodeOptions.Preset.fromId(preset)).build();
        Progress progress = Progress.of(spec, quiet);
        List<String> rows = new ArrayList<>();
        List<String> savings = new ArrayList<>();
        boolean allExact = true;
        try {
            for (String sample : SAMPLES) {
                Path source = extract(sample, dir);
                MediaFile in = MediaFiles.read(source);
                Signal signal = in.signal();
                out.println(InfoCommand.text(InfoCommand.facts(in)));
                out.println();
                EncodeResult r = Encoder.encode(signal, options, new Encoder.Listener() {
                    @Override
                    public void fit(String candidate, FitProgress p) {
                        progress.fit(sample + ", network " + candidate + ": ", p, (long) signal.sampleCount() * signal.bitDepth());
                    }
                });
                progress.finish();
                Path inr = dir.resolve(sample.replaceAll("\\.\\w+$", "") + ".inr");
                Files.write(inr, r.file());
                long t = System.nanoTime();
                Signal back = Decoder.decode(Files.readAllBytes(inr), Runtime.getRuntime().availableProcessors());
                double decodeSeconds = (System.nanoTime() - t) / 1e9;
                Path decoded = dir.resolve(sample.replaceAll("\\.(\\w+)$", "-decoded.$1"));
                MediaFiles.write(back, decoded, true, source, inr);
                int diff = signal.firstDifference(MediaFiles.read(decoded).signal());
                boolean exact = diff < 0;
                allExact &= exact;
                String rate = signal.kind() == SignalKind.IMAGE
                        ? String.format(Locale.ROOT, "%.2f bpp", r.file().length * 8.0 / signal.spec().positions())
                        : String.format(Locale.ROOT, "%.3f of PCM", r.file().length / (double) EncodeCommand.rawBytes(signal.spec()));
                rows.add(String.format(Locale.ROOT, "| %-22s | %8d | %8d | %8d | %-12s | %-23s | %5.1f s | %5.2f s | %s |",
                        sample, EncodeCommand.rawBytes(signal.spec()), in.fileBytes(), r.file().length, rate,
                        r.chosen().replaceAll(" \\(.*", ""), // its formats are in the line under the table
                        r.seconds(), decodeSeconds,
                        exact ? "exact, " + signal.sampleCount() + " samples" : "DIFFERS at sample " + diff));
                saving(sample, r).ifPresent(savings::add);
            }
        } finally {
            if (keep == null) {
                deleteTree(dir);
            }
        }
        out.println("| sample                 | raw      | original | .inr     | rate         | network                 | encode  | decode  | every sample compared |");
        out.println("|------------------------|----------|----------|----------|--------------|-------------------------|---------|---------|-----------------------|");
        rows.forEach(out::println);
        savings.forEach(out::println);
        if (keep != null) {
            out.println("files kept in " + dir);
        }
        return allExact ? ExitCode.OK : ExitCode.INTERNAL;
    }

    /**
     * What the network the file keeps saved against the encoder's context-only candidate (its
     * first); without one, why the network tried was dropped; empty where none was tried.
     */
    static Optional<String> saving(String sample, EncodeResult r) {
        int without = r.candidates().get(0).totalBytes();
        if (r.sizes().models() > 0) {
            return Optional.of(String.format(Locale.ROOT,
                    "%s keeps its network (%s, %d bytes): %d bytes against %d without it, %d saved",
                    sample, r.chosen(), r.sizes().models(), r.file().length, without, without - r.file().length));
        }
        return r.candidates().stream().skip(1).filter(c -> c.modelBytes() > 0).findFirst().map(c -> c.totalBytes() > 0
                ? String.format(Locale.ROOT, "%s drops the network tried (%s, %d bytes): %d bytes with it against %d "
                        + "without", sample, c.name(), c.modelBytes(), c.totalBytes(), without)
                : String.format(Locale.ROOT, "%s drops the network tried (%s, %d bytes): on trial tiles it saved "
                        + "fewer coded bytes than it costs", sample, c.name(), c.modelBytes()));
    }

    private static Path extract(String resource, Path dir) throws IOException {
        Path target = dir.resolve(resource);
        try (InputStream in = DemoCommand.class.getResourceAsStream("samples/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("bundled sample " + resource + " is missing from the jar");
            }
            Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
