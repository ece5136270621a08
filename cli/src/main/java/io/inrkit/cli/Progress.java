package io.inrkit.cli;

import io.inrkit.core.fit.FitProgress;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * The progress line of long commands, on stderr: rewritten in place on a terminal, a plain line
 * every few seconds otherwise (logs), nothing with --quiet.
 */
final class Progress {

    private static final long LOG_INTERVAL_NANOS = 5_000_000_000L;

    private final PrintWriter err;
    private final boolean terminal;
    private final boolean quiet;
    private long lastLine;
    private boolean open;

    Progress(PrintWriter err, boolean quiet) {
        this.err = err;
        this.terminal = System.console() != null;
        this.quiet = quiet;
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
                p.iterationsPerSecond(), done || !Double.isFinite(eta) ? "" : String.format(Locale.ROOT, "limit in %.0f s", eta));
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
