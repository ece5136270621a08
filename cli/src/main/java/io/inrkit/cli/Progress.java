package io.inrkit.cli;

import io.inrkit.core.fit.FitProgress;
import java.io.PrintWriter;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The progress line of long commands, on stderr, and only where someone watches it: rewritten in
 * place when stderr is a terminal; when it is not, nothing, unless --verbose asks for a plain
 * line every few seconds (logs of long runs). Nothing at all with --quiet.
 */
final class Progress {

    private static final long LOG_INTERVAL_NANOS = 5_000_000_000L;

    private final PrintWriter err;
    private final boolean terminal;
    private final boolean quiet;
    private long lastLine;
    private boolean open;

    Progress(PrintWriter err, boolean terminal, boolean log, boolean quiet) {
        this.err = err;
        this.terminal = terminal;
        this.quiet = quiet || !terminal && !log;
    }

    /** The progress of the command {@code spec}: drawn on a terminal, logged with --verbose. */
    static Progress of(CommandSpec spec, boolean quiet) {
        InrKit top = (InrKit) spec.root().userObject();
        return new Progress(spec.commandLine().getErr(), top.stdio.stderrIsTerminal(), top.verbose, quiet);
    }

    /** A line of its own (a file starting in a batch, say), with the same rules as the progress. */
    void note(String line) {
        if (quiet) {
            return;
        }
        finish();
        err.println(line);
        err.flush();
    }

    void fit(String prefix, FitProgress p, long totalBits) {
        if (quiet) {
            return;
        }
        long now = System.nanoTime();
        boolean done = p.bitErrors() == 0;
        if (!terminal && !done && now - lastLine < LOG_INTERVAL_NANOS) {
            return;
        }
        lastLine = now;
        double eta = p.secondsToLimit();
        String line = String.format(Locale.ROOT, "%siteration %d  loss %.5f  bit errors %d (%.3f%%)  %.1f it/s  %s",
                prefix, p.iteration(), p.loss(), p.bitErrors(), 100.0 * p.bitErrors() / totalBits,
                p.iterationsPerSecond(), done || !Double.isFinite(eta) ? "" : String.format(Locale.ROOT, "limit in %.0f s", Math.max(0, eta)));
        show(line);
    }

    /** Blocks of a streamed recording: how many, how much audio, and how fast against real time. */
    void blocks(String prefix, int done, int total, double audioSeconds, double seconds) {
        if (quiet) {
            return;
        }
        long now = System.nanoTime();
        if (!terminal && done < total && now - lastLine < LOG_INTERVAL_NANOS) {
            return;
        }
        lastLine = now;
        String line = String.format(Locale.ROOT, "%sblock %d/%d: %.1f min of audio, %.1fx real time", prefix, done,
                total, audioSeconds / 60, seconds > 0 ? audioSeconds / seconds : 0);
        show(line);
    }

    /** Rewrites the line in place on a terminal; elsewhere, a line of its own. */
    private void show(String line) {
        if (terminal) {
            err.print("\r" + line + "\u001b[K");
            open = true;
        } else {
            err.println(line);
        }
        err.flush();
    }

    /** Ends a rewritten line so that what follows starts on its own line. */
    void finish() {
        if (open) {
            err.println();
            err.flush();
            open = false;
        }
    }
}
