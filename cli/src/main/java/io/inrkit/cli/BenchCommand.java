package io.inrkit.cli;

import picocli.CommandLine.Command;

/** {@code inrkit bench ...}: measurements that belong in benchmarks, not in timed unit tests. */
@Command(name = "bench", description = "Benchmarks. Compare ratios measured in one run: the machine is shared and noisy.",
        subcommands = {BenchFitCommand.class, BenchCodecCommand.class, BenchFuzzCommand.class, BenchDepthCommand.class})
final class BenchCommand {
}
