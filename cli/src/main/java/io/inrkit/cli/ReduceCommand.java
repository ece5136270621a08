package io.inrkit.cli;

import io.inrkit.core.Signal;
import io.inrkit.core.depth.BitDepthExpansion;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "reduce", description = "Keep the top N bits of every sample: makes the low bit depth inputs of "
        + "expansion from real high bit depth signals. PNG records depths other than 8 and 16 in its sBIT chunk.",
        footer = {"", "Examples:", "  inrkit reduce scan16.png scan8.png --bits 8",
            "  inrkit reduce photo.png photo4.png --bits 4 --crop 256x256+128+128"})
final class ReduceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IN", description = "Image or audio file, or - for standard input.")
    Path input;

    @Parameters(index = "1", arity = "0..1", paramLabel = "OUT", description = "Output file (.png, .tif, .tiff, "
            + ".wav), or - for standard output (PNG or WAV).")
    Path positionalOutput;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "The output, as an option.")
    Path optionOutput;

    @Option(names = "--bits", paramLabel = "N", required = true, description = "Bits to keep, below the input's.")
    int bits;

    @Mixin
    RegionOptions region;

    @Option(names = {"-f", "--force"}, description = "Replace OUT if it exists.")
    boolean force;

    @Option(names = {"-q", "--quiet"}, description = "Print nothing but errors.")
    boolean quiet;

    @Option(names = "--json", description = "Print what was written as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Path output = OutputChoice.required(positionalOutput, optionOutput);
        MediaFiles.OutputType.check(output);
        Stdio stdio = Stdio.of(spec);
        Signal signal = region.apply(MediaFiles.read(input, stdio).signal());
        MediaFiles.checkDepthWritable(output, bits, signal.kind());
        Signal low = BitDepthExpansion.reduce(signal, bits);
        MediaFiles.write(low, output, force, stdio, input);
        if (json) {
            java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("input", Stdio.isDash(input) ? "standard input" : input.toString());
            m.put("output", output.toString());
            m.put("signal", low.spec().describe());
            (Stdio.isDash(output) ? spec.commandLine().getErr() : spec.commandLine().getOut()).println(Json.write(m));
        } else if (!quiet) {
            spec.commandLine().getErr().println("wrote " + output + " (" + low.spec().describe() + ")");
        }
        return ExitCode.OK;
    }
}
