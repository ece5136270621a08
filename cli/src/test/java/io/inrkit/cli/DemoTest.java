package io.inrkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inrkit.codec.EncodeOptions;
import io.inrkit.codec.EncodeResult;
import io.inrkit.codec.Encoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
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

    /**
     * A network the file does not keep is reported with what it cost, or, where trial tiles
     * dropped it before the image was coded with it, with why; no network tried, no line.
     */
    @Test
    void aDroppedNetworkIsReportedWithWhatItCostOrWhy(@TempDir Path dir) throws Exception {
        EncodeResult r = Encoder.encode(MediaFiles.read(Cli.sample("kodim23-64x64.png", dir)).signal(),
                EncodeOptions.builder().build(), Encoder.Listener.NONE);
        assertEquals(0, r.sizes().models(), "the 64x64 crop is below the size at which the network is tried");
        assertEquals(Optional.empty(), DemoCommand.saving("crop", r));
        int without = r.candidates().get(0).totalBytes();
        String net = "context network 27-16-1 (int5/fp16, int5/fp16)";
        EncodeResult.Candidate coded = new EncodeResult.Candidate(net, 465, 420, without, -1, without - 100,
                without + 320, false, 1.0);
        assertEquals(Optional.of("crop drops the network tried (" + net + ", 420 bytes): " + (without + 320)
                + " bytes with it against " + without + " without"), DemoCommand.saving("crop", with(r, coded)));
        EncodeResult.Candidate trial = new EncodeResult.Candidate(net, 465, 420, without, -1, -1, -1, false, 1.0);
        assertEquals(Optional.of("crop drops the network tried (" + net + ", 420 bytes): on trial tiles it saved "
                + "fewer coded bytes than it costs"), DemoCommand.saving("crop", with(r, trial)));
    }

    private static EncodeResult with(EncodeResult r, EncodeResult.Candidate network) {
        return new EncodeResult(r.file(), r.info(), r.chosen(), List.of(r.candidates().get(0), network), r.seconds());
    }
}
