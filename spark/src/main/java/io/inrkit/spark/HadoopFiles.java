package io.inrkit.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Reading and writing whole files on a Hadoop file system, so that no reader ever sees a partial
 * output: where the file system renames atomically (local, HDFS) a file is written under a hidden
 * temporary name beside its final one and renamed; on object stores (S3A, GCS, Azure blobs), where
 * a rename is a copy, the final key is written directly, which the store makes visible only once
 * the upload completes.
 */
final class HadoopFiles {

    /** Schemes whose rename is atomic. */
    private static final Set<String> ATOMIC_RENAME = Set.of("file", "hdfs", "viewfs", "webhdfs", "swebhdfs");

    /** Suffix of the temporary files (hidden: Hadoop's listings skip names starting with a dot). */
    static final String TEMPORARY_SUFFIX = ".inrkit-tmp";

    /** Files larger than this cannot be held in one array. */
    static final long MAX_FILE_BYTES = Integer.MAX_VALUE - 8;

    private HadoopFiles() {
    }

    /**
     * The file system of {@code path}; for local paths the raw one, which writes no {@code .crc}
     * files beside the outputs (the .inr format checks itself).
     */
    static FileSystem of(Path path, Configuration conf) throws IOException {
        FileSystem fs = path.getFileSystem(conf);
        return fs instanceof LocalFileSystem local ? local.getRaw() : fs;
    }

    /** Reads a whole file; one too large to hold is an {@link IOException}. */
    static byte[] readAll(FileSystem fs, Path path) throws IOException {
        long length = fs.getFileStatus(path).getLen();
        if (length > MAX_FILE_BYTES) {
            throw new IOException("file of " + length + " bytes is over the 2 GiB a task reads at once");
        }
        try (InputStream in = fs.open(path)) {
            byte[] data = in.readNBytes((int) length);
            if (in.read() >= 0) {
                throw new IOException("file grew while it was read");
            }
            if (data.length != length) {
                throw new IOException("file shrank while it was read: " + data.length + " of " + length + " bytes");
            }
            return data;
        }
    }

    /** A hook between writing a file's temporary copy and putting it in place (tests fail a task there). */
    interface BeforePublish {
        BeforePublish NONE = (fs, temporary) -> { };

        void run(FileSystem fs, Path temporary) throws IOException;
    }

    /**
     * Writes {@code data} to {@code path}, replacing what is there, so that {@code path} holds
     * either what it held before or all of {@code data}. A failure removes the temporary file;
     * temporary files that an earlier, killed attempt left beside {@code path} are removed first.
     */
    static void writeAtomically(FileSystem fs, Path path, byte[] data, String attemptId, BeforePublish hook)
            throws IOException {
        fs.mkdirs(path.getParent());
        if (!ATOMIC_RENAME.contains(fs.getUri().getScheme().toLowerCase(Locale.ROOT))) {
            try (FSDataOutputStream out = fs.create(path, true)) {
                out.write(data);
            }
            return;
        }
        removeStaleTemporaries(fs, path);
        Path temporary = new Path(path.getParent(), "." + path.getName() + "." + attemptId + TEMPORARY_SUFFIX);
        boolean published = false;
        try {
            try (OutputStream out = fs.create(temporary, true)) {
                out.write(data);
            }
            hook.run(fs, temporary);
            // HDFS's rename refuses an existing target: the old output (one that did not verify) goes first.
            fs.delete(path, false);
            if (!fs.rename(temporary, path)) {
                throw new IOException("could not rename " + temporary + " to " + path);
            }
            published = true;
        } finally {
            if (!published) {
                fs.delete(temporary, false);
            }
        }
    }

    private static void removeStaleTemporaries(FileSystem fs, Path path) throws IOException {
        FileStatus[] stale = fs.globStatus(new Path(path.getParent(), "." + escapeGlob(path.getName()) + ".*"
                + TEMPORARY_SUFFIX));
        if (stale != null) {
            for (FileStatus s : stale) {
                fs.delete(s.getPath(), false);
            }
        }
    }

    /** {@code name} with Hadoop's glob characters escaped. */
    static String escapeGlob(String name) {
        return name.replaceAll("([\\\\*?\\[\\]{}])", "\\\\$1");
    }
}
