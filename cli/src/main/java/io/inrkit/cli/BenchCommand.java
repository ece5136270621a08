package io.inrkit.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code inrkit bench ...}: measurements that belong in benchmarks, not in timed unit tests. */
@Command(name = "bench", description = "Benchmarks. Compare ratios measured in one run: the machine is shared and noisy.",
        subcommands = {BenchFitCommand.class, BenchCodecCommand.class, BenchFuzzCommand.class, BenchDepthCommand.class,
            BenchQuantCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Examples:", "  inrkit bench fit", "  inrkit bench codec ../shared/data/img8 --centre-crop 256x256",
            "  inrkit bench help depth"})
final class BenchCommand {
}
