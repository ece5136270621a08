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
        assertTrue(r.out.contains("exact, 442368 samples"), r.out);
        assertTrue(!r.out.contains("keeps its network"), "the fast preset fits none: " + r.out);
        assertTrue(Files.size(dir.resolve("kodim23-64x64.inr")) < Files.size(dir.resolve("kodim23-64x64.png")));
        assertTrue(Files.exists(dir.resolve("piano-stereo-16bit-decoded.wav")));
    }

    @Test
    void theDefaultDemoShowsAFileThatKeepsItsNetworkAndWhatItSaved() throws Exception {
        Cli r = Cli.run("demo", "-q");
        assertEquals(0, r.code, r.toString());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("kodim23-384x384.png keeps its network \\(context "
                + "network [^)]*\\), (\\d+) bytes\\): (\\d+) bytes against (\\d+) without it, (\\d+) saved").matcher(r.out);
        assertTrue(m.find(), r.out);
        long saved = Long.parseLong(m.group(4));
        assertEquals(Long.parseLong(m.group(3)) - Long.parseLong(m.group(2)), saved);
        assertTrue(saved > 0, r.out);
        assertTrue(r.out.contains("exact, 442368 samples"), r.out);
    }
}
