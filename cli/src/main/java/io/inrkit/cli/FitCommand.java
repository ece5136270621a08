package io.inrkit.cli;

import io.inrkit.core.PlaneMapping;
import io.inrkit.core.Signal;
import io.inrkit.core.SignalKind;
import io.inrkit.core.fit.FitOptions;
import io.inrkit.core.fit.FitProgress;
import io.inrkit.core.fit.FitResult;
import io.inrkit.core.fit.InrFitter;
import io.inrkit.core.fit.Loss;
import io.inrkit.core.fit.Schedule;
import io.inrkit.core.fit.SegmentedFitResult;
import io.inrkit.core.fit.FitListener;
import io.inrkit.core.fit.FitOutcome;
import io.inrkit.core.model.Formulation;
import io.inrkit.core.model.TernaryInr;
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

@Command(name = "fit", description = "Fit a bit-plane INR (a SIREN that predicts every bit of every sample) to an image "
        + "or audio clip until it reproduces the signal exactly, or until a limit; report iterations, time, bit errors.",
        footer = {"", "Examples:",
            "  inrkit fit photo.png --crop 32x32+0+0 --width 256 --layers 3",
            "  inrkit fit photo.png --crop 32x32 --formulation bit-input --lr 1e-4 --chart bits.png --json",
            "  inrkit fit drum.wav --samples 0:4096 --segment 1024",
            "  inrkit fit photo.png --crop 32x32 --ternary-weights   (the paper's ternary network)"})
final class FitCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "IN", description = "Image or audio file, or - for standard input.")
    Path input;

    @Mixin
    RegionOptions region;

    @Option(names = "--formulation", paramLabel = "F", defaultValue = "plane-heads",
            description = "plane-heads (coordinates in, one logit per channel and plane out: fastest on CPU) or "
                    + "bit-input (the paper's: the bit index is an input coordinate). Default: ${DEFAULT-VALUE}.")
    String formulation;

    @Option(names = "--mapping", paramLabel = "M", defaultValue = "binary",
            description = "Bit planes of plain binary or Gray-coded samples. Default: ${DEFAULT-VALUE}.")
    String mapping;

    @Option(names = "--width", paramLabel = "N", description = "Units per sine layer. Default: 256.")
    Integer width;

    @Option(names = "--layers", paramLabel = "N", description = "Number of sine layers. Default: 3.")
    Integer layers;

    @Option(names = "--omega", paramLabel = "F", description = "SIREN frequency omega. Default: 30.")
    Float omega;

    @Option(names = "--first-omega", paramLabel = "F", description = "Omega of the first sine layer. Default: "
            + "--omega for images; for audio, one per frame of the segment (see docs/FITTING.md).")
    Float firstOmega;

    @Option(names = "--lr", paramLabel = "F", description = "Adam learning rate. Default: 1e-3.")
    Double learningRate;

    @Option(names = "--schedule", paramLabel = "S", description = "Learning rate schedule: constant or cosine. "
            + "Default: constant.")
    String schedule;

    @Option(names = "--batch", paramLabel = "N|full", defaultValue = "full",
            description = "Coordinates per step, or full (all of them). Default: ${DEFAULT-VALUE}.")
    String batch;

    @Option(names = "--loss", paramLabel = "L", defaultValue = "bce", description = "bce (the paper's) or mse. "
            + "Default: ${DEFAULT-VALUE}.")
    String loss;

    @Option(names = "--max-iters", paramLabel = "N", description = "Stop after N steps. Default: 5000.")
    Integer maxIters;

    @Option(names = "--time-limit", paramLabel = "SECONDS", description = "Stop after this long (shared equally by "
            + "audio segments). Default: none.")
    Double timeLimit;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the initialisation and shuffling. Default: 0.")
    Long seed;

    @Option(names = "--ternary-weights", description = "Fit the paper's extreme-quantization network instead of a "
            + "SIREN: positional encoding, BitLinear layers (LayerNorm, weights in {-1, 0, 1} times one scale, no bias) "
            + "with GELU, trained ternary from the first step. Width and layers then default to 256 and 4 (hidden "
            + "layers; one more gives the logits); at most 65536 positions.")
    boolean ternaryWeights;

    @Option(names = "--frequencies", paramLabel = "K", description = "Positional encoding frequencies of the ternary "
            + "network: v, sin and cos of 2^k pi v for k < K. Default: 7 (the paper's), or log2 of the longest axis "
            + "when that is more (1024 audio frames: 10).")
    Integer frequencies;

    @Option(names = "--threads", paramLabel = "N", description = "Threads. Default: all cores.")
    Integer threads;

    @Option(names = "--engine", paramLabel = "E", defaultValue = "fused",
            description = "fused (INRKit's training loop) or dl4j (DL4J's MultiLayerNetwork). Default: ${DEFAULT-VALUE}.")
    String engine;

    @Option(names = "--segment", paramLabel = "FRAMES", defaultValue = "1024",
            description = "Audio: frames per segment, each fitted by its own network. Default: ${DEFAULT-VALUE}.")
    int segment;

    @Option(names = "--chart", paramLabel = "OUT.png", description = "Write the per-plane bit error rate against "
            + "iteration as a PNG chart (the paper's bit bias figure; audio: the first segment).")
    Path chart;

    @Option(names = "--reconstruction", paramLabel = "OUT", description = "Write the signal the thresholded "
            + "network gives (.png, .tif or .wav).")
    Path reconstruction;

    @Option(names = {"-f", "--force"}, description = "Replace existing output files.")
    boolean force;

    @Option(names = "--json", description = "Print the result as one JSON object on stdout.")
    boolean json;

    @Option(names = {"-q", "--quiet"}, description = "No progress line.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        FitOptions options = options();
        MediaFile file = MediaFiles.read(input, Stdio.of(spec));
        Signal signal = region.apply(file.signal());
        Progress progress = Progress.of(spec, quiet || json);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("file", input.toString());
        report.put("signal", signal.spec().describe());
        FitOptions.Architecture network = options.architecture();
        if (network instanceof FitOptions.Siren siren) {
            report.put("formulation", siren.formulation().id());
            report.put("mapping", siren.mapping().id());
            report.put("engine", siren.engine().id());
            report.put("width", siren.width());
            report.put("layers", siren.layers());
            report.put("omega", siren.omega());
            report.put("firstOmega", siren.firstOmega() > 0 ? siren.firstOmega() : "auto");
        } else {
            report.put("formulation", "ternary-bitlinear");
            report.put("mapping", network.mapping().id());
            report.put("engine", "bitlinear");
            report.put("width", network.width());
            report.put("layers", network.layers());
        }
        FitOptions.Optimizer optimizer = options.optimizer();
        report.put("learningRate", optimizer.learningRate());
        report.put("schedule", optimizer.schedule().id());
        report.put("batch", optimizer.batchSize() == FitOptions.FULL_BATCH ? "full" : optimizer.batchSize());
        report.put("loss", optimizer.loss().id());
        report.put("threads", options.budget().threads());
        report.put("seed", optimizer.seed());
        if (network instanceof FitOptions.TernaryBitLinear ternary) {
            report.put("frequencies", ternary.encodingFrequencies() == FitOptions.AUTO_FREQUENCIES
                    ? TernaryInr.frequenciesFor(signal.spec()) : ternary.encodingFrequencies());
        }
        Signal rebuilt;
        List<FitProgress> chartHistory;
        if (!ternaryWeights && signal.kind() == SignalKind.AUDIO && signal.spec().frames() > segment) {
            SegmentedFitResult r = InrFitter.fitSegments(signal, segment, options,
                    (k, n, p) -> progress.fit(String.format(Locale.ROOT, "segment %d/%d  ", k + 1, n), p,
                            (long) Math.min(segment, signal.spec().frames() - k * segment) * signal.channels()
                                    * signal.bitDepth()));
            progress.finish();
            report.put("segmentFrames", r.segmentFrames());
            report.put("segments", r.segments().size());
            report.put("iterations", r.iterations());
            report.put("maxSegmentIterations", r.maxIterations());
            report.put("seconds", round(r.seconds()));
            report.put("lossless", r.lossless());
            report.put("bitErrors", r.bitErrors());
            report.put("totalBits", r.totalBits());
            report.put("bitErrorsPerPlane", r.bitErrorsPerPlane());
            report.put("parameters", r.parameters());
            report.put("psnr", psnr(r.psnr()));
            List<Map<String, Object>> segs = new ArrayList<>();
            for (FitResult s : r.segments()) {
                segs.add(Map.of("iterations", s.iterations(), "seconds", round(s.seconds()), "lossless", s.lossless(),
                        "bitErrors", s.bitErrors()));
            }
            report.put("perSegment", segs);
            rebuilt = r.reconstruction();
            chartHistory = r.segments().get(0).history();
        } else {
            FitListener listener = p -> progress.fit("", p, (long) signal.sampleCount() * signal.bitDepth());
            FitOutcome r = ternaryWeights ? InrFitter.fitTernary(signal, options, listener)
                    : InrFitter.fit(signal, options, listener);
            progress.finish();
            report.put("iterations", r.iterations());
            report.put("seconds", round(r.seconds()));
            report.put("lossless", r.lossless());
            report.put("bitErrors", r.bitErrors());
            report.put("totalBits", r.totalBits());
            report.put("bitErrorsPerPlane", r.bitErrorsPerPlane());
            report.put("parameters", r.parameters());
            report.put("psnr", psnr(r.psnr()));
            rebuilt = r.reconstruction();
            chartHistory = r.history();
        }
        if (chart != null) {
            long perPlane = signal.kind() == SignalKind.AUDIO
                    ? (long) Math.min(segment, signal.spec().frames()) * signal.channels() : signal.sampleCount();
            BitErrorChart.write(chart, input.getFileName() + ": bit error rate per plane", chartHistory, perPlane, force);
            report.put("chart", chart.toString());
        }
        if (reconstruction != null) {
            MediaFiles.write(rebuilt, reconstruction, force, input);
            report.put("reconstructionFile", reconstruction.toString());
        }
        spec.commandLine().getOut().println(json ? Json.write(report) : text(report));
        return ExitCode.OK;
    }

    private FitOptions options() {
        FitOptions.Builder b;
        if (ternaryWeights) {
            if (!formulation.equals("plane-heads") || !engine.equals("fused")) {
                throw new UsageException("--ternary-weights has its own network: leave --formulation and --engine out");
            }
            b = FitOptions.ternaryBuilder().width(TernaryInr.PAPER_WIDTH).layers(TernaryInr.PAPER_HIDDEN_LAYERS);
            if (frequencies != null) {
                b.encodingFrequencies(frequencies);
            }
        } else {
            if (frequencies != null) {
                throw new UsageException("--frequencies is for the ternary network (--ternary-weights)");
            }
            b = FitOptions.builder().formulation(Formulation.fromId(formulation)).engine(FitOptions.Engine.fromId(engine));
        }
        b.mapping(PlaneMapping.fromId(mapping)).loss(Loss.fromId(loss));
        if (width != null) {
            b.width(width);
        }
        if (layers != null) {
            b.layers(layers);
        }
        if (omega != null) {
            b.omega(omega);
        }
        if (firstOmega != null) {
            b.firstOmega(firstOmega);
        }
        if (learningRate != null) {
            b.learningRate(learningRate);
        }
        if (schedule != null) {
            b.schedule(Schedule.fromId(schedule));
        }
        if (maxIters != null) {
            b.maxIterations(maxIters);
        }
        if (timeLimit != null) {
            b.timeLimitSeconds(timeLimit);
        }
        if (seed != null) {
            b.seed(seed);
        }
        if (threads != null) {
            b.threads(threads);
        }
        if (!batch.equals("full")) {
            try {
                b.batchSize(Integer.parseInt(batch));
            } catch (NumberFormatException e) {
                throw new UsageException("--batch '" + batch + "' is neither a number nor full");
            }
            if (Integer.parseInt(batch) < 1) {
                throw new UsageException("--batch must be at least 1, got " + batch);
            }
        }
        if (segment < 1) {
            throw new UsageException("--segment must be at least 1 frame, got " + segment);
        }
        return b.build();
    }

    private static Object psnr(double db) {
        return Double.isInfinite(db) ? "inf" : round(db);
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static String text(Map<String, Object> r) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%s: %s%n", r.get("file"), r.get("signal")));
        if (r.containsKey("frequencies")) {
            b.append(String.format(Locale.ROOT, "network   %s, %s encoding frequencies, %s x %s BitLinear layers + "
                    + "logits, %s ternary weights%n", r.get("formulation"), r.get("frequencies"), r.get("layers"),
                    r.get("width"), r.get("parameters")));
        } else {
            b.append(String.format(Locale.ROOT, "network   %s, %s x %s sine layers, omega %s, %s parameters%n",
                    r.get("formulation"), r.get("layers"), r.get("width"), r.get("omega"), r.get("parameters")));
        }
        b.append(String.format(Locale.ROOT, "training  %s engine, lr %s (%s), batch %s, %s loss, %s threads%n",
                r.get("engine"), r.get("learningRate"), r.get("schedule"), r.get("batch"), r.get("loss"), r.get("threads")));
        if (r.containsKey("segments")) {
            b.append(String.format(Locale.ROOT, "segments  %s of %s frames (at most %s iterations each)%n",
                    r.get("segments"), r.get("segmentFrames"), r.get("maxSegmentIterations")));
        }
        boolean lossless = Boolean.TRUE.equals(r.get("lossless"));
        b.append(String.format(Locale.ROOT, "result    %s after %s iterations in %s s%n",
                lossless ? "LOSSLESS (every bit of every sample)" : "not lossless", r.get("iterations"), r.get("seconds")));
        b.append(String.format(Locale.ROOT, "bits      %s wrong of %s, PSNR %s dB%n", r.get("bitErrors"), r.get("totalBits"),
                r.get("psnr")));
        long[] perPlane = (long[]) r.get("bitErrorsPerPlane");
        StringBuilder planes = new StringBuilder();
        for (int p = perPlane.length - 1; p >= 0; p--) {
            planes.append(perPlane[p]).append(p > 0 ? " " : "");
        }
        b.append("per plane ").append(planes).append(" (MSB first)");
        return b.toString();
    }
}
