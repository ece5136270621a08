package io.inrkit.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The classical codecs {@code bench codec} compares against, run as external programs when they
 * are installed (optipng, cwebp, cjxl for images; flac, wavpack for audio). Nothing in INRKit
 * needs them; an absent tool is reported as absent.
 */
final class ExternalCodecs {

    /** A codec run: its name, the command (IN and OUT replaced) and its output file suffix. */
    record Tool(String name, String program, List<String> args, String suffix, boolean inPlace) {
    }

    /** The free standards INRKit's sizes are measured against. */
    static final Tool JPEG_XL = new Tool("JPEG XL (cjxl -q 100 -e 7)", "cjxl",
            List.of("IN", "OUT", "-q", "100", "-e", "7", "--quiet"), ".jxl", false);
    static final Tool FLAC = new Tool("FLAC (flac -8)", "flac", List.of("-8", "-s", "-f", "IN", "-o", "OUT"), ".flac", false);

    static final List<Tool> IMAGE = List.of(
            new Tool("PNG (optipng -o2)", "optipng", List.of("-quiet", "-o2", "-out", "OUT", "IN"), ".png", false),
            new Tool("WebP lossless (cwebp -lossless -z 9)", "cwebp", List.of("-quiet", "-lossless", "-z", "9", "IN", "-o", "OUT"),
                    ".webp", false),
            JPEG_XL);
    static final List<Tool> AUDIO = List.of(
            FLAC,
            new Tool("WavPack (wavpack -hh -x3)", "wavpack", List.of("-hh", "-x3", "-q", "-y", "IN", "-o", "OUT"), ".wv", false));

    private ExternalCodecs() {
    }

    static boolean installed(Tool t) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, t.program()))) {
                return true;
            }
        }
        return false;
    }

    /** Size in bytes of {@code input} compressed by {@code t}, or -1 when it failed. */
    static long size(Tool t, Path input, Path workDir) throws IOException, InterruptedException {
        Path out = workDir.resolve(input.getFileName() + t.suffix() + (t.suffix().equals(".png") ? ".png" : ""));
        Files.deleteIfExists(out);
        List<String> cmd = new ArrayList<>();
        cmd.add(t.program());
        for (String a : t.args()) {
            cmd.add(a.equals("IN") ? input.toString() : a.equals("OUT") ? out.toString() : a);
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue() == 0 && Files.exists(out) ? Files.size(out) : -1;
    }
}
