package io.inrkit.cli;

import io.inrkit.audio.AudioFiles;
import io.inrkit.audio.PcmStreamReader;
import io.inrkit.codec.DecodeOptions;
import io.inrkit.codec.Decoder;
import io.inrkit.codec.EncodeOptions;
import io.inrkit.codec.EncodeResult;
import io.inrkit.codec.Encoder;
import io.inrkit.codec.InrFileInfo;
import io.inrkit.codec.StreamCodec;
import io.inrkit.codec.WeightFormat;
import io.inrkit.core.BadInputException;
import io.inrkit.core.Signal;
import io.inrkit.core.SignalKind;
import io.inrkit.core.SignalSpec;
import io.inrkit.core.fit.FitProgress;
import io.inrkit.core.internal.AtomicOutput;
import io.inrkit.core.internal.InputFiles;
import io.inrkit.image.ImageFormat;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "encode", description = "Compress image or audio files, losslessly, into .inr files: context "
        + "modelling mixed with a bit-plane INR when the network earns its bytes (see docs/CODEC.md). One input "
        + "becomes OUT (IN OUT, -o OUT, or IN.inr beside it); several inputs or a folder become NAME.inr in "
        + "--out-dir (or beside each input). A batch goes on past files it cannot encode, reports them, prints a "
        + "summary and exits non-zero if any failed.",
        footer = {"", "Examples:", "  inrkit encode photo.png                   (writes photo.inr)",
            "  inrkit encode photo.png photo.inr --preset max --json",
            "  inrkit encode photo.png --verify                    (decodes it and compares every sample first)",
            "  inrkit encode scans/ --out-dir coded/ --preset fast",
            "  cat clip.wav | inrkit encode - -o clip.inr",
            "  inrkit encode photo.png crop.inr --crop 64x64+0+0 --lossless-model   (the paper's representation)",
            "  inrkit encode photo.png crop.inr --crop 32x32 --lossless-model --weights ternary   (1.6 bits a weight)"})
final class EncodeCommand implements Callable<Integer> {

    /** Extensions of the files a folder given as input contributes: every image and audio file read. */
    private static final Set<String> MEDIA_EXTENSIONS = Stream.concat(ImageFormat.allExtensions().stream(),
            AudioFiles.EXTENSIONS.stream()).collect(Collectors.toUnmodifiableSet());

    /** {@code --weights} for a per-layer choice. */
    static final String AUTO_WEIGHTS = "auto";

    /** What {@code --weights} takes, for its help and shell completion: auto, then every format's name. */
    static final class WeightNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Stream.concat(Stream.of(AUTO_WEIGHTS), Stream.of(WeightFormat.values()).map(WeightFormat::id))
                    .iterator();
        }
    }

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "IN", description = "Image or audio files or folders (their image and "
            + "audio files), or - for standard input. Two names, the second ending in .inr or not an existing "
            + "file, are IN OUT.inr.")
    List<Path> inputs;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT.inr", description = "Output of a single input "
            + "(- for standard output).")
    Path optionOutput;

    @Option(names = "--out-dir", paramLabel = "DIR", description = "Folder of the outputs (created if missing).")
    Path outDir;

    @Mixin
    RegionOptions region;

    @Option(names = "--preset", paramLabel = "P", defaultValue = "default",
            description = "fast (the first context model, 2 to 2.5x as fast, no network), default (the stronger context "
                    + "model, images through a window, context2+window, audio lean, context2+lean; images whose bits "
                    + "reach 100 kB also try a 16-unit context network, kept where it pays), max (context2 without a "
                    + "window, a 32-unit context network, and coordinate networks: two for images, "
                    + "one per audio segment). Default: ${DEFAULT-VALUE}.")
    String preset;

    @Option(names = "--width", paramLabel = "N", description = "Try this network width instead of the preset's.")
    Integer width;

    @Option(names = "--layers", paramLabel = "N", description = "Try this many sine layers instead of the preset's.")
    Integer layers;

    @Option(names = "--iters", paramLabel = "N", description = "Train the network for at most N steps.")
    Integer iters;

    @Option(names = "--lossless-model", description = "Store a network that reproduces every bit by itself (the "
            + "paper's representation; default 256 x 3); the coded bits are then nearly empty. With --weights "
            + "ternary: the paper's ternary BitLinear network (default 256 x 4 hidden), trained ternary.")
    boolean losslessModel;

    @Option(names = "--weights", paramLabel = "F", completionCandidates = WeightNames.class,
            description = "Weight format: ${COMPLETION-CANDIDATES} (see docs/FORMAT.md). auto chooses per layer, "
                    + "whichever makes the file smallest (with --lossless-model it also weighs the ternary network and "
                    + "keeps the smaller file); int8 .. int2 have a scale per output channel, MSE-searched clipping. "
                    + "Default: int8 for coordinate networks; the context network chooses per tensor.")
    String weights;

    @Option(names = "--tile", paramLabel = "N", description = "Images: code in independent tiles of at most NxN, "
            + "two equal halves where two are needed across or down (threads code several at once; decode --region "
            + "reads only those it touches). Default: "
            + EncodeOptions.DEFAULT_TILE_SIZE + "; with --preset fast " + EncodeOptions.FAST_SHALLOW_TILE_SIZE
            + " for images of up to 8 bits.")
    Integer tile;

    @Option(names = "--block", paramLabel = "FRAMES", description = "Audio: code in independent blocks of FRAMES "
            + "frames. Default: " + EncodeOptions.DEFAULT_BLOCK_FRAMES + " (about 24 s at 44.1 kHz).")
    Integer block;

    @Option(names = "--segment", paramLabel = "FRAMES", defaultValue = "1024",
            description = "Audio: frames per segment network. Default: ${DEFAULT-VALUE}.")
    int segment;

    @Option(names = "--threads", paramLabel = "N", description = "Threads. Default: all cores.")
    Integer threads;

    @Option(names = "--verify", description = "Decode the written file and compare every sample with the input "
            + "before putting it in place and reporting success (flac's habit); a difference is an internal error "
            + "(exit 1) and leaves no output.")
    boolean verify;

    @Option(names = {"-f", "--force"}, description = "Replace outputs that exist; the new file is verified first "
            + "(as with --verify), so an old file is only ever replaced by a complete one that decodes exactly.")
    boolean force;

    @Option(names = "--json", description = "Print the report as one JSON object.")
    boolean json;

    @Option(names = {"-q", "--quiet"}, description = "No progress, and no report but a batch's failures.")
    boolean quiet;

    /** One input and where it goes. */
    record Job(Path input, Path output) {
    }

    @Override
    public Integer call() throws Exception {
        EncodeOptions options = options();
        List<Job> jobs = new ArrayList<>();
        boolean batch = plan(jobs);
        Progress progress = Progress.of(spec, quiet || json);
        if (!batch) {
            Map<String, Object> report = encodeOne(jobs.get(0), options, progress, "");
            PrintWriter out = Stdio.isDash(jobs.get(0).output()) ? spec.commandLine().getErr() : spec.commandLine().getOut();
            if (json || !quiet) {
                out.println(json ? Json.write(report) : text(report));
            }
            return ExitCode.OK;
        }
        if (outDir != null) {
            Files.createDirectories(outDir);
        }
        return runBatch(jobs, options, progress);
    }

    /** Fills {@code jobs}; true for a batch (several inputs or a folder). */
    private boolean plan(List<Job> jobs) throws IOException {
        // cjxl's IN OUT: two names, the second an .inr name or not an existing input.
        if (inputs.size() == 2 && optionOutput == null && outDir == null && !Files.isDirectory(inputs.get(0))
                && (isInrName(inputs.get(1)) && !isInrName(inputs.get(0)) || !Files.exists(inputs.get(1)))) {
            jobs.add(checked(new Job(inputs.get(0), inputs.get(1))));
            return false;
        }
        List<Path> files = new ArrayList<>();
        boolean folder = false;
        for (Path in : inputs) {
            if (!Stdio.isDash(in) && Files.isDirectory(in)) {
                folder = true;
                List<Path> found = mediaFilesIn(in);
                if (found.isEmpty()) {
                    throw new UsageException("no image or audio files in " + in);
                }
                files.addAll(found);
            } else {
                files.add(in);
            }
        }
        boolean batch = folder || files.size() > 1;
        if (batch && optionOutput != null) {
            throw new UsageException("-o names the output of one input; with several, use --out-dir DIR");
        }
        if (batch && files.stream().anyMatch(Stdio::isDash)) {
            throw new UsageException("standard input (-) can only be encoded on its own");
        }
        Set<Path> outputs = new HashSet<>();
        for (Path in : files) {
            Path out;
            if (optionOutput != null) {
                out = optionOutput;
            } else if (Stdio.isDash(in)) {
                throw new UsageException("reading standard input: name the output with -o OUT.inr (- for standard output)");
            } else {
                Path folderOut = outDir != null ? outDir : in.toAbsolutePath().getParent();
                out = folderOut.resolve(stem(in) + ".inr");
            }
            if (!outputs.add(out.toAbsolutePath().normalize())) {
                throw new UsageException("two inputs would both be written to " + out + "; encode them separately");
            }
            jobs.add(checked(new Job(in, out)));
        }
        return batch;
    }

    private static Job checked(Job job) {
        if (!Stdio.isDash(job.output()) && !isInrName(job.output())) {
            throw new UsageException("the output of encode is an .inr file: name it with .inr");
        }
        if (InputFiles.sameFile(job.input(), job.output())) {
            throw new UsageException("output " + job.output() + " is the input file; INRKit never overwrites an input");
        }
        return job;
    }

    private static boolean isInrName(Path p) {
        return p.getFileName() != null && p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".inr");
    }

    private static String stem(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** The image and audio files directly inside {@code dir}, by name; hidden files are left out. */
    static List<Path> mediaFilesIn(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(Files::isRegularFile).filter(p -> {
                String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
                int dot = name.lastIndexOf('.');
                return !name.startsWith(".") && dot > 0 && MEDIA_EXTENSIONS.contains(name.substring(dot + 1));
            }).sorted().toList();
        }
    }

    private Map<String, Object> encodeOne(Job job, EncodeOptions options, Progress progress, String prefix)
            throws IOException {
        Stdio stdio = Stdio.of(spec);
        MediaFile in;
        try (BufferedInputStream input = stdio.open(job.input())) {
            // An hour of audio is not held: at the presets that train no network it streams.
            if (!region.any() && StreamCodec.streams(options) && AudioFiles.recognises(Stdio.peek(input, 12))) {
                return encodeStream(job, input, options, progress, prefix);
            }
            in = MediaFiles.read(Stdio.nameOf(job.input()), input.readAllBytes());
        }
        Signal signal = region.apply(in.signal());
        EncodeResult r = Encoder.encode(signal, options, new Encoder.Listener() {
            @Override
            public void fit(String candidate, FitProgress p) {
                progress.fit(prefix + "network " + candidate + ": ", p, (long) signal.sampleCount() * signal.bitDepth());
            }
        });
        progress.finish();
        DecodeOptions decode = DecodeOptions.builder().threads(options.threads()).build();
        // Replacing a file destroys it: do that only for a new one proven to decode exactly.
        boolean check = mustVerify(job);
        if (Stdio.isDash(job.output())) {
            if (check) {
                Decoder.verify(r.file(), signal, decode);
            }
            stdio.out().write(r.file());
            stdio.out().flush();
        } else {
            AtomicOutput.write(job.output(), force, out -> out.write(r.file()),
                    check ? written -> Decoder.verify(Files.readAllBytes(written), signal, decode) : AtomicOutput.Check.NONE);
        }
        Map<String, Object> report = report(in.name(), in.fileBytes(), job.output().toString(), signal.spec(),
                r.info(), r.chosen(), r.candidates(), r.seconds());
        report.put("verified", check);
        return report;
    }

    /** Whether the written file is decoded and compared before it is put in place. */
    private boolean mustVerify(Job job) {
        return verify || force && !Stdio.isDash(job.output()) && Files.exists(job.output());
    }

    /**
     * Encodes audio block by block from {@code input} into the output (standard output through a
     * temporary file, as the file's header is written last). A check decodes the written file the
     * same way and compares the SHA-256 of every sample with the input's, computed as it was read.
     */
    private Map<String, Object> encodeStream(Job job, BufferedInputStream input, EncodeOptions options,
            Progress progress, String prefix) throws IOException {
        String name = Stdio.nameOf(job.input());
        CountingInputStream counted = new CountingInputStream(input);
        StreamCodec.Result[] result = new StreamCodec.Result[1];
        AtomicOutput.ChannelContent content = ch -> {
            try (PcmStreamReader pcm = AudioFiles.openStream(counted)) {
                double rate = pcm.spec().sampleRate();
                long start = System.nanoTime();
                result[0] = StreamCodec.encode(pcm, ch, options, (done, total, frames) ->
                        progress.blocks(prefix + "encoding ", done, total, frames / rate, (System.nanoTime() - start) / 1e9));
            } catch (BadInputException e) {
                throw e.withContext(name);
            } finally {
                progress.finish();
            }
        };
        DecodeOptions decode = DecodeOptions.builder().threads(options.threads()).build();
        boolean check = mustVerify(job);
        AtomicOutput.Check verifier = check ? written -> {
            try (InputStream back = Files.newInputStream(written)) {
                StreamCodec.decode(new BufferedInputStream(back, 1 << 16), Discard.SINK, decode, StreamCodec.Progress.NONE);
            } catch (BadInputException e) {
                throw new IllegalStateException("verify: the file just written does not decode: " + e.getMessage(), e);
            }
        } : AtomicOutput.Check.NONE;
        if (Stdio.isDash(job.output())) {
            Path temporary = Files.createTempFile("inrkit-", ".inr");
            try {
                try (FileChannel ch = FileChannel.open(temporary, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                    content.writeTo(ch);
                }
                verifier.check(temporary);
                Files.copy(temporary, Stdio.of(spec).out());
                Stdio.of(spec).out().flush();
            } finally {
                Files.deleteIfExists(temporary);
            }
        } else {
            AtomicOutput.writeChannel(job.output(), force, content, verifier);
        }
        StreamCodec.Result r = result[0];
        InrFileInfo.Sizes sizes = r.info().sizes();
        int coded = r.info().tiles().list().stream().mapToInt(InrFileInfo.Tile::codedBytes).sum();
        List<EncodeResult.Candidate> only = List.of(new EncodeResult.Candidate(CONTEXT_ONLY, 0, 0, coded, -1, -1,
                sizes.total(), false, 0));
        long inputBytes = Stdio.isDash(job.input()) ? counted.count() : Files.size(job.input());
        Map<String, Object> report = report(name, inputBytes, job.output().toString(), r.info().spec(), r.info(),
                CONTEXT_ONLY, only, r.seconds());
        report.put("verified", check);
        report.put("streamed", true);
        return report;
    }

    /** The candidate without a network, as {@link Encoder} names it. */
    private static final String CONTEXT_ONLY = "context only";

    /** Encodes every job, reporting failures as they happen; the exit code is the first failure's. */
    private int runBatch(List<Job> jobs, EncodeOptions options, Progress progress) {
        PrintWriter err = spec.commandLine().getErr();
        List<Map<String, Object>> rows = new ArrayList<>();
        int exit = ExitCode.OK;
        for (int i = 0; i < jobs.size(); i++) {
            Job job = jobs.get(i);
            String prefix = String.format(Locale.ROOT, "[%d/%d] %s ", i + 1, jobs.size(), job.input().getFileName());
            progress.note(prefix.strip());
            try {
                rows.add(encodeOne(job, options, progress, prefix));
            } catch (Exception e) {
                progress.finish();
                int code = InrKit.exitCodeOf(e);
                String message = InrKit.message(e, code);
                String name = job.input().toString();
                String reason = message.startsWith(name + ": ") ? message.substring(name.length() + 2) : message;
                err.println("inrkit encode: " + name + ": " + reason);
                err.flush();
                Map<String, Object> failed = new LinkedHashMap<>();
                failed.put("input", name);
                failed.put("error", reason);
                failed.put("exitCode", code);
                rows.add(failed);
                exit = exit == ExitCode.OK ? code : exit;
            }
        }
        long failed = rows.stream().filter(r -> r.containsKey("error")).count();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("files", rows);
        summary.put("encoded", rows.size() - failed);
        summary.put("failed", failed);
        if (json) {
            spec.commandLine().getOut().println(Json.write(summary));
        } else if (!quiet) {
            spec.commandLine().getOut().println(summaryTable(rows));
        }
        return exit;
    }

    private static String summaryTable(List<Map<String, Object>> rows) {
        StringBuilder b = new StringBuilder("| file | result | input bytes | .inr bytes | size | seconds |\n");
        b.append("|---|---|---|---|---|---|\n");
        long in = 0;
        long out = 0;
        int ok = 0;
        for (Map<String, Object> r : rows) {
            if (r.containsKey("error")) {
                b.append(String.format(Locale.ROOT, "| %s | failed: %s | - | - | - | - |%n", r.get("input"), r.get("error")));
                continue;
            }
            ok++;
            in += (Long) r.get("inputBytes");
            out += (Integer) r.get("bytes");
            b.append(String.format(Locale.ROOT, "| %s | ok | %d | %d | %s | %.1f |%n", r.get("input"), (Long) r.get("inputBytes"),
                    (Integer) r.get("bytes"), r.containsKey("bitsPerPixel") ? r.get("bitsPerPixel") + " bpp"
                            : r.get("ratioToPcm") + " of PCM", (Double) r.get("seconds")));
        }
        b.append(String.format(Locale.ROOT, "%d encoded, %d failed; %d bytes in, %d bytes of .inr", ok, rows.size() - ok,
                in, out));
        return b.toString();
    }

    private EncodeOptions options() {
        EncodeOptions.Builder b = EncodeOptions.builder().preset(EncodeOptions.Preset.fromId(preset))
                .losslessModel(losslessModel).segmentFrames(segment);
        if (tile != null) {
            b.tileSize(tile);
        }
        if (block != null) {
            b.blockFrames(block);
        }
        if (AUTO_WEIGHTS.equals(weights)) {
            b.autoWeights(true);
        } else if (weights != null) {
            WeightFormat format = format(weights);
            b.weightFormat(format);
            // --lossless-model --weights ternary names the paper's ternary BitLinear network (as
            // --lossless-model's help says), whose weights are ternary from the first step.
            if (losslessModel && format == WeightFormat.TERNARY) {
                b.architecture(EncodeOptions.Architecture.TERNARY_BITLINEAR);
            }
        }
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

    static WeightFormat format(String id) {
        try {
            return WeightFormat.fromId(id);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    static Map<String, Object> report(String in, long inputBytes, String out, SignalSpec signal, InrFileInfo info,
            String chosen, List<EncodeResult.Candidate> candidates, double seconds) {
        InrFileInfo.Sizes sizes = info.sizes();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("input", in);
        m.put("output", out);
        m.put("inputBytes", inputBytes);
        m.put("signal", signal.describe());
        m.put("chosen", chosen);
        m.put("codingMode", info.codingMode());
        m.put("bytes", sizes.total());
        m.put("headerBytes", sizes.header());
        m.put("modelBytes", sizes.models());
        m.put("bitsBytes", sizes.bits());
        m.put("rawBytes", rawBytes(signal));
        m.put("bitsPerSample", InrFacts.round(sizes.total() * 8.0 / signal.sampleCount()));
        if (signal.kind() == SignalKind.IMAGE) {
            m.put("bitsPerPixel", InrFacts.round(sizes.total() * 8.0 / signal.positions()));
        } else {
            m.put("ratioToPcm", InrFacts.round(sizes.total() / (double) rawBytes(signal)));
        }
        m.put("seconds", InrFacts.round(seconds));
        List<Map<String, Object>> tried = new ArrayList<>();
        for (EncodeResult.Candidate c : candidates) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("name", c.name());
            t.put("parameters", c.parameters());
            t.put("modelBytes", c.modelBytes());
            t.put("contextOnlyBytes", c.contextBytes());
            t.put("inrOnlyBytes", c.inrBytes());
            t.put("mixedBytes", c.mixedBytes());
            t.put("totalBytes", c.totalBytes());
            t.put("modelLossless", c.modelLossless());
            t.put("fitSeconds", InrFacts.round(c.fitSeconds()));
            tried.add(t);
        }
        m.put("candidates", tried);
        return m;
    }

    /** Raw PCM / pixel data size: whole bytes per sample. */
    static long rawBytes(SignalSpec s) {
        return (long) s.sampleCount() * ((s.bitDepth() + 7) / 8);
    }

    @SuppressWarnings("unchecked")
    private static String text(Map<String, Object> m) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%s -> %s: %s%n", m.get("input"), m.get("output"), m.get("signal")));
        b.append(String.format(Locale.ROOT, "%d bytes (header %d, models %d, coded bits %d), %s, %.1f s%n",
                (Integer) m.get("bytes"), (Integer) m.get("headerBytes"), (Integer) m.get("modelBytes"),
                (Integer) m.get("bitsBytes"), m.containsKey("bitsPerPixel") ? m.get("bitsPerPixel") + " bits per pixel"
                        : m.get("ratioToPcm") + " of the raw PCM", (Double) m.get("seconds")));
        if (Boolean.TRUE.equals(m.get("verified"))) {
            b.append(Boolean.TRUE.equals(m.get("streamed"))
                    ? "verified: decoded block by block, the SHA-256 of every sample equal to the input's\n"
                    : "verified: decoded, every sample equal to the input\n");
        }
        b.append(String.format(Locale.ROOT, "chosen: %s (bits coded: %s)%n", m.get("chosen"), m.get("codingMode")));
        b.append("| candidate | parameters | model bytes | bits: context only | bits: INR only | bits: mixed | file bytes |\n");
        b.append("|---|---|---|---|---|---|---|\n");
        for (Map<String, Object> c : (List<Map<String, Object>>) m.get("candidates")) {
            int inr = (Integer) c.get("inrOnlyBytes");
            int mixed = (Integer) c.get("mixedBytes");
            b.append(String.format(Locale.ROOT, "| %s%s | %s | %s | %s | %s | %s | %s |%n", c.get("name"),
                    (Boolean) c.get("modelLossless") ? " (model lossless)" : "", c.get("parameters"), c.get("modelBytes"),
                    c.get("contextOnlyBytes"), inr < 0 ? "-" : Integer.toString(inr), mixed < 0 ? "-" : Integer.toString(mixed),
                    c.get("totalBytes")));
        }
        return b.toString().stripTrailing();
    }
}
