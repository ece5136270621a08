package io.inrkit.cli;

import io.inrkit.core.SignalSpec;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "info", description = "Print what a file holds: kind, size, channels, bit depth, signedness, "
        + "sample rate, and the bits actually used.",
        footer = {"", "Examples:", "  inrkit info photo.png", "  inrkit info --json clip.wav",
            "  inrkit info photo.inr     (signal, models and size breakdown, without decoding)",
            "  inrkit info --depth-prior (the network `expand --method learned` uses: size, training data, seed)"})
final class InfoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "0..1", description = "An image (PNG, TIFF, PNM, BMP, GIF), audio (WAV, AIFF, AU) or .inr file, "
            + "or - for standard input.")
    Path file;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @Option(names = "--depth-prior", description = "Describe the learned bit-depth prior this build ships instead of a file.")
    boolean depthPrior;

    @Override
    public Integer call() throws Exception {
        if (depthPrior == (file != null)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "give a FILE or --depth-prior, not "
                    + (depthPrior ? "both" : "neither"));
        }
        if (depthPrior) {
            Map<String, Object> facts = depthPriorFacts(io.inrkit.core.depth.DepthPrior.bundled());
            spec.commandLine().getOut().println(json ? Json.write(facts) : depthPriorText(facts));
            return ExitCode.OK;
        }
        String name = Stdio.nameOf(file);
        byte[] data;
        try (java.io.BufferedInputStream in = Stdio.of(spec).open(file)) {
            if (io.inrkit.codec.Decoder.isInr(Stdio.peek(in, 4))) {
                // read as a stream: an hour of audio is looked at a block at a time
                Map<String, Object> facts;
                try {
                    facts = InrFacts.of(name, io.inrkit.codec.InrFileInfo.read(in));
                } catch (io.inrkit.core.BadInputException e) {
                    throw e.withContext(name);
                }
                spec.commandLine().getOut().println(json ? Json.write(facts) : InrFacts.text(facts));
                return ExitCode.OK;
            }
            data = in.readAllBytes();
        }
        MediaFile media;
        try {
            media = MediaFiles.decode(name, data);
        } catch (io.inrkit.core.BadInputException e) {
            throw e.withContext(name);
        }
        Map<String, Object> facts = facts(media);
        spec.commandLine().getOut().println(json ? Json.write(facts) : text(facts));
        return ExitCode.OK;
    }

    static Map<String, Object> depthPriorFacts(io.inrkit.core.depth.DepthPrior prior) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("depthPrior", "expand --method learned");
        m.put("layers", java.util.Arrays.toString(prior.sizes()));
        m.put("parameters", prior.parameters());
        m.put("weights", "IEEE binary16 (fp16)");
        m.put("provenance", prior.provenance());
        return m;
    }

    private static String depthPriorText(Map<String, Object> m) {
        StringBuilder b = new StringBuilder();
        line(b, "depth prior", m.get("depthPrior"));
        line(b, "layers", m.get("layers") + ", ReLU");
        line(b, "parameters", m.get("parameters") + ", " + m.get("weights"));
        b.append(m.get("provenance"));
        return b.toString().stripTrailing();
    }

    /** The facts {@code info} reports, in display order; also used by {@code demo}. */
    static Map<String, Object> facts(MediaFile f) {
        SignalSpec s = f.signal().spec();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", f.name());
        m.put("fileBytes", f.fileBytes());
        m.put("format", f.format());
        m.put("kind", s.kind().displayName());
        if (f.image() != null) {
            m.put("width", s.width());
            m.put("height", s.height());
            m.put("channels", s.channels());
            m.put("layout", f.image().layout());
            m.put("bitDepth", s.bitDepth());
            m.put("bitsUsed", f.signal().bitsUsed());
            m.put("signed", s.signed());
            m.put("paletteExpanded", f.image().paletteExpanded());
            m.put("containerBits", f.image().containerBits());
        } else {
            m.put("frames", s.frames());
            m.put("seconds", s.frames() / s.sampleRate());
            m.put("sampleRate", s.sampleRate());
            m.put("channels", s.channels());
            m.put("bitDepth", s.bitDepth());
            m.put("bitsUsed", f.signal().bitsUsed());
            m.put("signed", s.signed());
            m.put("peak", f.signal().peak());
            m.put("encoding", f.audio().encoding());
            m.put("byteOrder", f.audio().bigEndian() ? "big-endian" : "little-endian");
        }
        m.put("samples", s.sampleCount());
        return m;
    }

    /** Human-readable lines, e.g. {@code size        768x512}. */
    static String text(Map<String, Object> m) {
        StringBuilder b = new StringBuilder();
        line(b, "file", m.get("file"));
        line(b, "format", m.get("format") + (m.containsKey("encoding")
                ? " (" + m.get("encoding") + ", " + m.get("byteOrder") + ")" : "") + ", " + m.get("fileBytes") + " bytes");
        line(b, "kind", m.get("kind"));
        if (m.containsKey("width")) {
            line(b, "size", m.get("width") + "x" + m.get("height"));
            line(b, "channels", m.get("channels") + " (" + m.get("layout") + ")"
                    + (Boolean.TRUE.equals(m.get("paletteExpanded")) ? ", expanded from a palette" : ""));
            String container = m.get("containerBits").equals(m.get("bitDepth")) ? ""
                    : ", stored in " + m.get("containerBits") + "-bit samples";
            line(b, "bit depth", m.get("bitDepth") + " (" + signedness(m) + ")" + container);
            line(b, "bits used", m.get("bitsUsed"));
        } else {
            line(b, "frames", m.get("frames") + String.format(Locale.ROOT, " (%.3f s at %s Hz)", (Double) m.get("seconds"),
                    rate((Double) m.get("sampleRate"))));
            line(b, "channels", m.get("channels"));
            line(b, "bit depth", m.get("bitDepth") + " (" + signedness(m) + ")");
            line(b, "bits used", m.get("bitsUsed") + ", peak " + m.get("peak"));
        }
        line(b, "samples", m.get("samples"));
        return b.toString().stripTrailing();
    }

    private static String signedness(Map<String, Object> m) {
        return Boolean.TRUE.equals(m.get("signed")) ? "signed" : "unsigned";
    }

    static String rate(double hz) {
        return hz == Math.rint(hz) ? Long.toString((long) hz) : Double.toString(hz);
    }

    static void line(StringBuilder b, String key, Object value) {
        b.append(String.format(Locale.ROOT, "%-10s %s%n", key, value));
    }
}
