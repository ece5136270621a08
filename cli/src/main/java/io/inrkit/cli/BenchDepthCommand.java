package io.inrkit.cli;

import io.inrkit.core.Signal;
import io.inrkit.core.depth.BitDepthExpansion;
import io.inrkit.core.depth.ExpansionMethod;
import io.inrkit.core.depth.ExpansionOptions;
import io.inrkit.core.internal.AtomicOutput;
import io.inrkit.core.quality.SignalComparison;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "depth", description = "Bit-depth expansion benchmark: reduce each file to --from bits, expand it "
        + "back to --to bits with every method, and report PSNR, SSIM and time against the real high-bit file.",
        footer = {"", "Examples:", "  inrkit bench depth ../shared/data/img16 --from 8 --chart img16-8to16.png",
            "  inrkit bench depth ../shared/data/img8 --from 4 --centre-crop 256x256 --methods centre,contour",
            "  inrkit bench depth ../shared/data/audio --from 16 --to 24 --time 60 --json audio.json"})
final class BenchDepthCommand implements Callable<Integer> {

    static final String ALL_METHODS = "zp,br,mig,centre,contour,learned,inr,inr-soft";

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE|DIR", arity = "1..*", description = "Files, or folders whose files are all read.")
    List<Path> inputs;

    @Option(names = "--from", paramLabel = "N", required = true, description = "Bits the expansion starts from.")
    int fromBits;

    @Option(names = "--to", paramLabel = "M", description = "Bits to expand to; files deeper than M are first "
            + "reduced to M, files shallower are skipped. Default: each file's own depth.")
    Integer toBits;

    @Option(names = "--centre-excerpt", paramLabel = "FRAMES", description = "Use the centre FRAMES of each "
            + "audio clip (the network methods evaluate every frame of a clip: minutes for long ones).")
    Integer centreExcerpt;

    @Option(names = "--centre-crop", paramLabel = "WxH", description = "Use the centre WxH of each image.")
    String centreCrop;

    @Option(names = "--methods", paramLabel = "LIST", defaultValue = ALL_METHODS,
            description = "Comma-separated methods. Default: ${DEFAULT-VALUE}.")
    String methods;

    @Mixin
    ExpansionNetworkOptions network;

    @Option(names = "--json", paramLabel = "OUT.json", description = "Also write the results as JSON.")
    Path json;

    @Option(names = "--chart", paramLabel = "OUT.png", description = "Also draw each method's PSNR gain over the "
            + "interval centre, per file and on average.")
    Path chart;

    @Option(names = {"-q", "--quiet"}, description = "No progress output.")
    boolean quiet;

    @Option(names = {"-f", "--force"}, description = "Replace the JSON and chart files if they exist.")
    boolean force;

    /** One file's results: method -> (psnr, ssim, seconds). */
    record FileResult(String file, String signal, int bits, Map<ExpansionMethod, SignalComparison> comparisons,
            Map<ExpansionMethod, Double> seconds) {
    }

    @Override
    public Integer call() throws Exception {
        List<ExpansionMethod> chosen = new ArrayList<>();
        for (String id : methods.split(",")) {
            chosen.add(ExpansionMethod.fromId(id.trim()));
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Progress progress = Progress.of(spec, quiet);
        List<FileResult> results = new ArrayList<>();
        for (Path file : BenchInputs.files(inputs)) {
            Signal reference;
            try {
                reference = BenchInputs.centreExcerpt(BenchInputs.centreCrop(MediaFiles.read(file).signal(), centreCrop),
                        centreExcerpt);
            } catch (io.inrkit.core.BadInputException e) {
                err.println("skipped " + file + ": " + e.getMessage());
                continue;
            }
            int target = toBits != null ? toBits : reference.bitDepth();
            if (reference.bitDepth() < target) {
                err.println("skipped " + file + ": " + reference.bitDepth() + " bits, fewer than --to " + target);
                continue;
            }
            if (reference.bitDepth() > target) {
                reference = BitDepthExpansion.reduce(reference, target);
            }
            BitDepthExpansion.checkTarget(reference.spec().withBitDepth(fromBits), target);
            Signal low = BitDepthExpansion.reduce(reference, fromBits);
            String name = file.getFileName().toString();
            Map<ExpansionMethod, SignalComparison> comparisons = new LinkedHashMap<>();
            Map<ExpansionMethod, Double> seconds = new LinkedHashMap<>();
            long knownBits = (long) low.sampleCount() * fromBits;
            for (ExpansionMethod m : chosen) {
                String prefix = name + " " + m.id() + ": ";
                ExpansionOptions options = network.apply(ExpansionOptions.defaults())
                        .withListener(p -> progress.fit(prefix, p, knownBits));
                long start = System.nanoTime();
                Signal wide = BitDepthExpansion.expand(low, target, m, options);
                seconds.put(m, (System.nanoTime() - start) / 1e9);
                progress.finish();
                comparisons.put(m, SignalComparison.of(reference, wide));
            }
            results.add(new FileResult(name, reference.spec().describe(), target, comparisons, seconds));
            if (!quiet) {
                StringBuilder line = new StringBuilder(name);
                comparisons.forEach((m, c) -> line.append(String.format(Locale.ROOT, "  %s %.3f", m.id(), c.psnr())));
                err.println(line);
            }
        }
        out.println(markdown(chosen, results));
        if (json != null) {
            String text = Json.write(jsonTree(chosen, results));
            AtomicOutput.write(json, force, o -> o.write(text.getBytes(StandardCharsets.UTF_8)));
        }
        if (chart != null && !results.isEmpty()) {
            DepthChart.write(chart, String.format(Locale.ROOT, "%d -> %d bits: PSNR gain over the interval centre",
                    fromBits, results.get(0).bits()), chosen, results, force);
        }
        return ExitCode.OK;
    }

    static double mean(List<FileResult> results, ExpansionMethod m, java.util.function.ToDoubleFunction<SignalComparison> f) {
        return results.stream().mapToDouble(r -> f.applyAsDouble(r.comparisons().get(m))).average().orElse(Double.NaN);
    }

    private static String markdown(List<ExpansionMethod> methods, List<FileResult> results) {
        if (results.isEmpty()) {
            return "no files";
        }
        StringBuilder b = new StringBuilder("PSNR (dB)\n\n| file |");
        methods.forEach(m -> b.append(' ').append(m.id()).append(" |"));
        b.append("\n|---|");
        methods.forEach(m -> b.append("---:|"));
        b.append('\n');
        for (FileResult r : results) {
            b.append("| ").append(r.file()).append(" |");
            methods.forEach(m -> b.append(String.format(Locale.ROOT, " %.3f |", r.comparisons().get(m).psnr())));
            b.append('\n');
        }
        b.append("| **mean** |");
        methods.forEach(m -> b.append(String.format(Locale.ROOT, " **%.3f** |", mean(results, m, SignalComparison::psnr))));
        b.append("\n\n| method | mean PSNR (dB) | mean SSIM | mean seconds per file |\n|---|---:|---:|---:|\n");
        for (ExpansionMethod m : methods) {
            double ssim = mean(results, m, SignalComparison::ssim);
            double secs = results.stream().mapToDouble(r -> r.seconds().get(m)).average().orElse(Double.NaN);
            b.append(String.format(Locale.ROOT, "| %s | %.3f | %s | %.3f |%n", m.id(), mean(results, m, SignalComparison::psnr),
                    Double.isNaN(ssim) ? "n/a" : String.format(Locale.ROOT, "%.6f", ssim), secs));
        }
        return b.toString();
    }

    private Map<String, Object> jsonTree(List<ExpansionMethod> methods, List<FileResult> results) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("from", fromBits);
        tree.put("to", toBits);
        tree.put("centreCrop", centreCrop);
        List<Map<String, Object>> files = new ArrayList<>();
        for (FileResult r : results) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("file", r.file());
            f.put("signal", r.signal());
            Map<String, Object> ms = new LinkedHashMap<>();
            for (ExpansionMethod m : methods) {
                ms.put(m.id(), entry(r.comparisons().get(m).psnr(), r.comparisons().get(m).ssim(), r.seconds().get(m)));
            }
            f.put("methods", ms);
            files.add(f);
        }
        tree.put("files", files);
        Map<String, Object> means = new LinkedHashMap<>();
        for (ExpansionMethod m : methods) {
            double secs = results.stream().mapToDouble(r -> r.seconds().get(m)).average().orElse(Double.NaN);
            means.put(m.id(), entry(mean(results, m, SignalComparison::psnr), mean(results, m, SignalComparison::ssim), secs));
        }
        tree.put("means", means);
        return tree;
    }

    private static Map<String, Object> entry(double psnr, double ssim, double seconds) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("psnr", Double.isFinite(psnr) ? Math.round(psnr * 1e4) / 1e4 : null);
        e.put("ssim", Double.isFinite(ssim) ? Math.round(ssim * 1e6) / 1e6 : null);
        e.put("seconds", Math.round(seconds * 1e4) / 1e4);
        return e;
    }
}
