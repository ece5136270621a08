package io.inrkit.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./inrkit-spark} as a user runs it after {@code mvn package} (embedded Spark, its own JVM),
 * and the job's outputs decoded by the plain command line ({@code ./inrkit decode}), every sample
 * compared with the committed originals.
 */
class LauncherIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void theLauncherEncodesAndThePlainCommandLineDecodesEveryFileExactly(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("in");
        Path out = dir.resolve("out");
        TestArchive.copyTo(in);
        Run encode = run(ROOT.resolve("inrkit-spark").toString(), "encode", "--in", in.toString(), "--out",
                out.toString(), "--master", "local[2]");
        assertEquals(0, encode.code, encode.output);
        assertTrue(encode.output.contains("encode: 21 files (20 ok, 0 skipped, 1 errors)"), encode.output);
        assertTrue(encode.output.contains("broken.png: truncated PNG"), encode.output);

        Path decoded = dir.resolve("decoded");
        List<Path> inr = files(out, ".inr");
        assertEquals(20, inr.size());
        StringBuilder script = new StringBuilder("set -e\n");
        for (Path f : inr) {
            String name = out.relativize(f).toString().replaceAll("\\.inr$", "");
            String target = decoded.resolve(name.endsWith(".wav") || name.endsWith(".png") || name.endsWith(".tif")
                    ? name : name + ".png").toString();
            script.append("mkdir -p '").append(Path.of(target).getParent()).append("'\n'").append(ROOT.resolve("inrkit"))
                    .append("' decode -q '").append(f).append("' '").append(target).append("'\n");
        }
        Run decode = run("bash", "-c", script.toString());
        assertEquals(0, decode.code, decode.output);
        for (Path f : inr) {
            String name = out.relativize(f).toString().replaceAll("\\.inr$", "");
            assertEquals(TestArchive.read(in.resolve(name)), TestArchive.read(decoded.resolve(name)), name);
        }

        Run verify = run(ROOT.resolve("inrkit-spark").toString(), "verify", "--in", out.toString(), "--originals",
                in.toString(), "--fail-on-error");
        assertEquals(0, verify.code, verify.output);
        assertTrue(verify.output.contains("verify: 20 files (20 ok, 0 skipped, 0 errors)"), verify.output);
    }

    @Test
    void withSparkHomeTheLauncherHandsTheJobToSparkSubmit(@TempDir Path sparkHome) throws Exception {
        Path bin = Files.createDirectories(sparkHome.resolve("bin"));
        Path submit = Files.writeString(bin.resolve("spark-submit"), "#!/bin/sh\nfor a in \"$@\"; do echo \"[$a]\"; done\n");
        Files.setPosixFilePermissions(submit, PosixFilePermissions.fromString("rwxr-xr-x"));
        ProcessBuilder p = new ProcessBuilder(ROOT.resolve("inrkit-spark").toString(), "encode", "--in", "hdfs:///a b",
                "--master", "yarn", "--out", "hdfs:///c").redirectErrorStream(true);
        p.environment().put("SPARK_HOME", sparkHome.toString());
        Process run = p.start();
        List<String> args = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertEquals(0, run.waitFor(), String.join("\n", args));
        assertEquals(List.of("[--master]", "[yarn]", "[--class]", "[io.inrkit.spark.InrJob]", "[--jars]"), args.subList(0, 5));
        String jars = args.get(5);
        assertTrue(jars.contains("inrkit-codec-") && jars.contains(",") && !jars.contains(":/")
                && !jars.contains("spark-core"), jars);
        assertTrue(args.get(6).matches("\\[.*inrkit-spark-.*\\.jar\\]"), args.get(6));
        assertEquals(List.of("[encode]", "[--in]", "[hdfs:///a b]", "[--out]", "[hdfs:///c]"), args.subList(7, args.size()));
    }

    private static List<Path> files(Path dir, String suffix) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }

    record Run(int code, String output) {
    }

    private static Run run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(p.waitFor(), output);
    }
}
