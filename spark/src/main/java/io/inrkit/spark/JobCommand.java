package io.inrkit.spark;

import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The job's command line: {@code encode}, {@code decode}, {@code verify}, each with the options of {@link JobOptions}. */
@Command(name = "inrkit-spark", mixinStandardHelpOptions = true,
        description = "Encodes, decodes or verifies every file under a path on Apache Spark, one file per task, "
                + "and writes a manifest of what it did.",
        subcommands = {JobCommand.Encode.class, JobCommand.Decode.class, JobCommand.Verify.class})
final class JobCommand {

    /** Exit status: every file done (or --fail-on-error not given). */
    static final int OK = 0;
    /** Bad command line, or an input path that does not exist. */
    static final int USAGE = 2;
    /** Some file ended in an error, and --fail-on-error was given. */
    static final int FILE_ERRORS = 3;
    /** A Java that Spark 3.5 cannot start on. */
    static final int UNSUPPORTED_JAVA = 1;
    /** Java 23 refuses Subject.getSubject, which Spark 3.5's Hadoop 3.3 client calls at start-up. */
    static final int NEWEST_JAVA = 22;

    private JobCommand() {
    }

    static int execute(String... args) {
        return new CommandLine(JobCommand.class).execute(args);
    }

    /** Options every command takes. */
    static final class Common {
        @Option(names = "--in", required = true, paramLabel = "PATH",
                description = "A directory (read recursively) or a glob, on any Hadoop file system.")
        String in;

        @Option(names = "--master", paramLabel = "URL", description = "Spark master; default: spark-submit's, "
                + "else local[*,2] (embedded; the 2 lets a failed task be retried).")
        String master;

        @Option(names = "--manifest", paramLabel = "PATH", description = "Manifest directory; default OUT/_manifest "
                + "(verify: none).")
        String manifest;

        @Option(names = "--manifest-format", paramLabel = "F", defaultValue = "json",
                description = "json (JSON lines, the default) or parquet.")
        String manifestFormat;

        @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
                description = "Codec threads in each task (Spark already runs a task per core); default 1.")
        int threads;

        @Option(names = "--partitions", paramLabel = "N", defaultValue = "0",
                description = "Tasks to split the files into; default four per core of the cluster.")
        int partitions;

        @Option(names = "--fail-on-error", description = "Exit with status 3 if any file ends in an error.")
        boolean failOnError;
    }

    private abstract static class Job implements Callable<Integer> {
        @Mixin
        Common common;

        abstract JobOptions options();

        @Override
        public Integer call() throws Exception {
            JobOptions o;
            try {
                o = options();
            } catch (IllegalArgumentException | NullPointerException e) {
                System.err.println("inrkit-spark: " + e.getMessage());
                return USAGE;
            }
            if (Runtime.version().feature() > NEWEST_JAVA) {
                System.err.println("inrkit-spark: Spark 3.5 does not run on Java " + Runtime.version().feature()
                        + " (its Hadoop client calls Subject.getSubject, which Java 23 and newer refuse); "
                        + "run it with Java 17 (JAVA_HOME)");
                return UNSUPPORTED_JAVA;
            }
            SparkSession.Builder b = SparkSession.builder().appName("inrkit-spark " + o.command().id());
            if (common.master != null) {
                b.master(common.master);
            } else if (!new SparkConf().contains("spark.master")) {
                b.master("local[*,2]");
            }
            // A session that was running before (an application embedding the job) is left running.
            boolean ours = SparkSession.getDefaultSession().isEmpty();
            SparkSession spark = b.getOrCreate();
            try {
                JobSummary s = InrJob.run(spark, o);
                s.firstErrors().forEach(e -> System.err.println("inrkit-spark: error: " + e));
                System.out.println(s.line());
                return common.failOnError && s.errors() > 0 ? FILE_ERRORS : OK;
            } catch (IllegalArgumentException e) {
                System.err.println("inrkit-spark: " + e.getMessage());
                return USAGE;
            } finally {
                if (ours) {
                    spark.stop();
                }
            }
        }

        JobOptions options(JobOptions.Command c, String out, String preset, String weights, int tile, int block) {
            return new JobOptions(c, common.in, out, common.manifest, common.manifestFormat, preset, weights, tile,
                    block, common.threads, common.partitions, common.failOnError);
        }
    }

    @Command(name = "encode", mixinStandardHelpOptions = true, description = "Images and audio to .inr (NAME.inr "
            + "beside the input's tree under --out); each file is decoded back and compared sample by sample "
            + "before it is written. Outputs already present that decode to their input are skipped.")
    static final class Encode extends Job {
        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where the .inr files go.")
        String out;

        @Option(names = "--preset", paramLabel = "P", defaultValue = "default", description = "fast, default or max.")
        String preset;

        @Option(names = "--weights", paramLabel = "F", description = "auto or a weight format (as inrkit encode).")
        String weights;

        @Option(names = "--tile", paramLabel = "N", defaultValue = "0", description = "Image tile edge (as inrkit encode).")
        int tile;

        @Option(names = "--block", paramLabel = "FRAMES", defaultValue = "0",
                description = "Audio block frames (as inrkit encode).")
        int block;

        @Override
        JobOptions options() {
            return options(JobOptions.Command.ENCODE, out, preset, weights, tile, block);
        }
    }

    @Command(name = "decode", mixinStandardHelpOptions = true, description = "Every .inr to PNG, TIFF or WAV "
            + "(a.png.inr to a.png), each checked against its SHA-256 and read back before it is written.")
    static final class Decode extends Job {
        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where the decoded files go.")
        String out;

        @Override
        JobOptions options() {
            return options(JobOptions.Command.DECODE, out, "default", null, 0, 0);
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true, description = "Decodes every .inr and checks it "
            + "against its SHA-256 and, with --originals, against the original sample by sample.")
    static final class Verify extends Job {
        @Option(names = "--originals", paramLabel = "DIR", description = "The files that were encoded "
                + "(a.png for a.png.inr, in the same tree).")
        String originals;

        @Override
        JobOptions options() {
            return options(JobOptions.Command.VERIFY, originals, "default", null, 0, 0);
        }
    }
}
