package io.inrkit.cli;

import io.inrkit.core.Signal;
import io.inrkit.core.quality.SignalComparison;
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

@Command(name = "compare", description = "Compare B with the reference A sample by sample: PSNR at A's bit depth, "
        + "SSIM (images), largest absolute error and the number of differing samples. Both must have the same "
        + "size, channels and bit depth; either may be an .inr file.",
        footer = {"", "Examples:", "  inrkit compare original16.png expanded16.png",
            "  inrkit compare take.wav take.inr --json"})
final class CompareCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "A", description = "Reference file, or - for standard input.")
    Path reference;

    @Parameters(index = "1", paramLabel = "B", description = "File to compare with A, or - for standard input.")
    Path compared;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (Stdio.isDash(reference) && Stdio.isDash(compared)) {
            throw new UsageException("only one of A and B can be standard input");
        }
        Stdio stdio = Stdio.of(spec);
        Signal sa = MediaFiles.read(reference, stdio).signal();
        Signal sb = MediaFiles.read(compared, stdio).signal();
        SignalComparison c = SignalComparison.of(sa, sb);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("a", reference.toString());
        r.put("b", compared.toString());
        r.put("signal", sa.spec().describe());
        r.put("psnr", Double.isInfinite(c.psnr()) ? "inf" : InrFacts.round(c.psnr()));
        r.put("ssim", Double.isNaN(c.ssim()) ? null : Math.round(c.ssim() * 1e6) / 1e6);
        r.put("maxAbsError", c.maxAbsError());
        r.put("differingSamples", c.differingSamples());
        r.put("samples", c.samples());
        r.put("identical", c.differingSamples() == 0);
        if (json) {
            spec.commandLine().getOut().println(Json.write(r));
            return ExitCode.OK;
        }
        var out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%s against %s (%s)%n", compared, reference, sa.spec().describe());
        out.printf(Locale.ROOT, "  PSNR      %s%n", Double.isInfinite(c.psnr()) ? "inf (identical)"
                : String.format(Locale.ROOT, "%.3f dB at %d bits", c.psnr(), sa.bitDepth()));
        out.printf(Locale.ROOT, "  SSIM      %s%n", Double.isNaN(c.ssim()) ? (sa.kind() == io.inrkit.core.SignalKind.IMAGE
                ? "n/a (image smaller than the 11x11 window)" : "n/a (audio)") : String.format(Locale.ROOT, "%.6f", c.ssim()));
        out.printf(Locale.ROOT, "  max |A-B| %d%n", c.maxAbsError());
        out.printf(Locale.ROOT, "  differing %d of %d samples%n", c.differingSamples(), c.samples());
        return ExitCode.OK;
    }
}
