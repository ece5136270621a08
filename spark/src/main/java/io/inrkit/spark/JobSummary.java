package io.inrkit.spark;

import java.util.List;
import java.util.Locale;

/**
 * What a run of {@link InrJob} did, summed over its manifest.
 *
 * @param command the job's command
 * @param files files listed
 * @param ok files written (or, for verify, checked) in this run
 * @param skipped files whose output was already present and verified
 * @param errors files that ended in an error
 * @param bytesIn bytes of the files read
 * @param bytesOut bytes of their outputs
 * @param seconds the job's wall time
 * @param firstErrors up to 20 "path: message" lines of the files in error
 */
public record JobSummary(JobOptions.Command command, long files, long ok, long skipped, long errors, long bytesIn,
        long bytesOut, double seconds, List<String> firstErrors) {

    public JobSummary {
        firstErrors = List.copyOf(firstErrors);
    }

    /** The one-line summary the job prints at its end. */
    public String line() {
        double mb = 1e6;
        return String.format(Locale.ROOT, "inrkit-spark %s: %d files (%d ok, %d skipped, %d errors), %.2f MB in, "
                + "%.2f MB out, %.1f s, %.2f files/s, %.2f MB/s in", command.id(), files, ok, skipped, errors,
                bytesIn / mb, bytesOut / mb, seconds, files / Math.max(seconds, 1e-9),
                bytesIn / mb / Math.max(seconds, 1e-9));
    }
}
