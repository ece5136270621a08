package io.inrkit.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * The Spark job: {@code encode}, {@code decode} or {@code verify} every file under a path, one file
 * at a time in each task, and a manifest of what was done written through Spark's commit protocol.
 * {@link #main} is what {@code spark-submit} (and {@code ./inrkit-spark}) runs; {@link #run} runs
 * a job on a session the caller owns.
 */
public final class InrJob {

    private InrJob() {
    }

    /** {@code spark-submit --class io.inrkit.spark.InrJob inrkit-spark.jar encode --in DIR --out DIR ...}. */
    public static void main(String[] args) {
        System.exit(JobCommand.execute(args));
    }

    /**
     * Runs one job on {@code spark} and returns what it did. Every listed file gets a manifest row;
     * a file in error does not stop the job. An input path that does not exist is an
     * {@link IllegalArgumentException}.
     */
    public static JobSummary run(SparkSession spark, JobOptions o) throws IOException {
        long start = System.nanoTime();
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        String inputBase = Listing.base(o.input(), conf);
        String outputBase = o.output() == null ? null : Listing.qualified(o.output(), conf);
        Dataset<Row> files;
        try {
            files = Listing.files(spark, o.input());
        } catch (Exception e) { // Scala throws AnalysisException, a checked exception, undeclared
            if (e instanceof org.apache.spark.sql.AnalysisException) {
                throw new IllegalArgumentException("no input at " + o.input() + ": " + e.getMessage(), e);
            }
            throw e;
        }
        if (o.command() != JobOptions.Command.ENCODE) {
            files = files.filter(lower(col("path")).endsWith(".inr"));
        }
        int partitions = o.partitions() > 0 ? o.partitions() : 4 * spark.sparkContext().defaultParallelism();
        FileTask task = new FileTask(o, inputBase, outputBase, conf, spark.conf().get(FileTask.FAIL_FIRST_ATTEMPT, null));
        spark.sparkContext().setJobDescription("inrkit " + o.command().id() + " " + o.input());
        Dataset<Row> rows = files.repartition(partitions).map(task, Encoders.bean(ManifestRow.class))
                .select(Arrays.stream(ManifestRow.COLUMNS).map(Column::new).toArray(Column[]::new));
        // Kept, so that the summary is counted from the rows the tasks made rather than from the
        // files again (were a block lost, the files done would be found present: "skipped").
        Dataset<Row> manifest = rows.persist(StorageLevel.MEMORY_AND_DISK());
        String path = o.manifestPath();
        if (path != null) {
            var writer = manifest.write().mode(SaveMode.Overwrite);
            if (o.manifestFormat().equals("parquet")) {
                writer.parquet(path);
            } else {
                writer.json(path);
            }
        }
        JobSummary summary = summarise(o, manifest, start);
        manifest.unpersist();
        return summary;
    }

    private static JobSummary summarise(JobOptions o, Dataset<Row> manifest, long start) {
        Row totals = manifest.agg(count(lit(1)), countOf(ManifestRow.OK), countOf(ManifestRow.SKIPPED),
                countOf(ManifestRow.ERROR), sum("inputBytes"), sum("outputBytes")).first();
        List<String> errors = manifest.filter(col("status").equalTo(ManifestRow.ERROR)).select("input", "message")
                .limit(20).collectAsList().stream().map(r -> r.getString(0) + ": " + r.getString(1)).toList();
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new JobSummary(o.command(), totals.getLong(0), longOf(totals, 1), longOf(totals, 2), longOf(totals, 3),
                longOf(totals, 4), longOf(totals, 5), elapsed, errors);
    }

    private static Column countOf(String status) {
        return sum(when(col("status").equalTo(status), 1).otherwise(0));
    }

    private static long longOf(Row r, int i) {
        return r.isNullAt(i) ? 0 : ((Number) r.get(i)).longValue();
    }
}
