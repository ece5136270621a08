package io.inrkit.cli;

import io.inrkit.codec.Decoder;
import io.inrkit.codec.EncodeOptions;
import io.inrkit.codec.EncodeResult;
import io.inrkit.codec.Encoder;
import io.inrkit.core.Signal;
import io.inrkit.core.SignalKind;
import io.inrkit.core.internal.AtomicOutput;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "codec", description = "Encode and decode files (or every image / audio file in folders), check "
        + "every sample, and compare sizes and times with PNG, WebP lossless and JPEG XL (images) or FLAC and "
        + "WavPack (audio) when those tools are installed.",
        footer = {"", "Examples:", "  inrkit bench codec ../shared/data/img8 --centre-crop 256x256",
            "  inrkit bench codec ../shared/data/audio --preset fast --csv audio.csv"})
final class BenchCodecCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE|DIR", arity = "1..*", description = "Files, or folders whose files are all read.")
    List<Path> inputs;

    @Option(names = "--centre-crop", paramLabel = "WxH", description = "Code the centre WxH of each image.")
    String centreCrop;

    @Option(names = "--preset", paramLabel = "P", defaultValue = "default", description = "Encoder preset. "
            + "Default: ${DEFAULT-VALUE}.")
    String preset;

    @Option(names = "--threads", paramLabel = "N", description = "Threads. Default: all cores.")
    Integer threads;

    @Option(names = "--no-external", description = "Do not run the external codecs.")
    boolean noExternal;

    @Option(names = "--csv", paramLabel = "OUT.csv", description = "Also write the table as CSV.")
    Path csv;

    @Option(names = "--json", paramLabel = "OUT.json", description = "Also write the results as JSON.")
    Path json;

    @Option(names = "--chart", paramLabel = "OUT.png", description = "Also draw each file's sizes against JPEG XL's "
            + "(images) or FLAC's (audio) as a bar chart.")
    Path chart;

    @Option(names = {"-f", "--force"}, description = "Replace the CSV/JSON/PNG files if they exist.")
    boolean force;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (chart != null && noExternal) {
            throw new UsageException("--chart draws sizes against JPEG XL's or FLAC's: it needs the external codecs "
                    + "(leave out --no-external)");
        }
        EncodeOptions.Builder ob = EncodeOptions.builder().preset(EncodeOptions.Preset.fromId(preset));
        if (threads != null) {
            ob.threads(threads);
        }
        EncodeOptions options = ob.build();
        List<Path> files = BenchInputs.files(inputs);
        Path work = Files.createTempDirectory("inrkit-bench");
        List<Map<String, Object>> rows = new ArrayList<>();
        boolean allExact = true;
        try {
            for (Path file : files) {
                Signal signal;
                try {
                    signal = BenchInputs.centreCrop(MediaFiles.read(file).signal(), centreCrop);
                } catch (io.inrkit.core.BadInputException e) {
                    err.println("skipped " + file + ": " + e.getMessage());
                    continue;
                }
                EncodeResult r = Encoder.encode(signal, options, Encoder.Listener.NONE);
                long t = System.nanoTime();
                Signal back = Decoder.decode(r.file(), options.threads());
                double decodeSeconds = (System.nanoTime() - t) / 1e9;
                boolean exact = back.equals(signal);
                allExact &= exact;
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("file", file.getFileName().toString());
                row.put("kind", signal.kind().displayName());
                row.put("rawBytes", EncodeCommand.rawBytes(signal.spec()));
                row.put("inrBytes", r.file().length);
                row.put("modelBytes", r.sizes().models());
                row.put("bitsBytes", r.sizes().bits());
                row.put("network", r.chosen());
                row.put("rate", rate(signal, r.file().length));
                row.put("encodeSeconds", InrFacts.round(r.seconds()));
                row.put("decodeSeconds", InrFacts.round(decodeSeconds));
                row.put("exact", exact);
                if (!noExternal) {
                    external(signal, file, work, row);
                }
                rows.add(row);
                err.println(file.getFileName() + ": " + row.get("inrBytes") + " bytes, " + row.get("rate")
                        + (exact ? ", exact" : ", NOT EXACT"));
            }
        } finally {
            try (Stream<Path> s = Files.walk(work)) {
                for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
        String table = markdown(rows);
        out.println(table);
        if (csv != null) {
            String text = csvText(rows);
            AtomicOutput.write(csv, force, o -> o.write(text.getBytes(StandardCharsets.UTF_8)));
        }
        if (json != null) {
            String text = Json.write(rows);
            AtomicOutput.write(json, force, o -> o.write(text.getBytes(StandardCharsets.UTF_8)));
        }
        if (chart != null) {
            CodecChart.write(chart, rows, force);
        }
        return allExact ? ExitCode.OK : ExitCode.INTERNAL;
    }

    /** Rate of a coded size: bits per pixel for images, fraction of the raw PCM for audio. */
    static double rate(Signal s, long bytes) {
        return InrFacts.round(s.kind() == SignalKind.IMAGE ? bytes * 8.0 / s.spec().positions()
                : bytes / (double) EncodeCommand.rawBytes(s.spec()));
    }

    /** Runs each installed external codec on the signal written losslessly as PNG or WAV. */
    private static void external(Signal s, Path file, Path work, Map<String, Object> row) throws Exception {
        boolean image = s.kind() == SignalKind.IMAGE;
        Path plain = work.resolve(file.getFileName().toString().replaceAll("\\.\\w+$", "") + (image ? ".png" : ".wav"));
        Files.deleteIfExists(plain);
        MediaFiles.write(s, plain, true);
        for (ExternalCodecs.Tool t : image ? ExternalCodecs.IMAGE : ExternalCodecs.AUDIO) {
            if (!ExternalCodecs.installed(t)) {
                row.put(t.name(), "not installed");
                continue;
            }
            if (t.program().equals("cwebp") && s.bitDepth() > 8) {
                row.put(t.name(), "8-bit only"); // cwebp would quietly drop the low bits: not lossless
                continue;
            }
            long bytes = ExternalCodecs.size(t, plain, work);
            row.put(t.name(), bytes < 0 ? "failed" : rate(s, bytes));
        }
    }

    private static String markdown(List<Map<String, Object>> rows) {
        if (rows.isEmpty()) {
            return "no files";
        }
        List<String> keys = new ArrayList<>(rows.get(0).keySet());
        for (Map<String, Object> r : rows) {
            for (String k : r.keySet()) {
                if (!keys.contains(k)) {
                    keys.add(k);
                }
            }
        }
        StringBuilder b = new StringBuilder("| " + String.join(" | ", keys) + " |\n|");
        keys.forEach(k -> b.append("---|"));
        b.append('\n');
        for (Map<String, Object> r : rows) {
            b.append("| ");
            for (String k : keys) {
                b.append(r.getOrDefault(k, "")).append(" | ");
            }
            b.setLength(b.length() - 1);
            b.append('\n');
        }
        // mean of every numeric rate column
        b.append("| mean |");
        for (int i = 1; i < keys.size(); i++) {
            String k = keys.get(i);
            boolean rateColumn = k.equals("rate") || k.contains("(");
            double sum = 0;
            int n = 0;
            for (Map<String, Object> r : rows) {
                if (r.get(k) instanceof Number num) {
                    sum += num.doubleValue();
                    n++;
                }
            }
            b.append(rateColumn && n > 0 ? String.format(Locale.ROOT, " %.3f |", sum / n) : " |");
        }
        return b.toString();
    }

    private static String csvText(List<Map<String, Object>> rows) {
        if (rows.isEmpty()) {
            return "";
        }
        List<String> keys = new ArrayList<>(rows.get(0).keySet());
        StringBuilder b = new StringBuilder(String.join(",", keys)).append('\n');
        for (Map<String, Object> r : rows) {
            List<String> cells = new ArrayList<>();
            for (String k : keys) {
                String v = String.valueOf(r.getOrDefault(k, ""));
                cells.add(v.contains(",") ? '"' + v + '"' : v);
            }
            b.append(String.join(",", cells)).append('\n');
        }
        return b.toString();
    }
}
