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
        assertTrue(r.output.startsWith("fake java -XX:+UseParallelGC -cp " + DIST.resolve("lib")), r.output);
        Run own = run(Map.of("JAVA_HOME", fakeHome.toString(), "JAVA_OPTS", "-XX:+UseSerialGC -Xmx1g"),
                DIST.resolve("bin/inrkit").toString(), "--version");
        assertTrue(own.output.startsWith("fake java -XX:+UseSerialGC -Xmx1g -cp "), own.output); // the user's collector
    }

    @Test
    void badInputExitsThreeFromTheShell(@TempDir Path dir) throws Exception {
        Path text = Files.writeString(dir.resolve("notes.png"), "not an image");
        Run r = run(Map.of(), ROOT_LAUNCHER.toString(), "info", text.toString());
        assertEquals(3, r.code, r.output);
        assertTrue(r.output.startsWith("inrkit info: "), r.output);
    }

    /**
     * The decoder gives the same bytes on every machine: files whose every bit is coded with the
     * network's probabilities (a lossless SIREN, and the paper's ternary network) decode identically
     * with 1 and 2 threads, with AVX disabled, and under Java 25 when that JDK is installed. A
     * probability that differed anywhere would end in a SHA-256 mismatch, not in a decode.
     */
    @Test
    void decodingIsIdenticalAcrossThreadsInstructionSetsAndJvms(@TempDir Path dir) throws Exception {
        Run extract = run(Map.of(), ROOT_LAUNCHER.toString(), "demo", "--preset", "fast", "--keep", dir.toString(), "-q");
        assertEquals(0, extract.code, extract.output);
        String sample = dir.resolve("kodim23-64x64.png").toString();
        assertDecodesIdentically(dir, "siren", sample, "--width", "64", "--iters", "3000");
        assertDecodesIdentically(dir, "ternary", sample, "--weights", "ternary", "--width", "128", "--layers", "2");
    }

    private static void assertDecodesIdentically(Path dir, String name, String sample, String... network)
            throws Exception {
        Path inr = dir.resolve(name + ".inr");
        List<String> encode = new java.util.ArrayList<>(List.of(ROOT_LAUNCHER.toString(), "encode", sample,
                inr.toString(), "--crop", "8x8+30+30", "--lossless-model", "--json"));
        encode.addAll(List.of(network));
        Run enc = run(Map.of(), encode.toArray(new String[0]));
        assertEquals(0, enc.code, enc.output);
        assertTrue(enc.output.contains("\"codingMode\" : \"inr\""), name + ": " + enc.output);
        java.util.List<String[]> variants = new java.util.ArrayList<>();
        variants.add(new String[] {"1 thread", "", "--threads", "1"});
        variants.add(new String[] {"2 threads", "", "--threads", "2"});
        variants.add(new String[] {"UseAVX=0", "-XX:UseAVX=0", "--threads", "2"});
        Path java25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");
        byte[] reference = null;
        for (String[] v : variants) {
            Path out = dir.resolve(name + "-" + v[0].replace(' ', '-') + ".png");
            Run dec = run(Map.of("JAVA_OPTS", v[1]), ROOT_LAUNCHER.toString(), "decode", inr.toString(), out.toString(),
                    v[2], v[3]);
            assertEquals(0, dec.code, name + ", " + v[0] + ": " + dec.output);
            byte[] bytes = Files.readAllBytes(out);
            if (reference == null) {
                reference = bytes;
            }
            assertTrue(java.util.Arrays.equals(reference, bytes), name + ", " + v[0] + " decodes to other bytes");
        }
        if (Files.isDirectory(java25)) {
            Path out = dir.resolve(name + "-java25.png");
            Run dec = run(Map.of("JAVA_HOME", java25.toString()), ROOT_LAUNCHER.toString(), "decode", inr.toString(),
                    out.toString());
            assertEquals(0, dec.code, name + ", Java 25: " + dec.output);
            assertTrue(java.util.Arrays.equals(reference, Files.readAllBytes(out)), name + ": Java 25 decodes to other bytes");
        } else {
            System.err.println("WARNING: no Java 25 at " + java25 + ": the cross-JVM decode check is SKIPPED");
        }
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
