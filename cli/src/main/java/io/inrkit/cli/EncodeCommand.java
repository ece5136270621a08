package io.inrkit.cli;

import io.inrkit.codec.EncodeOptions;
import io.inrkit.codec.EncodeResult;
import io.inrkit.codec.Encoder;
import io.inrkit.codec.format.InrContainer;
import io.inrkit.codec.quant.TensorFormat;
import io.inrkit.core.Signal;
import io.inrkit.core.SignalKind;
import io.inrkit.core.fit.FitProgress;
import io.inrkit.core.io.AtomicOutput;
import io.inrkit.core.io.InputFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "encode", description = "Compress an image or audio file, losslessly, into an .inr file: context "
        + "modelling mixed with a bit-plane INR when the network earns its bytes (see docs/CODEC.md).",
        footer = {"", "Examples:", "  inrkit encode photo.png photo.inr",
            "  inrkit encode photo.png photo.inr --preset max --json",
            "  inrkit encode photo.png crop.inr --crop 64x64+0+0 --lossless-model   (the paper's representation)"})
final class EncodeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IN", description = "Image or audio file.")
    Path input;

    @Parameters(index = "1", paramLabel = "OUT.inr", description = "Output file.")
    Path output;

    @Mixin
    RegionOptions region;

    @Option(names = "--preset", paramLabel = "P", defaultValue = "default",
            description = "fast (context modelling only), default (also a small network, images), max (larger networks, "
                    + "audio segments too). Default: ${DEFAULT-VALUE}.")
    String preset;

    @Option(names = "--width", paramLabel = "N", description = "Try this network width instead of the preset's.")
    Integer width;

    @Option(names = "--layers", paramLabel = "N", description = "Try this many sine layers instead of the preset's.")
    Integer layers;

    @Option(names = "--iters", paramLabel = "N", description = "Train the network for at most N steps.")
    Integer iters;

    @Option(names = "--lossless-model", description = "Store a network that reproduces every bit by itself (the "
            + "paper's representation; default 256 x 3); the coded bits are then nearly empty.")
    boolean losslessModel;

    @Option(names = "--weights", paramLabel = "F", defaultValue = "int8",
            description = "Weight format: int8 (per output channel), fp16, bf16, fp32. Default: ${DEFAULT-VALUE}.")
    String weights;

    @Option(names = "--segment", paramLabel = "FRAMES", defaultValue = "1024",
            description = "Audio: frames per segment network. Default: ${DEFAULT-VALUE}.")
    int segment;

    @Option(names = "--threads", paramLabel = "N", description = "Threads. Default: all cores.")
    Integer threads;

    @Option(names = {"-f", "--force"}, description = "Replace OUT if it exists.")
    boolean force;

    @Option(names = "--json", description = "Print the report as one JSON object.")
    boolean json;

    @Option(names = {"-q", "--quiet"}, description = "No progress.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        EncodeOptions options = options();
        if (!output.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".inr")) {
            throw new UsageException("the output of encode is an .inr file: name it with .inr");
        }
        if (InputFiles.sameFile(input, output)) {
            throw new UsageException("output " + output + " is the input file; INRKit never overwrites an input");
        }
        MediaFile in = MediaFiles.read(input);
        Signal signal = region.apply(in.signal());
        Progress progress = new Progress(spec.commandLine().getErr(), quiet || json);
        EncodeResult r = Encoder.encode(signal, options, new Encoder.Listener() {
            @Override
            public void fit(String candidate, FitProgress p) {
                progress.fit("network " + candidate + ": ", p, (long) signal.sampleCount() * signal.bitDepth());
            }
        });
        progress.finish();
        AtomicOutput.write(output, force, out -> out.write(r.file()));
        Map<String, Object> report = report(input.toString(), output.toString(), signal, r);
        spec.commandLine().getOut().println(json ? Json.write(report) : text(report, r));
        return ExitCode.OK;
    }

    private EncodeOptions options() {
        EncodeOptions.Builder b = EncodeOptions.builder().preset(EncodeOptions.Preset.fromId(preset))
                .losslessModel(losslessModel).weightFormat(format(weights)).segmentFrames(segment);
        if (width != null) {
            b.width(width);
        }
        if (layers != null) {
            b.layers(layers);
        }
        if (iters != null) {
            b.iterations(iters);
        }
        if (threads != null) {
            b.threads(threads);
        }
        return b.build();
    }

    static TensorFormat format(String id) {
        return switch (id) {
            case "int8" -> TensorFormat.INT8_CHANNEL;
            case "fp16" -> TensorFormat.FP16;
            case "bf16" -> TensorFormat.BF16;
            case "fp32" -> TensorFormat.FP32;
            default -> throw new UsageException("unknown weight format '" + id + "' (int8, fp16, bf16, fp32)");
        };
    }

    static Map<String, Object> report(String in, String out, Signal signal, EncodeResult r) {
        InrContainer.Sizes sizes = r.sizes();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("input", in);
        m.put("output", out);
        m.put("signal", signal.spec().describe());
        m.put("chosen", r.chosen());
        m.put("codingMode", InrFacts.modeName(r.container().mode()));
        m.put("bytes", sizes.total());
        m.put("headerBytes", sizes.header());
        m.put("modelBytes", sizes.models());
        m.put("bitsBytes", sizes.bits());
        m.put("rawBytes", rawBytes(signal));
        m.put("bitsPerSample", InrFacts.round(sizes.total() * 8.0 / signal.sampleCount()));
        if (signal.kind() == SignalKind.IMAGE) {
            m.put("bitsPerPixel", InrFacts.round(sizes.total() * 8.0 / signal.spec().positions()));
        } else {
            m.put("ratioToPcm", InrFacts.round(sizes.total() / (double) rawBytes(signal)));
        }
        m.put("seconds", InrFacts.round(r.seconds()));
        List<Map<String, Object>> tried = new ArrayList<>();
        for (EncodeResult.Candidate c : r.candidates()) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("name", c.name());
            t.put("parameters", c.parameters());
            t.put("modelBytes", c.modelBytes());
            t.put("contextOnlyBits", c.contextBytes());
            t.put("inrOnlyBits", c.inrBytes());
            t.put("mixedBits", c.mixedBytes());
            t.put("totalBytes", c.totalBytes());
            t.put("modelLossless", c.modelLossless());
            t.put("fitSeconds", InrFacts.round(c.fitSeconds()));
            tried.add(t);
        }
        m.put("candidates", tried);
        return m;
    }

    /** Raw PCM / pixel data size: whole bytes per sample. */
    static long rawBytes(Signal s) {
        return (long) s.sampleCount() * ((s.bitDepth() + 7) / 8);
    }

    private static String text(Map<String, Object> m, EncodeResult r) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%s -> %s: %s%n", m.get("input"), m.get("output"), m.get("signal")));
        b.append(String.format(Locale.ROOT, "%d bytes (header %d, models %d, coded bits %d), %s, %.1f s%n",
                (Integer) m.get("bytes"), (Integer) m.get("headerBytes"), (Integer) m.get("modelBytes"),
                (Integer) m.get("bitsBytes"), m.containsKey("bitsPerPixel") ? m.get("bitsPerPixel") + " bits per pixel"
                        : m.get("ratioToPcm") + " of the raw PCM", (Double) m.get("seconds")));
        b.append(String.format(Locale.ROOT, "chosen: %s (bits coded: %s)%n", r.chosen(), m.get("codingMode")));
        b.append("| candidate | parameters | model bytes | bits: context only | bits: INR only | bits: mixed | file bytes |\n");
        b.append("|---|---|---|---|---|---|---|\n");
        for (EncodeResult.Candidate c : r.candidates()) {
            b.append(String.format(Locale.ROOT, "| %s%s | %d | %d | %d | %s | %s | %d |%n", c.name(),
                    c.modelLossless() ? " (model lossless)" : "", c.parameters(), c.modelBytes(), c.contextBytes(),
                    c.inrBytes() < 0 ? "-" : Integer.toString(c.inrBytes()),
                    c.mixedBytes() < 0 ? "-" : Integer.toString(c.mixedBytes()), c.totalBytes()));
        }
        return b.toString().stripTrailing();
    }
}
