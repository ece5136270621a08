package io.inrkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged distribution (target/inrkit) and the repository's ./inrkit launcher, run as a
 * user runs them: after {@code mvn package}, in the verify phase.
 */
class DistributionIT {

    static final Path DIST = Path.of("target", "inrkit").toAbsolutePath();
    static final Path ROOT_LAUNCHER = Path.of("..", "inrkit").toAbsolutePath().normalize();

    @Test
    void rootLauncherRunsTheDemo() throws Exception {
        Run r = run(Map.of(), ROOT_LAUNCHER.toString(), "demo", "--preset", "fast");
        assertEquals(0, r.code, r.output);
        assertTrue(r.output.contains("exact, 12288 samples"), r.output);
        assertTrue(r.output.contains("exact, 22050 samples"), r.output);
    }

    @Test
    void libraryUsersRunFromTheLibFolder() throws Exception {
        Run r = run(Map.of(), javaBin().toString(), "-cp", DIST.resolve("lib") + "/*", "io.inrkit.cli.InrKit", "--version");
        assertEquals(0, r.code, r.output);
        assertTrue(r.output.startsWith("inrkit 0."), r.output);
    }

    @Test
    void javaOptsReachTheJvm() throws Exception {
        Run r = run(Map.of("JAVA_OPTS", "-Xmx1m -Xms1m"), DIST.resolve("bin/inrkit").toString(), "--version");
        assertTrue(r.code != 0 && r.output.toLowerCase().contains("heap"), r.output);
    }

    @Test
    void javaHomeChoosesTheJava(@TempDir Path fakeHome) throws Exception {
        Path bin = Files.createDirectories(fakeHome.resolve("bin"));
        Path java = Files.writeString(bin.resolve("java"), "#!/bin/sh\necho fake java \"$@\"\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Run r = run(Map.of("JAVA_HOME", fakeHome.toString()), DIST.resolve("bin/inrkit").toString(), "--version");
        assertEquals(0, r.code, r.output);
        assertTrue(r.output.startsWith("fake java -cp " + DIST.resolve("lib")), r.output);
    }

    @Test
    void badInputExitsThreeFromTheShell(@TempDir Path dir) throws Exception {
        Path text = Files.writeString(dir.resolve("notes.png"), "not an image");
        Run r = run(Map.of(), ROOT_LAUNCHER.toString(), "info", text.toString());
        assertEquals(3, r.code, r.output);
        assertTrue(r.output.startsWith("inrkit info: "), r.output);
    }

    private static Path javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    record Run(int code, String output) {
    }

    private static Run run(Map<String, String> env, String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(List.of(command)).redirectErrorStream(true);
        pb.environment().remove("JAVA_OPTS");
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().putAll(env);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(p.waitFor(), output);
    }
}
