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
        assertTrue(r.out.contains("exact, 1179648 samples"), r.out);
        assertTrue(!r.out.contains("keeps its network") && !r.out.contains("drops the network"),
                "the fast preset fits none: " + r.out);
        assertTrue(Files.size(dir.resolve("kodim23-64x64.inr")) < Files.size(dir.resolve("kodim23-64x64.png")));
        assertTrue(Files.exists(dir.resolve("piano-stereo-16bit-decoded.wav")));
    }

    /**
     * The default preset's context network pays on the whole kodim23, and the demo says what it
     * saved against the file without it (issue 13 asked for a demo file that keeps its network).
     */
    @Test
    void theDefaultDemoKeepsItsNetworkAndSaysWhatItSaved() throws Exception {
        Cli r = Cli.run("demo", "-q");
        assertEquals(0, r.code, r.toString());
        assertTrue(r.out.contains("exact, 1179648 samples"), r.out);
        java.util.regex.Matcher kept = java.util.regex.Pattern.compile("kodim23.png keeps its network \\(context "
                + "network [^)]*\\), (\\d+) bytes\\): (\\d+) bytes against (\\d+) without it, (\\d+) saved").matcher(r.out);
        assertTrue(kept.find(), r.out);
        assertTrue(Long.parseLong(kept.group(1)) > 100, "a 27-16-1 network stores hundreds of bytes: " + r.out);
        long saved = Long.parseLong(kept.group(4));
        assertEquals(Long.parseLong(kept.group(3)) - Long.parseLong(kept.group(2)), saved);
        assertTrue(saved > 0, r.out);
    }
}
