package io.inrkit.spark;

import io.inrkit.codec.EncodeOptions;
import io.inrkit.codec.WeightFormat;
import java.io.Serializable;
import java.util.Locale;
import java.util.Objects;

/**
 * What one run of {@link InrJob} does: the command line's options as a value that travels to the
 * tasks. The encoder's options are the {@code inrkit encode} ones, by name.
 *
 * @param command encode, decode or verify
 * @param input a directory (read recursively) or a glob, on any Hadoop file system
 * @param output where encode and decode write (the input's tree under it); verify: the originals
 *     to compare with sample by sample, or null to check each file against its own SHA-256
 * @param manifest where the manifest goes (a directory of part files); null: encode and decode
 *     write {@code OUTPUT/_manifest}, verify writes none
 * @param manifestFormat json (JSON lines) or parquet
 * @param preset fast, default or max
 * @param weights auto, a weight format's name, or null for the preset's choice
 * @param tile tile edge for images, 0 for the default
 * @param block block frames for audio, 0 for the default
 * @param threads codec threads in each task (Spark already runs one task per core)
 * @param partitions tasks to split the files into, 0 for about four per core of the cluster
 * @param failOnError whether a file that ends in an error makes the job's exit status non-zero
 */
public record JobOptions(Command command, String input, String output, String manifest, String manifestFormat,
        String preset, String weights, int tile, int block, int threads, int partitions, boolean failOnError)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    /** What the job does to each file. */
    public enum Command {
        /** Images and audio to .inr, each decoded back and compared before it is written. */
        ENCODE,
        /** .inr to PNG, TIFF or WAV, each checked against the file's SHA-256. */
        DECODE,
        /** Decodes each .inr and checks it, against its SHA-256 and, given the originals, sample by sample. */
        VERIFY;

        String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public JobOptions {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(input, "input");
        if (command != Command.VERIFY) {
            Objects.requireNonNull(output, command.id() + " needs an output directory");
        }
        if (!manifestFormat.equals("json") && !manifestFormat.equals("parquet")) {
            throw new IllegalArgumentException("manifest format is json or parquet, not " + manifestFormat);
        }
        if (threads < 1 || partitions < 0 || tile < 0 || block < 0) {
            throw new IllegalArgumentException("threads must be at least 1; partitions, tile and block at least 0");
        }
        // An unknown preset or weight format fails here, on the driver, not in every task.
        encodeOptions(preset, weights, tile, block, threads);
    }

    /** {@code c} of {@code input} into {@code output} with the defaults: default preset, JSON manifest. */
    public static JobOptions of(Command c, String input, String output) {
        return new JobOptions(c, input, output, null, "json", "default", null, 0, 0, 1, 0, false);
    }

    /** The same job writing its manifest to {@code path} in {@code format}. */
    public JobOptions withManifest(String path, String format) {
        return new JobOptions(command, input, output, path, format, preset, weights, tile, block, threads,
                partitions, failOnError);
    }

    /** The same job at another preset. */
    public JobOptions withPreset(String p) {
        return new JobOptions(command, input, output, manifest, manifestFormat, p, weights, tile, block, threads,
                partitions, failOnError);
    }

    /** The manifest's directory, or null when none is written. */
    String manifestPath() {
        if (manifest != null) {
            return manifest;
        }
        return command == Command.VERIFY ? null : output.replaceAll("/+$", "") + "/_manifest";
    }

    /** The encoder's options, as {@code inrkit encode} makes them from the same names. */
    EncodeOptions encodeOptions() {
        return encodeOptions(preset, weights, tile, block, threads);
    }

    private static EncodeOptions encodeOptions(String preset, String weights, int tile, int block, int threads) {
        EncodeOptions.Builder b = EncodeOptions.builder().preset(EncodeOptions.Preset.fromId(preset)).threads(threads);
        if (tile > 0) {
            b.tileSize(tile);
        }
        if (block > 0) {
            b.blockFrames(block);
        }
        if ("auto".equals(weights)) {
            b.autoWeights(true);
        } else if (weights != null) {
            b.weightFormat(WeightFormat.fromId(weights));
        }
        return b.build();
    }
}
