package io.inrkit.spark;

import io.inrkit.codec.DecodeOptions;
import io.inrkit.codec.Decoder;
import io.inrkit.codec.EncodeResult;
import io.inrkit.codec.Encoder;
import io.inrkit.codec.InrFileInfo;
import io.inrkit.core.Signal;
import java.io.IOException;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.util.SerializableConfiguration;

/**
 * One file's work inside a task: a listed {@code (path, length)} row in, its manifest row out.
 * Anything wrong with the file itself (corrupt, unsupported, too large, unreadable, not decoding
 * to its samples) is an {@code error} row and the job goes on; a failure to write an output fails
 * the task, so that Spark retries it (an output is written whole or not at all, and its name
 * depends only on the input's, so a retry or a rerun is harmless).
 */
final class FileTask implements MapFunction<Row, ManifestRow> {

    private static final long serialVersionUID = 1L;

    /**
     * Spark configuration key, for tests: the first attempt of the task that writes the file of
     * this name fails after writing half of its temporary copy, as a task killed midway would.
     */
    static final String FAIL_FIRST_ATTEMPT = "spark.inrkit.test.failFirstAttemptOf";

    private final JobOptions options;
    private final String inputBase;
    private final String outputBase;
    private final SerializableConfiguration conf;
    private final String failFirstAttemptOf;

    FileTask(JobOptions options, String inputBase, String outputBase, Configuration conf, String failFirstAttemptOf) {
        this.options = options;
        this.inputBase = inputBase;
        this.outputBase = outputBase;
        this.conf = new SerializableConfiguration(conf);
        this.failFirstAttemptOf = failFirstAttemptOf;
    }

    @Override
    public ManifestRow call(Row listed) throws IOException {
        long start = System.nanoTime();
        String input = listed.getString(0);
        TaskContext task = TaskContext.get();
        ManifestRow row = new ManifestRow(input, listed.getLong(1), task == null ? 0 : task.attemptNumber());
        try {
            switch (options.command()) {
                case ENCODE -> encode(row);
                case DECODE -> decode(row);
                case VERIFY -> verify(row);
            }
        } catch (FileFault e) {
            row.setStatus(ManifestRow.ERROR);
            row.setMessage(Media.describe(e.getCause()));
        }
        row.setSeconds((System.nanoTime() - start) / 1e9);
        return row;
    }

    private void encode(ManifestRow row) throws IOException {
        Path out = new Path(outputBase + "/" + Listing.relative(row.getInput(), inputBase) + ".inr");
        row.setOutput(out.toString());
        Signal signal = readSignal(row);
        FileSystem outFs = HadoopFiles.of(out, conf.value());
        if (outFs.exists(out)) {
            byte[] existing = HadoopFiles.readAll(outFs, out);
            if (decodesTo(existing, signal)) {
                row.setStatus(ManifestRow.SKIPPED);
                row.setOutputBytes(existing.length);
                row.setSha256(InrFileInfo.sha256Of(signal));
                return;
            }
        }
        EncodeResult r;
        try {
            r = Encoder.encode(signal, options.encodeOptions(), Encoder.Listener.NONE);
            Decoder.verify(r.file(), signal, decodeOptions());
        } catch (RuntimeException e) {
            throw new FileFault(e);
        }
        publish(outFs, out, r.file());
        row.setStatus(ManifestRow.OK);
        row.setOutputBytes(r.file().length);
        row.setSha256(r.info().sha256());
    }

    private void decode(ManifestRow row) throws IOException {
        byte[] file = readInput(row);
        InrFileInfo info;
        Signal signal;
        try {
            info = InrFileInfo.read(file);
            signal = Decoder.decode(file, decodeOptions());
        } catch (IOException | RuntimeException e) {
            throw new FileFault(e);
        }
        row.setSha256(info.sha256());
        Path out = new Path(outputBase + "/" + Media.decodedName(Listing.relative(row.getInput(), inputBase), signal));
        row.setOutput(out.toString());
        FileSystem outFs = HadoopFiles.of(out, conf.value());
        if (outFs.exists(out) && info.sha256().equals(sha256OfFile(outFs, out))) {
            row.setStatus(ManifestRow.SKIPPED);
            row.setOutputBytes(outFs.getFileStatus(out).getLen());
            return;
        }
        byte[] written;
        try {
            written = Media.write(signal, out.getName());
            // The writer is checked like the encoder: its bytes must read back to the same samples.
            if (!info.sha256().equals(InrFileInfo.sha256Of(Media.read(written, decodeOptions())))) {
                throw new IllegalStateException("the " + out.getName() + " written does not read back to the samples");
            }
        } catch (IOException | RuntimeException e) {
            throw new FileFault(e);
        }
        publish(outFs, out, written);
        row.setStatus(ManifestRow.OK);
        row.setOutputBytes(written.length);
    }

    private void verify(ManifestRow row) throws IOException {
        byte[] file = readInput(row);
        try {
            InrFileInfo info = InrFileInfo.read(file);
            row.setSha256(info.sha256());
            if (outputBase == null) {
                Decoder.decode(file, decodeOptions()); // checks the samples against the file's SHA-256
            } else {
                String relative = Listing.relative(row.getInput(), inputBase);
                Path original = new Path(outputBase + "/" + relative.substring(0, relative.length() - ".inr".length()));
                row.setOutput(original.toString());
                FileSystem fs = HadoopFiles.of(original, conf.value());
                byte[] data = HadoopFiles.readAll(fs, original);
                row.setOutputBytes(data.length);
                Decoder.verify(file, Media.read(data, decodeOptions()), decodeOptions());
            }
        } catch (IOException | RuntimeException e) {
            throw new FileFault(e);
        }
        row.setStatus(ManifestRow.OK);
    }

    private Signal readSignal(ManifestRow row) {
        byte[] data = readInput(row);
        try {
            return Media.read(data, decodeOptions());
        } catch (IOException | RuntimeException e) {
            throw new FileFault(e);
        }
    }

    private byte[] readInput(ManifestRow row) {
        try {
            Path in = new Path(row.getInput());
            byte[] data = HadoopFiles.readAll(HadoopFiles.of(in, conf.value()), in);
            row.setInputBytes(data.length);
            return data;
        } catch (IOException e) {
            throw new FileFault(e);
        }
    }

    private boolean decodesTo(byte[] inr, Signal signal) {
        try {
            Decoder.verify(inr, signal, decodeOptions());
            return true;
        } catch (IllegalStateException e) {
            return false; // not this input's file, or damaged: encoded again and replaced
        }
    }

    /** The samples' SHA-256 of an existing decoded output, or null if it does not read. */
    private String sha256OfFile(FileSystem fs, Path path) {
        try {
            return InrFileInfo.sha256Of(Media.read(HadoopFiles.readAll(fs, path), decodeOptions()));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private void publish(FileSystem fs, Path out, byte[] data) throws IOException {
        TaskContext task = TaskContext.get();
        String attempt = task == null ? "driver" : Long.toString(task.taskAttemptId());
        boolean failHere = task != null && task.attemptNumber() == 0 && out.getName().equals(failFirstAttemptOf);
        HadoopFiles.writeAtomically(fs, out, data, attempt, failHere ? FileTask::killMidway : HadoopFiles.BeforePublish.NONE);
    }

    private static void killMidway(FileSystem fs, Path temporary) throws IOException {
        long length = fs.getFileStatus(temporary).getLen();
        fs.truncate(temporary, length / 2);
        throw new IOException(String.format(Locale.ROOT, "test hook %s: first attempt stopped after %d of %d bytes",
                FAIL_FIRST_ATTEMPT, length / 2, length));
    }

    private DecodeOptions decodeOptions() {
        return DecodeOptions.builder().threads(options.threads()).build();
    }

    /** A fault of one file (not of the job): its manifest row says {@code error} and the job goes on. */
    private static final class FileFault extends RuntimeException {
        private static final long serialVersionUID = 1L;

        FileFault(Throwable cause) {
            super(cause);
        }
    }
}
