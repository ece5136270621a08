package io.inrkit.spark;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The job's input files, listed by Spark's {@code binaryFile} source with only their path and
 * length selected, so that no file's bytes are read on the driver or shuffled: each task opens its
 * own files. Names starting with "." or "_" are skipped, as every Hadoop listing does (the job's
 * own temporary files and manifests among them).
 */
final class Listing {

    private Listing() {
    }

    /** {@code path} and {@code length} of every file under a directory (recursively) or matching a glob. */
    static Dataset<Row> files(SparkSession spark, String input) {
        return spark.read().format("binaryFile").option("recursiveFileLookup", "true").load(input)
                .select("path", "length");
    }

    /**
     * The directory the input's files are named relative to, fully qualified: the input itself,
     * or, for a glob, the part of it before the first component with a glob character.
     */
    static String base(String input, Configuration conf) throws IOException {
        String[] parts = input.split("/", -1);
        StringBuilder b = new StringBuilder();
        for (String part : parts) {
            if (part.matches(".*[*?\\[{].*")) {
                break;
            }
            b.append(part).append('/');
        }
        return qualified(b.length() > 1 ? b.substring(0, b.length() - 1) : b.length() == 1 ? "/" : ".", conf);
    }

    /** {@code path} fully qualified (scheme, authority, absolute), without a trailing slash. */
    static String qualified(String path, Configuration conf) throws IOException {
        Path p = new Path(path);
        return p.getFileSystem(conf).makeQualified(p).toString().replaceAll("/+$", "");
    }

    /** {@code file}'s name under {@code base}, or its bare name if it is not under it. */
    static String relative(String file, String base) {
        return file.startsWith(base + "/") ? file.substring(base.length() + 1) : new Path(file).getName();
    }
}
