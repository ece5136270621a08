package io.inrkit.core.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The project's real test signals, {@code ../shared/data} beside the checkout (system property
 * {@code inrkit.data}, set by the build). Tests over whole files call {@link #folder(String)},
 * which skips the test with a message when the data is not there; the committed crops under
 * each module's {@code src/test/resources} keep the suite meaningful without it.
 */
public final class SharedData {

    private SharedData() {
    }

    /** The data root, or a skipped test when it is absent. */
    public static Path root() {
        String prop = System.getProperty("inrkit.data");
        Path root = prop == null ? Path.of("..", "..", "shared", "data") : Path.of(prop);
        if (!Files.isDirectory(root)) {
            String why = "shared test data not found at " + root.toAbsolutePath().normalize()
                    + " (set -Dinrkit.data=...): tests over the full files are SKIPPED";
            System.err.println("WARNING: " + why);
            assumeTrue(false, why);
        }
        return root.normalize();
    }

    /** A sub-folder such as {@code img8}, {@code img16}, {@code audio}. */
    public static Path folder(String name) {
        Path dir = root().resolve(name);
        assumeTrue(Files.isDirectory(dir), "shared test data folder missing: " + dir);
        return dir;
    }

    /**
     * The rows of SOURCES.md (the curator's table of every file: size, depth, channels, value
     * range, peak ...) that {@code row} finds, as match results for the caller's groups.
     */
    public static List<MatchResult> sourceRows(Pattern row) {
        try {
            List<MatchResult> out = Files.readAllLines(root().resolve("SOURCES.md")).stream()
                    .map(row::matcher).filter(Matcher::find).map(Matcher::toMatchResult)
                    .collect(Collectors.toList());
            if (out.isEmpty()) {
                throw new IllegalStateException("no SOURCES.md row matches " + row);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Files of a sub-folder with the given extension, sorted by name. */
    public static List<Path> files(String folder, String extension) {
        try (Stream<Path> s = Files.list(folder(folder))) {
            return s.filter(p -> p.getFileName().toString().endsWith("." + extension)).sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
