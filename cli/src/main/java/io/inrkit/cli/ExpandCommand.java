package io.inrkit.cli;

import io.inrkit.core.Signal;
import io.inrkit.core.depth.BitDepthExpansion;
import io.inrkit.core.depth.ExpansionMethod;
import io.inrkit.core.depth.ExpansionOptions;
import io.inrkit.core.fit.FitProgress;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "expand", description = "Bit-depth expansion: write IN at M bits per sample, its own bits kept as the "
        + "top bits of every sample and the missing low bits estimated (docs/BITDEPTH.md compares the methods).",
        footer = {"", "Methods:",
            "  zp        zero padding",
            "  br        bit replication",
            "  mig       multiplication by the ideal gain (2^M - 1) / (2^N - 1)",
            "  centre    the middle of the interval the known bits allow",
            "  contour   interpolation between the signal's contours and its histogram slope",
            "  learned   a small network trained on many images places each sample in its interval (best",
            "            measured: +2.0 dB over contour from 4 to 8 bits, +0.6 dB from 8 to 16); from 6",
            "            known bits it first predicts the image's own lowest known bits and uses contour",
            "            instead where contour predicts them better; grey and RGB images, contour elsewhere",
            "  inr       the paper's: a network fitted to the known bit planes, queried at the missing ones",
            "  inr-soft  the same network's expected value instead of thresholded bits",
            "", "Examples:", "  inrkit expand photo8.png photo16.png --bits 16",
            "  inrkit expand voice16.wav voice24.wav --bits 24 --method inr-soft --time 60 --json"})
final class ExpandCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IN", description = "Low bit depth image or audio file, or - for standard input.")
    Path input;

    @Parameters(index = "1", arity = "0..1", paramLabel = "OUT", description = "Output file (.png, .tif, .tiff, "
            + ".wav), or - for standard output (PNG or WAV).")
    Path positionalOutput;

    @Mixin
    OutputOptions out;

    @Option(names = "--bits", paramLabel = "M", required = true, description = "Target bits per sample: above "
            + "the input's, at most 16 for images and 24 for audio.")
    int bits;

    @Option(names = "--method", paramLabel = "NAME", defaultValue = "learned",
            description = "zp, br, mig, centre, contour, learned, inr or inr-soft. Default: ${DEFAULT-VALUE}.")
    String method;

    @Mixin
    ExpansionNetworkOptions network;

    @Override
    public Integer call() throws Exception {
        ExpansionMethod m = ExpansionMethod.fromId(method);
        Path output = out.required(positionalOutput);
        MediaFiles.OutputType.check(output); // a bad extension is a usage error before any reading
        Stdio stdio = Stdio.of(spec);
        Signal low = MediaFiles.read(input, stdio).signal();
        BitDepthExpansion.checkTarget(low.spec(), bits);
        MediaFiles.checkDepthWritable(output, bits, low.kind());
        Progress progress = Progress.of(spec, out.quiet || out.json);
        FitProgress[] last = new FitProgress[1];
        long knownBits = (long) low.sampleCount() * low.bitDepth();
        ExpansionOptions options = network.apply(ExpansionOptions.defaults()).withListener(p -> {
            last[0] = p;
            progress.fit("known planes: ", p, knownBits);
        });
        long start = System.nanoTime();
        Signal wide = BitDepthExpansion.expand(low, bits, m, options);
        double seconds = (System.nanoTime() - start) / 1e9;
        progress.finish();
        MediaFiles.write(wide, output, out.force, stdio, input);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("input", input.toString());
        r.put("output", output.toString());
        r.put("method", m.id());
        r.put("fromBits", low.bitDepth());
        r.put("toBits", bits);
        r.put("signal", wide.spec().describe());
        r.put("seconds", InrFacts.round(seconds));
        if (last[0] != null) {
            r.put("iterations", last[0].iteration());
            r.put("knownBitErrors", last[0].bitErrors());
        }
        // With the samples on standard output, the report goes to stderr.
        PrintWriter report = OutputOptions.reportTo(spec, output);
        if (out.json) {
            report.println(Json.write(r));
        } else if (!out.quiet) {
            report.printf(java.util.Locale.ROOT, "expanded %s from %d to %d bits with %s in %.2f s%s: %s%n",
                    input, low.bitDepth(), bits, m.id(), seconds,
                    last[0] == null ? "" : " (" + last[0].iteration() + " iterations, " + last[0].bitErrors()
                            + " known bits missed by the network, copied from the input)", output);
        }
        return ExitCode.OK;
    }
}
