package io.inrkit.cli;

import io.inrkit.core.Signal;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "convert", description = "Copy an image or audio file into another format, every sample unchanged. "
        + "The output format comes from OUT's extension: .png, .tif/.tiff or .wav.",
        footer = {"", "Examples:", "  inrkit convert scan.tif scan.png",
            "  inrkit convert photo.png crop.png --crop 256x256+128+64", "  inrkit convert song.aiff intro.wav --samples 0:48000"})
final class ConvertCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IN", description = "Input image or audio file.")
    Path input;

    @Parameters(index = "1", paramLabel = "OUT", description = "Output file (.png, .tif, .tiff, .wav).")
    Path output;

    @Mixin
    RegionOptions region;

    @Option(names = {"-f", "--force"}, description = "Replace OUT if it exists.")
    boolean force;

    @Override
    public Integer call() throws Exception {
        MediaFiles.OutputType.of(output); // a bad extension is a usage error before any reading
        Signal signal = region.apply(MediaFiles.read(input).signal());
        MediaFiles.write(signal, output, force, input);
        spec.commandLine().getErr().println("wrote " + output + " (" + signal.spec().describe() + ")");
        return ExitCode.OK;
    }
}
