package io.inrkit.cli;

import io.inrkit.core.Signal;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "demo", description = "Run INRKit's main job on samples bundled in the jar (a 64x64 crop of Kodak's "
        + "kodim23 and a stereo piano snippet): read, report, convert and read back, comparing every sample.",
        footer = {"", "Example:", "  inrkit demo --keep demo-out"})
final class DemoCommand implements Callable<Integer> {

    /** Bundled samples: resource name, and the format each is converted through. */
    static final String[][] SAMPLES = {
        {"kodim23-64x64.png", "tif"},
        {"piano-stereo-16bit.wav", "wav"},
    };

    @Spec
    CommandSpec spec;

    @Option(names = "--keep", paramLabel = "DIR", description = "Keep the demo's files in DIR (created if missing) "
            + "instead of a temporary folder.")
    Path keep;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path dir = keep != null ? Files.createDirectories(keep) : Files.createTempDirectory("inrkit-demo");
        List<String> rows = new ArrayList<>();
        boolean allExact = true;
        try {
            for (String[] sample : SAMPLES) {
                Path source = extract(sample[0], dir);
                MediaFile in = MediaFiles.read(source);
                Map<String, Object> facts = InfoCommand.facts(in);
                out.println(InfoCommand.text(facts));
                out.println();

                Path converted = dir.resolve(sample[0].replaceAll("\\.\\w+$", "") + "-converted." + sample[1]);
                MediaFiles.write(in.signal(), converted, true, source);
                Signal back = MediaFiles.read(converted).signal();
                int diff = in.signal().firstDifference(back);
                boolean exact = diff < 0 && in.signal().spec().equals(back.spec());
                allExact &= exact;
                rows.add(String.format(Locale.ROOT, "| %-24s | %-5s -> %-5s | %9d | %9d | %-28s |", sample[0],
                        in.format(), MediaFiles.read(converted).format(), in.fileBytes(), Files.size(converted),
                        exact ? "exact, " + back.sampleCount() + " samples" : "DIFFERS at sample " + diff));
            }
        } finally {
            if (keep == null) {
                deleteTree(dir);
            }
        }
        out.println("| sample                   | conversion     | in bytes  | out bytes | every sample compared        |");
        out.println("|--------------------------|----------------|-----------|-----------|------------------------------|");
        rows.forEach(out::println);
        if (keep != null) {
            out.println("files kept in " + dir);
        }
        return allExact ? ExitCode.OK : ExitCode.INTERNAL;
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
