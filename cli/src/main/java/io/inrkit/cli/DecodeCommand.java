package io.inrkit.cli;

import io.inrkit.codec.DecodeOptions;
import io.inrkit.codec.Decoder;
import io.inrkit.codec.InrFileInfo;
import io.inrkit.core.BadInputException;
import io.inrkit.core.Signal;
import io.inrkit.core.SignalKind;
import io.inrkit.core.SignalSpec;
import io.inrkit.core.UnsupportedFormatException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "decode", description = "Decode an .inr file into the original samples, exactly (checked against "
        + "the SHA-256 the file carries), as PNG, TIFF or WAV by OUT's extension. Without OUT, IN.inr becomes "
        + "IN.png or IN.wav.",
        footer = {"", "Examples:", "  inrkit decode photo.inr                  (writes photo.png)",
            "  inrkit decode photo.inr -o photo.tif", "  inrkit decode clip.inr clip.wav --json",
            "  inrkit decode photo.inr -o - | inrkit info -",
            "  inrkit decode scan.inr -o corner.png --region 512x512+0+0   (decodes only the tiles it touches)",
            "  inrkit decode hour.inr -o minute.wav --samples 0:2646000",
            "  inrkit decode upload.inr --max-memory 512m   (refuses more: exit code 3)",
            "  inrkit decode upload.inr --max-pixels 50000000",
            "  inrkit decode upload.inr --max-parameters 100000",
            "  JAVA_OPTS=-Xmx8g inrkit decode scan.inr    (more heap, larger default)"})
final class DecodeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IN.inr", description = ".inr file, or - for standard input.")
    Path input;

    @Parameters(index = "1", arity = "0..1", paramLabel = "OUT", description = "Output file (.png, .tif, .tiff, "
            + ".wav), or - for standard output (PNG or WAV).")
    Path positionalOutput;

    @Mixin
    OutputOptions out;

    @Mixin
    RegionOptions region;

    @Option(names = "--threads", paramLabel = "N", description = "Threads decoding tiles (several at once) and "
            + "evaluating the models. Default: all cores.")
    Integer threads;

    @Option(names = "--max-memory", paramLabel = "SIZE", description = "Refuse a file that needs more memory than SIZE "
            + "to decode (e.g. 512m, 8g: k, m, g, t are powers of 1024). Default: the JVM's maximum heap (-Xmx, "
            + "set through JAVA_OPTS).")
    String maxMemory;

    @Option(names = "--max-pixels", paramLabel = "N", description = "Refuse a file that declares more than N pixels "
            + "(audio: frames). Default: " + DecodeOptions.DEFAULT_MAX_PIXELS + ", every size the format holds.")
    Long maxPixels;

    @Option(names = "--max-parameters", paramLabel = "N", description = "Refuse a file whose networks hold more than N "
            + "parameters in all (weights and biases; 0 refuses every file with a network). Default: "
            + DecodeOptions.DEFAULT_MAX_PARAMETERS + ", every model the format holds.")
    Long maxParameters;

    @Override
    public Integer call() throws Exception {
        DecodeOptions options = options();
        Path chosen = out.chosen(positionalOutput);
        if (chosen == null && Stdio.isDash(input)) {
            throw new UsageException("reading standard input: name the output with -o OUT (- for standard output)");
        }
        if (chosen != null) {
            MediaFiles.OutputType.check(chosen);
        }
        Stdio stdio = Stdio.of(spec);
        String name = Stdio.nameOf(input);
        byte[] data = stdio.readAll(input);
        long start = System.nanoTime();
        Signal signal;
        try {
            if (!Decoder.isInr(data)) {
                throw new UnsupportedFormatException("not an .inr file (no INRK magic)");
            }
            signal = region.any() ? decodePart(data, options) : Decoder.decode(data, options);
        } catch (BadInputException e) {
            throw e.withContext(name);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Path output = chosen != null ? chosen : besideInput(input, signal.kind());
        MediaFiles.write(signal, output, out.force, stdio, input);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("input", name);
        m.put("output", output.toString());
        m.put("signal", signal.spec().describe());
        m.put("samples", signal.sampleCount());
        m.put("verified", region.any() ? "CRC32C of every tile decoded matches" : "SHA-256 of every sample matches");
        m.put("seconds", InrFacts.round(seconds));
        // With the samples on standard output, the report goes to stderr.
        PrintWriter report = OutputOptions.reportTo(spec, output);
        if (out.json) {
            report.println(Json.write(m));
        } else if (!out.quiet) {
            report.println(String.format(Locale.ROOT, "%s -> %s: %s, %d samples, exact (%s verified), %.2f s",
                    name, output, signal.spec().describe(), signal.sampleCount(),
                    region.any() ? "tile checksums" : "SHA-256", seconds));
        }
        return ExitCode.OK;
    }

    /** The region or frames asked for, decoded from the tiles or blocks they touch. */
    private Signal decodePart(byte[] data, DecodeOptions options) throws BadInputException {
        SignalSpec whole = InrFileInfo.readSpec(data);
        region.checkKind(whole.kind());
        try {
            int[] b = region.box();
            if (b != null) {
                return Decoder.decodeRegion(data, b[0], b[1], b[2], b[3], options);
            }
            int[] f = region.frames();
            return Decoder.decodeFrames(data, f[0], f[1], options);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** The decoder's options from the command line, checked before any input is read. */
    private DecodeOptions options() {
        DecodeOptions.Builder b = DecodeOptions.builder();
        if (threads != null) {
            b.threads(threads);
        }
        if (maxMemory != null) {
            b.maxMemory(ByteSizes.parse("--max-memory", maxMemory));
        }
        if (maxPixels != null) {
            b.maxPixels(maxPixels);
        }
        if (maxParameters != null) {
            b.maxParameters(maxParameters);
        }
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** photo.inr -> photo.png, clip.inr -> clip.wav, in the input's folder. */
    static Path besideInput(Path input, SignalKind kind) {
        String file = input.getFileName().toString();
        String stem = file.toLowerCase(Locale.ROOT).endsWith(".inr") ? file.substring(0, file.length() - 4) : file;
        return input.resolveSibling(stem + (kind == SignalKind.AUDIO ? ".wav" : ".png"));
    }
}
