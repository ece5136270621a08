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

    @Mixin
    OutputOptions out;

    @Option(names = "--bits", paramLabel = "N", required = true, description = "Bits to keep, below the input's.")
    int bits;

    @Mixin
    RegionOptions region;

    @Override
    public Integer call() throws Exception {
        Path output = out.required(positionalOutput);
        MediaFiles.OutputType.check(output);
        Stdio stdio = Stdio.of(spec);
        Signal signal = region.apply(MediaFiles.read(input, stdio).signal());
        MediaFiles.checkDepthWritable(output, bits, signal.kind());
        Signal low = BitDepthExpansion.reduce(signal, bits);
        MediaFiles.write(low, output, out.force, stdio, input);
        out.reportWritten(spec, input, output, low);
        return ExitCode.OK;
    }
}
