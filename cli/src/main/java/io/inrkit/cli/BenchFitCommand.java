package io.inrkit.cli;

import io.inrkit.bench.FitBenchmark;
import io.inrkit.core.Signal;
import io.inrkit.core.fit.FitOptions;
import io.inrkit.core.model.Formulation;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "fit", description = "Training-step speed against raw matrix-multiply speed, measured in one run: "
        + "the step's achieved GFLOP/s (its matrix products over its wall time) and ND4J's GEMM GFLOP/s at the "
        + "step's dominant shape. Default: the paper's bit-input SIREN, 3 x 256, on a 32x32 8-bit RGB crop.",
        footer = {"", "Examples:", "  inrkit bench fit", "  inrkit bench fit photo.png --crop 64x64 --json"})
final class BenchFitCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "0..1", description = "Image or audio file (default: the bundled "
            + "kodim23 sample, cropped to 32x32).")
    Path input;

    @Mixin
    RegionOptions region;

    @Option(names = "--formulation", paramLabel = "F", defaultValue = "bit-input",
            description = "bit-input or plane-heads. Default: ${DEFAULT-VALUE}.")
    String formulation;

    @Option(names = "--width", paramLabel = "N", defaultValue = "256", description = "Default: ${DEFAULT-VALUE}.")
    int width;

    @Option(names = "--layers", paramLabel = "N", defaultValue = "3", description = "Default: ${DEFAULT-VALUE}.")
    int layers;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "30", description = "Timed steps (after as many "
            + "warm-up steps). Default: ${DEFAULT-VALUE}.")
    int steps;

    @Option(names = "--threads", paramLabel = "N", description = "Threads. Default: all cores.")
    Integer threads;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Signal signal;
        String source;
        if (input == null) {
            try (InputStream in = BenchFitCommand.class.getResourceAsStream("samples/kodim23-64x64.png")) {
                signal = MediaFiles.decode("kodim23-64x64.png", in.readAllBytes()).signal().crop(0, 0, 32, 32);
            }
            source = "bundled kodim23, 32x32";
        } else {
            signal = region.apply(MediaFiles.read(input).signal());
            source = input.toString();
        }
        FitOptions.Builder b = FitOptions.builder().formulation(Formulation.fromId(formulation)).width(width).layers(layers);
        if (threads != null) {
            b.threads(threads);
        }
        FitBenchmark.Result r = FitBenchmark.run(signal, b.build(), steps);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("signal", source + " (" + signal.spec().describe() + ")");
        m.put("formulation", formulation);
        m.put("rows", r.rows());
        m.put("width", r.width());
        m.put("layers", r.layers());
        m.put("threads", r.threads());
        m.put("stepMillis", round(r.stepMillis()));
        m.put("flopsPerStep", r.flopsPerStep());
        m.put("stepGflops", round(r.stepGflops()));
        m.put("gemmGflops", round(r.gemmGflops()));
        m.put("ratio", round(r.ratio()));
        spec.commandLine().getOut().println(json ? Json.write(m) : String.format(Locale.ROOT,
                "%s%n%s, %d rows, %d x %d sine layers, %d threads%n"
                + "training step   %8.2f ms  %8.1f GFLOP/s (%.2f GFLOP of matrix products)%n"
                + "raw GEMM        %8s     %8.1f GFLOP/s ([%d x %d] x [%d x %d])%n"
                + "ratio           %8.2f", m.get("signal"), formulation, r.rows(), r.layers(), r.width(), r.threads(),
                r.stepMillis(), r.stepGflops(), r.flopsPerStep() / 1e9, "", r.gemmGflops(), r.rows(), r.width(),
                r.width(), r.width(), r.ratio()));
        return ExitCode.OK;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
