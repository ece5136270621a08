package io.inrkit.spark;

import java.io.Serializable;

/**
 * One file's line in the manifest: a Java bean, as Spark's bean encoder wants. The manifest's
 * columns are in {@link #COLUMNS}' order.
 */
public final class ManifestRow implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The manifest's columns, in order. */
    public static final String[] COLUMNS = {"input", "output", "inputBytes", "outputBytes", "sha256", "status",
        "message", "seconds", "attempt"};

    /** The file was written (encode, decode) or checked (verify) in this run. */
    public static final String OK = "ok";
    /** Its output was already present and verified; nothing was written. */
    public static final String SKIPPED = "skipped";
    /** It could not be done; {@link #getMessage} says why. */
    public static final String ERROR = "error";

    private String input;
    private String output;
    private long inputBytes;
    private long outputBytes;
    private String sha256;
    private String status;
    private String message;
    private double seconds;
    private int attempt;

    public ManifestRow() {
    }

    ManifestRow(String input, long inputBytes, int attempt) {
        this.input = input;
        this.inputBytes = inputBytes;
        this.attempt = attempt;
    }

    /** The file read, as its file system names it. */
    public String getInput() {
        return input;
    }

    public void setInput(String v) {
        input = v;
    }

    /** The file written (verify: the original compared with), or null. */
    public String getOutput() {
        return output;
    }

    public void setOutput(String v) {
        output = v;
    }

    public long getInputBytes() {
        return inputBytes;
    }

    public void setInputBytes(long v) {
        inputBytes = v;
    }

    /** Bytes of the output (0 when none). */
    public long getOutputBytes() {
        return outputBytes;
    }

    public void setOutputBytes(long v) {
        outputBytes = v;
    }

    /** The SHA-256 of the samples, as the .inr file records it (lower-case hex), or null. */
    public String getSha256() {
        return sha256;
    }

    public void setSha256(String v) {
        sha256 = v;
    }

    /** {@link #OK}, {@link #SKIPPED} or {@link #ERROR}. */
    public String getStatus() {
        return status;
    }

    public void setStatus(String v) {
        status = v;
    }

    /** Why the file is in error, in one line; null otherwise. */
    public String getMessage() {
        return message;
    }

    public void setMessage(String v) {
        message = v;
    }

    /** Seconds the task spent on this file. */
    public double getSeconds() {
        return seconds;
    }

    public void setSeconds(double v) {
        seconds = v;
    }

    /** Which attempt of its task wrote the row (0 for the first; more after a retry). */
    public int getAttempt() {
        return attempt;
    }

    public void setAttempt(int v) {
        attempt = v;
    }
}
