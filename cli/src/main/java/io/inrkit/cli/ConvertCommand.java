package io.inrkit.cli;

import io.inrkit.core.Signal;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "convert", description = "Copy an image or audio file into another format, every sample unchanged. "
        + "The output format comes from OUT's extension: .png, .tif/.tiff or .wav.",
        footer = {"", "Examples:", "  inrkit convert scan.tif scan.png",
            "  inrkit convert photo.png crop.png --crop 256x256+128+64", "  inrkit convert song.aiff intro.wav --samples 0:48000",
            "  inrkit decode photo.inr -o - | inrkit convert - photo.tif"})
final class ConvertCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IN", description = "Input image or audio file, or - for standard input.")
    Path input;

    @Parameters(index = "1", arity = "0..1", paramLabel = "OUT", description = "Output file (.png, .tif, .tiff, "
            + ".wav), or - for standard output (PNG or WAV).")
    Path positionalOutput;

    @Mixin
    OutputOptions out;

    @Mixin
    RegionOptions region;

    @Override
    public Integer call() throws Exception {
        Path output = out.required(positionalOutput);
        MediaFiles.OutputType.check(output); // a bad extension is a usage error before any reading
        Stdio stdio = Stdio.of(spec);
        Signal signal = region.apply(MediaFiles.read(input, stdio).signal());
        MediaFiles.write(signal, output, out.force, stdio, input);
        out.reportWritten(spec, input, output, signal);
        return ExitCode.OK;
    }
}
