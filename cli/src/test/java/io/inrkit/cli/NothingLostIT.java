package io.inrkit.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing is lost when a real inrkit process dies or the disk fills: encodes and decodes killed
 * with SIGKILL at 20 moments each leave no file under the output name, and the next write of the
 * same output removes any temporary file a killed one left; writing to a full file system (a 16
 * KiB tmpfs, where the test runs as root) exits 4 and leaves no output and no temporary file.
 */
class NothingLostIT {

    static final Path LAUNCHER = DistributionIT.DIST.resolve("bin/inrkit");
    static final int RUNS = 20;

    @Test
    void killedEncodesAndDecodesLeaveNoOutput(@TempDir Path dir) throws Exception {
        Path input = sample(dir);
        Path out = dir.resolve("k.inr");
        int strays = 0;
        for (int i = 0; i < RUNS; i++) {
            // a network is trained, so the encode runs for seconds: kill it anywhere from JVM start to the write
            killAfter(300 + 200 * i, "encode", input.toString(), out.toString(), "--width", "64", "--iters", "3000",
                    "--threads", "1", "-q");
            assertFalse(Files.exists(out), "run " + i + ": no output under the name after SIGKILL");
            strays += temporaries(dir).size();
        }
        assertEquals(0, run("encode", input.toString(), out.toString(), "--preset", "fast", "-q"));
        assertEquals(List.of(), temporaries(dir), "the next write of the output removes a killed writer's temporary files");

        Path png = dir.resolve("back.png");
        for (int i = 0; i < RUNS; i++) {
            killAfter(100 + 50 * i, "decode", out.toString(), png.toString(), "-q");
            if (Files.exists(png)) { // the decode finished before the kill: it is complete, then
                assertEquals(0, run("compare", input.toString(), png.toString()));
                Files.delete(png);
            }
            strays += temporaries(dir).size();
        }
        assertEquals(0, run("decode", out.toString(), png.toString(), "-q"));
        assertEquals(List.of(), temporaries(dir));
        System.out.println("NothingLostIT: " + 2 * RUNS + " processes killed, " + strays
                + " temporary files seen right after a kill (all removed by the next write)");
    }

    @Test
    void aFullDiskExitsFourAndLeavesNothing(@TempDir Path dir) throws Exception {
        Path input = sample(dir);
        byte[] before = Files.readAllBytes(input);
        Path disk = Files.createDirectory(dir.resolve("disk"));
        Assumptions.assumeTrue(mount(disk), "SKIPPED: a 16 KiB tmpfs cannot be mounted here (needs root)");
        try {
            Files.write(disk.resolve("filler"), new byte[12 * 1024]); // leaves one 4 KiB page
            for (int i = 0; i < RUNS; i++) {
                assertEquals(4, run("encode", input.toString(), disk.resolve("k.inr").toString(), "--preset", "fast",
                        "-q"), "run " + i);
                assertEquals(4, run("convert", input.toString(), disk.resolve("copy.png").toString(), "-q"),
                        "run " + i);
                try (Stream<Path> files = Files.list(disk)) {
                    assertEquals(List.of(disk.resolve("filler")), files.toList(), "run " + i + ": nothing left behind");
                }
            }
            assertArrayEquals(before, Files.readAllBytes(input), "the input is untouched");
        } finally {
            new ProcessBuilder("umount", disk.toString()).inheritIO().start().waitFor();
        }
    }

    private static Path sample(Path dir) throws Exception {
        assertEquals(0, run("demo", "--preset", "fast", "--keep", dir.toString(), "-q"));
        Path input = dir.resolve("kodim23-64x64.png");
        assertTrue(Files.exists(input));
        return input;
    }

    private static boolean mount(Path at) throws InterruptedException {
        try {
            Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=16k", "tmpfs", at.toString())
                    .redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException noMount) {
            return false;
        }
    }

    private static List<Path> temporaries(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList();
        }
    }

    /** Starts inrkit with {@code args} and sends it SIGKILL after {@code millis} (if it still runs). */
    private static void killAfter(long millis, String... args) throws Exception {
        Process p = start(args);
        if (!p.waitFor(millis, TimeUnit.MILLISECONDS)) {
            p.destroyForcibly(); // SIGKILL on Linux; the launcher execs the JVM, so this is the JVM
        }
        p.waitFor();
    }

    private static int run(String... args) throws Exception {
        Process p = start(args);
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = p.waitFor();
        if (code != 0 && code != 4) {
            System.out.println(String.join(" ", args) + " -> " + code + ": " + output);
        }
        return code;
    }

    private static Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(LAUNCHER.toString());
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }
}
