package io.inrkit.cli;

import io.inrkit.bench.Mutations;
import io.inrkit.codec.Decoder;
import io.inrkit.codec.EncodeOptions;
import io.inrkit.codec.Encoder;
import io.inrkit.core.BadInputException;
import io.inrkit.core.Signal;
import io.inrkit.core.internal.InputFiles;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "fuzz", description = "Decode N malformed variants of an .inr file (bit flips, byte runs, truncations, "
        + "extensions, splices, extreme length fields, swapped sections; a third with their checksums recomputed so "
        + "the mutation reaches the parsers behind them). Each must end in the typed error or decode to the "
        + "original exactly; anything else is reported and makes the exit code 1.",
        footer = {"", "Examples:", "  inrkit bench fuzz photo.inr --cases 10000",
            "  inrkit bench fuzz photo.png --cases 1000     (encodes it first, fast preset)"})
final class BenchFuzzCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "An .inr file, or an image / audio file to encode first.")
    Path input;

    @Option(names = "--cases", paramLabel = "N", defaultValue = "1000", description = "Default: ${DEFAULT-VALUE}.")
    int cases;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--json", description = "Print the counts as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (cases < 1) {
            throw new UsageException("--cases must be at least 1, got " + cases);
        }
        byte[] data = InputFiles.readAll(input);
        byte[] file = Decoder.isInr(data) ? data : Encoder.encode(MediaFiles.decode(input.toString(), data).signal(),
                EncodeOptions.builder().preset(EncodeOptions.Preset.FAST).build(), Encoder.Listener.NONE).file();
        Signal original = Decoder.decode(file, 1);
        SplittableRandom rnd = new SplittableRandom(seed);
        long typed = 0;
        long exact = 0;
        long wrong = 0;
        long other = 0;
        long start = System.nanoTime();
        for (int i = 0; i < cases; i++) {
            byte[] m = Mutations.mutate(file, rnd, file);
            if (rnd.nextInt(3) == 0) {
                Mutations.refreshAllCrcs(m);
            }
            try {
                Signal s = Decoder.decode(m, 1);
                if (s.equals(original)) {
                    exact++;
                } else {
                    wrong++;
                    spec.commandLine().getErr().println("case " + i + ": decoded to different samples");
                }
            } catch (BadInputException e) {
                typed++;
            } catch (RuntimeException | OutOfMemoryError e) {
                other++;
                spec.commandLine().getErr().println("case " + i + ": " + e);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", input.toString());
        m.put("cases", cases);
        m.put("typedError", typed);
        m.put("decodedExactly", exact);
        m.put("wrongSamples", wrong);
        m.put("otherFailures", other);
        m.put("seconds", InrFacts.round(seconds));
        spec.commandLine().getOut().println(json ? Json.write(m) : String.format(java.util.Locale.ROOT,
                "%d cases in %.1f s: %d typed errors, %d decoded exactly, %d wrong samples, %d other failures",
                cases, seconds, typed, exact, wrong, other));
        return wrong == 0 && other == 0 ? ExitCode.OK : ExitCode.INTERNAL;
    }
}
