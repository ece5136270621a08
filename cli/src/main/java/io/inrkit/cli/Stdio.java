package io.inrkit.cli;

import io.inrkit.core.internal.InputFiles;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The byte streams behind {@code -}: standard input for an input named "-", standard output for
 * an output named "-". Held by the {@link InrKit} instance that runs the command (tests give
 * their own), never in a static.
 *
 * @param in     where an input named "-" is read from
 * @param out    where an output named "-" is written to
 * @param stderrIsTerminal whether progress may be drawn
 */
record Stdio(InputStream in, OutputStream out, boolean stderrIsTerminal) {

    /** The name that stands for standard input or output. */
    static final String DASH = "-";

    static Stdio system() {
        return new Stdio(System.in, System.out, detectStderrTerminal());
    }

    /** The streams of the command line that runs {@code spec}. */
    static Stdio of(CommandSpec spec) {
        return ((InrKit) spec.root().userObject()).stdio;
    }

    static boolean isDash(Path p) {
        return p != null && p.toString().equals(DASH);
    }

    /** How an input or output is named in reports and errors: its path, or "standard input". */
    static String nameOf(Path p) {
        return isDash(p) ? "standard input" : p.toString();
    }

    /** Every byte of {@code path}, or of standard input for "-". */
    byte[] readAll(Path path) throws IOException {
        return isDash(path) ? in.readAllBytes() : InputFiles.readAll(path);
    }

    /**
     * {@code path}, or standard input for "-", as a stream whose start {@link #peek} can look at.
     * Closing it leaves standard input open.
     */
    BufferedInputStream open(Path path) throws IOException {
        InputStream raw = isDash(path) ? new FilterInputStream(in) {
            @Override
            public void close() {
                // standard input is the process's, not the command's
            }
        } : InputFiles.open(path);
        return new BufferedInputStream(raw, 1 << 16);
    }

    /** The first {@code n} bytes of {@code in} (fewer if it is shorter), left to be read again. */
    static byte[] peek(BufferedInputStream in, int n) throws IOException {
        in.mark(n);
        byte[] head = in.readNBytes(n);
        in.reset();
        return head;
    }

    /**
     * Whether file descriptor 2 is a terminal. Java 17 has no API for it (System.console() looks at
     * stdin and stdout, which are redirected in {@code inrkit decode x.inr -o - > y.png}), so this
     * asks Linux, the only platform the natives are built for, where fd 2 points.
     */
    private static boolean detectStderrTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (Exception e) {
            return System.console() != null;
        }
    }
}
