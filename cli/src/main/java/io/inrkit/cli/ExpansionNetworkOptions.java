package io.inrkit.cli;

import io.inrkit.core.depth.ExpansionOptions;
import io.inrkit.core.fit.FitOptions;
import picocli.CommandLine.Option;

/** The network settings of the {@code inr} and {@code inr-soft} expansion methods. */
final class ExpansionNetworkOptions {

    @Option(names = "--iterations", paramLabel = "N", description = "Most optimizer steps of the network methods. "
            + "Default: 2000.")
    Integer iterations;

    @Option(names = "--time", paramLabel = "SECONDS", description = "Time limit of each network fit. Default: none.")
    Double seconds;

    @Option(names = "--width", paramLabel = "N", description = "Units per sine layer of the network. Default: 128.")
    Integer width;

    @Option(names = "--threads", paramLabel = "N", description = "Threads. Default: all cores.")
    Integer threads;

    ExpansionOptions apply(ExpansionOptions base) {
        FitOptions.Builder b = base.network().toBuilder();
        if (iterations != null) {
            b.maxIterations(iterations);
        }
        if (seconds != null) {
            b.timeLimitSeconds(seconds);
        }
        if (width != null) {
            b.width(width);
        }
        if (threads != null) {
            b.threads(threads);
        }
        ExpansionOptions o = base.withNetwork(b.build());
        return threads == null ? o : new ExpansionOptions(o.network(), threads, o.listener());
    }
}
