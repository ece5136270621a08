package io.inrkit.cli;

import io.inrkit.codec.Decoder;
import io.inrkit.core.BadInputException;
import io.inrkit.core.Signal;
import io.inrkit.core.UnsupportedFormatException;
import io.inrkit.core.io.InputFiles;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "decode", description = "Decode an .inr file into the original samples, exactly (checked against "
        + "the SHA-256 the file carries), as PNG, TIFF or WAV by OUT's extension.",
        footer = {"", "Examples:", "  inrkit decode photo.inr photo.png", "  inrkit decode clip.inr clip.wav --json"})
final class DecodeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IN.inr", description = ".inr file.")
    Path input;

    @Parameters(index = "1", paramLabel = "OUT", description = "Output file (.png, .tif, .tiff, .wav).")
    Path output;

    @Option(names = "--threads", paramLabel = "N", description = "Threads evaluating the models. Default: all cores.")
    Integer threads;

    @Option(names = {"-f", "--force"}, description = "Replace OUT if it exists.")
    boolean force;

    @Option(names = "--json", description = "Print a JSON report.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        MediaFiles.OutputType.of(output);
        byte[] data = InputFiles.readAll(input);
        long start = System.nanoTime();
        Signal signal;
        try {
            if (!Decoder.isInr(data)) {
                throw new UnsupportedFormatException("not an .inr file (no INRK magic)");
            }
            signal = Decoder.decode(data, threads != null ? threads : Runtime.getRuntime().availableProcessors());
        } catch (BadInputException e) {
            throw e.withContext(input.toString());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        MediaFiles.write(signal, output, force, input);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("input", input.toString());
        m.put("output", output.toString());
        m.put("signal", signal.spec().describe());
        m.put("samples", signal.sampleCount());
        m.put("verified", "SHA-256 of every sample matches");
        m.put("seconds", InrFacts.round(seconds));
        spec.commandLine().getOut().println(json ? Json.write(m) : String.format(java.util.Locale.ROOT,
                "%s -> %s: %s, %d samples, exact (SHA-256 verified), %.2f s", input, output,
                signal.spec().describe(), signal.sampleCount(), seconds));
        return ExitCode.OK;
    }
}
