package io.inrkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoTest {

    @Test
    void demoEncodesDecodesAndComparesEveryBundledSample(@TempDir Path dir) throws Exception {
        Cli r = Cli.run("demo", "--keep", dir, "--preset", "fast", "-q");
        assertEquals(0, r.code, r.toString());
        assertTrue(r.out.contains("exact, 12288 samples"), r.out);
        assertTrue(r.out.contains("exact, 22050 samples"), r.out);
        assertTrue(Files.size(dir.resolve("kodim23-64x64.inr")) < Files.size(dir.resolve("kodim23-64x64.png")));
        assertTrue(Files.exists(dir.resolve("piano-stereo-16bit-decoded.wav")));
    }
}
