package io.inrkit.cli;

import io.inrkit.bench.WeightFormatStudy;
import io.inrkit.core.Signal;
import io.inrkit.core.fit.FitOptions;
import io.inrkit.core.internal.AtomicOutput;
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

@Command(name = "quant", description = "Train one network on a signal and store it in every weight format and "
        + "with --weights auto, each measured as the encoder measures it: bits per weight, weight bytes, coded "
        + "bytes (the better of mixed and network-alone coding), total file bytes, and the bits the model alone "
        + "gets wrong.",
        footer = {"", "Examples:", "  inrkit bench quant photo.png --crop 64x64+0+0",
            "  inrkit bench quant scan16.png --crop 32x32 --width 64 --layers 3 --iterations 3000 --json quant.json"})
final class BenchQuantCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "Image or audio file.")
    Path input;

    @Mixin
    RegionOptions region;

    @Option(names = "--width", paramLabel = "N", defaultValue = "32", description = "Default: ${DEFAULT-VALUE}.")
    int width;

    @Option(names = "--layers", paramLabel = "N", defaultValue = "2", description = "Default: ${DEFAULT-VALUE}.")
    int layers;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "1500", description = "Training steps. "
            + "Default: ${DEFAULT-VALUE} (the default preset's).")
    int iterations;

    @Option(names = "--time", paramLabel = "SECONDS", description = "Time limit of the training. Default: none.")
    Double time;

    @Option(names = "--segment", paramLabel = "FRAMES", defaultValue = "1024",
            description = "Audio: frames per segment network. Default: ${DEFAULT-VALUE}.")
    int segment;

    @Option(names = "--threads", paramLabel = "N", description = "Threads. Default: all cores.")
    Integer threads;

    @Option(names = "--json", paramLabel = "OUT.json", description = "Also write the rows as JSON.")
    Path json;

    @Option(names = {"-f", "--force"}, description = "Replace the JSON file if it exists.")
    boolean force;

    @Option(names = {"-q", "--quiet"}, description = "No progress.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        Signal signal = region.apply(MediaFiles.read(input, Stdio.of(spec)).signal());
        int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        FitOptions.Builder fit = FitOptions.builder().width(width).layers(layers).maxIterations(iterations).threads(n);
        if (time != null) {
            fit.timeLimitSeconds(time);
        }
        Progress progress = Progress.of(spec, quiet);
        long bits = (long) signal.sampleCount() * signal.bitDepth();
        WeightFormatStudy.Result r = WeightFormatStudy.run(signal, fit.build(), segment, n,
                p -> progress.fit("network: ", p, bits), stage -> progress.note(stage));
        progress.finish();
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%s: %s, %dx%d network (%d parameters), %.1f s of training%n%n", input,
                signal.spec().describe(), width, layers, r.parameters(), r.fitSeconds());
        out.println("| method | bits per weight | weight bytes | coded bytes | total bytes | model bit errors |");
        out.println("|---|---:|---:|---:|---:|---:|");
        for (WeightFormatStudy.Row row : r.rows()) {
            out.printf(Locale.ROOT, "| %s | %s | %d | %d | %d | %s |%n",
                    row.method() + (row.formats().isEmpty() ? "" : " (" + row.formats() + ")"),
                    row.bitErrors() < 0 ? "-" : String.format(Locale.ROOT, "%.2f", row.bitsPerWeight()), row.weightBytes(),
                    row.codedBytes(), row.totalBytes(), row.bitErrors() < 0 ? "-" : String.format(Locale.ROOT,
                            "%d (%.3f%%)", row.bitErrors(), 100.0 * row.bitErrors() / r.bits()));
        }
        out.println();
        out.println("| transform | weights | weight bytes | total bytes | model bit errors |");
        out.println("|---|---|---:|---:|---:|");
        for (io.inrkit.bench.TransformStudy.Row t : r.transforms()) {
            out.printf(Locale.ROOT, "| %s | %s | %s | %s | %d (%.3f%%) |%n", t.transform(), t.weights(),
                    t.weightBytes() < 0 ? "not storable" : Integer.toString(t.weightBytes()),
                    t.totalBytes() < 0 ? "-" : Integer.toString(t.totalBytes()), t.bitErrors(),
                    100.0 * t.bitErrors() / r.bits());
        }
        out.println();
        out.println("| engine | weights | activation bits | NoisyQuant | model bit errors | mean drift (1/4096) | seconds "
                + "| speed vs float |");
        out.println("|---|---|---:|---|---:|---:|---:|---:|");
        double floatSeconds = Double.NaN;
        for (io.inrkit.bench.EngineStudy.Row e : r.engines()) {
            if (e.engine().equals("float")) {
                floatSeconds = e.seconds();
            }
            out.printf(Locale.ROOT, "| %s | %s | %s | %s | %d | %.2f | %.4f | %.1fx |%n", e.engine(), e.weights(),
                    e.activationBits() == 0 ? "float" : Integer.toString(e.activationBits()), e.noisy() ? "yes" : "no",
                    e.bitErrors(), e.meanDrift(), e.seconds(), floatSeconds / e.seconds());
        }
        if (json != null) {
            Map<String, Object> tree = new LinkedHashMap<>();
            tree.put("input", input.toString());
            tree.put("signal", signal.spec().describe());
            tree.put("network", width + "x" + layers);
            tree.put("parameters", r.parameters());
            tree.put("fitSeconds", InrFacts.round(r.fitSeconds()));
            List<Map<String, Object>> rows = new ArrayList<>();
            for (WeightFormatStudy.Row row : r.rows()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("method", row.method());
                m.put("formats", row.formats());
                m.put("bitsPerWeight", row.bitsPerWeight());
                m.put("weightBytes", row.weightBytes());
                m.put("codedBytes", row.codedBytes());
                m.put("totalBytes", row.totalBytes());
                m.put("modelBitErrors", row.bitErrors());
                rows.add(m);
            }
            tree.put("rows", rows);
            tree.put("engines", r.engines());
            tree.put("transforms", r.transforms());
            String text = Json.write(tree);
            AtomicOutput.write(json, force, o -> o.write(text.getBytes(StandardCharsets.UTF_8)));
        }
        return ExitCode.OK;
    }
}
