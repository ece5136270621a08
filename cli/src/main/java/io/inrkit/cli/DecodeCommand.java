package io.inrkit.cli;

import io.inrkit.audio.WavStreamWriter;
import io.inrkit.codec.DecodeOptions;
import io.inrkit.codec.Decoder;
import io.inrkit.codec.InrFileInfo;
import io.inrkit.codec.StreamCodec;
import io.inrkit.core.BadInputException;
import io.inrkit.core.Signal;
import io.inrkit.core.SignalKind;
import io.inrkit.core.SignalSpec;
import io.inrkit.core.UnsupportedFormatException;
import io.inrkit.core.internal.AtomicOutput;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
        long start = System.nanoTime();
        SignalSpec decoded;
        Path output;
        try (BufferedInputStream in = stdio.open(input)) {
            Optional<SignalKind> kind = InrFileInfo.kindOf(Stdio.peek(in, InrFileInfo.PEEK_BYTES));
            if (kind.isPresent() && kind.get() == SignalKind.AUDIO && region.box() == null) {
                output = chosen != null ? chosen : besideInput(input, SignalKind.AUDIO);
                decoded = decodeStream(in, output, options, stdio, name);
            } else {
                Signal signal = decodeWhole(in.readAllBytes(), options, name);
                output = chosen != null ? chosen : besideInput(input, signal.kind());
                MediaFiles.write(signal, output, out.force, stdio, input);
                decoded = signal.spec();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("input", name);
        m.put("output", output.toString());
        m.put("signal", decoded.describe());
        m.put("samples", decoded.sampleCount());
        m.put("verified", region.any() ? "CRC32C of every tile decoded matches" : "SHA-256 of every sample matches");
        m.put("seconds", InrFacts.round(seconds));
        // With the samples on standard output, the report goes to stderr.
        PrintWriter report = OutputOptions.reportTo(spec, output);
        if (out.json) {
            report.println(Json.write(m));
        } else if (!out.quiet) {
            report.println(String.format(Locale.ROOT, "%s -> %s: %s, %d samples, exact (%s verified), %.2f s",
                    name, output, decoded.describe(), decoded.sampleCount(),
                    region.any() ? "tile checksums" : "SHA-256", seconds));
        }
        return ExitCode.OK;
    }

    /** The file held whole: an image, a region, or what is not .inr at all. */
    private Signal decodeWhole(byte[] data, DecodeOptions options, String name) throws BadInputException {
        try {
            if (!Decoder.isInr(data)) {
                throw new UnsupportedFormatException("not an .inr file (no INRK magic)");
            }
            return region.any() ? decodePart(data, options) : Decoder.decode(data, options);
        } catch (BadInputException e) {
            throw e.withContext(name);
        }
    }

    /**
     * Audio, decoded block by block into a WAV file (through a temporary file renamed into place
     * once the SHA-256 matches) or onto standard output, where each block goes once its CRC32C
     * matches: a defect found later ends the command with exit 3 after the blocks before it.
     */
    private SignalSpec decodeStream(InputStream in, Path output, DecodeOptions options, Stdio stdio, String name)
            throws IOException {
        if (Stdio.isDash(output)) {
            OutputStream target = new BufferedOutputStream(stdio.out(), 1 << 16);
            SignalSpec s = decodeInto(in, target, options, name);
            target.flush();
            return s;
        }
        MediaFiles.checkAudioOutput(output, input);
        SignalSpec[] s = new SignalSpec[1];
        AtomicOutput.write(output, out.force, target -> s[0] = decodeInto(in, target, options, name));
        return s[0];
    }

    private SignalSpec decodeInto(InputStream in, OutputStream target, DecodeOptions options, String name)
            throws IOException {
        Progress progress = Progress.of(spec, out.quiet || out.json);
        long start = System.nanoTime();
        double[] rate = {1};
        WavStreamWriter wav = new WavStreamWriter(target);
        StreamCodec.BlockSink sink = new StreamCodec.BlockSink() {
            @Override
            public void begin(SignalSpec whole) throws IOException {
                rate[0] = whole.sampleRate();
                wav.begin(whole);
            }

            @Override
            public void write(Signal block) throws IOException {
                wav.write(block);
            }
        };
        StreamCodec.Progress shown = (done, total, frames) -> progress.blocks("decoding ", done, total,
                frames / rate[0], (System.nanoTime() - start) / 1e9);
        int[] f = region.frames();
        try {
            if (f == null) {
                return StreamCodec.decode(in, sink, options, shown);
            }
            try {
                return StreamCodec.decodeFrames(in, f[0], f[1], sink, options, shown);
            } catch (IllegalArgumentException e) { // frames outside the recording
                throw new UsageException(e.getMessage());
            }
        } catch (BadInputException e) {
            throw e.withContext(name);
        } finally {
            progress.finish();
        }
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
