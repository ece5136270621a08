package io.inrkit.core.internal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file so that readers only ever see the old content or the complete new content:
 * the bytes go to a temporary file beside the target, are flushed to disk, and the temporary file
 * is renamed over the target. On any failure the temporary file is deleted and the target is left
 * as it was, so a failed command never leaves a partial output behind.
 *
 * <p>A process killed outright (SIGKILL, power loss) while writing cannot delete its temporary
 * file, so the name carries the writer's process id ({@code .NAME.PID-RANDOM.inrkit.tmp}) and every
 * later write of the same target first removes the temporary files of processes that are gone.
 */
public final class AtomicOutput {

    /** Produces the file's bytes. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes the file's bytes into its channel, at any positions (a header filled in last, say). */
    @FunctionalInterface
    public interface ChannelContent {
        void writeTo(FileChannel out) throws IOException;
    }

    /** Checks the complete temporary file before it is renamed into place; throwing leaves no output. */
    @FunctionalInterface
    public interface Check {
        void check(Path written) throws IOException;

        Check NONE = written -> {
        };
    }

    private static final String TEMPORARY_SUFFIX = ".inrkit.tmp";

    private AtomicOutput() {
    }

    /**
     * Deletes {@code dir}'s temporary files for {@code name} whose writing process no longer runs;
     * those of live processes (another write in progress) are left alone.
     */
    static void removeStaleTemporaries(Path dir, String name) throws IOException {
        String prefix = "." + name + ".";
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(dir, entry -> {
            String n = entry.getFileName().toString();
            return n.startsWith(prefix) && n.endsWith(TEMPORARY_SUFFIX);
        })) {
            for (Path tmp : siblings) {
                String rest = tmp.getFileName().toString().substring(prefix.length());
                int dash = rest.indexOf('-');
                long pid;
                try {
                    pid = Long.parseLong(dash > 0 ? rest.substring(0, dash) : "");
                } catch (NumberFormatException notOurs) {
                    continue;
                }
                if (ProcessHandle.of(pid).isEmpty()) {
                    Files.deleteIfExists(tmp);
                }
            }
        }
    }

    /**
     * Writes {@code content} to {@code target}.
     *
     * @param replace whether an existing {@code target} may be replaced; without it an existing
     *     file ends in {@link FileAlreadyExistsException} before anything is written
     */
    public static void write(Path target, boolean replace, Content content) throws IOException {
        write(target, replace, content, Check.NONE);
    }

    /**
     * {@link #write(Path, boolean, Content)}, with {@code check} run on the complete, flushed
     * temporary file before the rename: if it throws, the temporary file is deleted and the target
     * is left as it was.
     */
    public static void write(Path target, boolean replace, Content content, Check check) throws IOException {
        writeChannel(target, replace, ch -> {
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16);
            content.writeTo(out);
            out.flush();
        }, check);
    }

    /**
     * {@link #write(Path, boolean, Content, Check)} for content that writes into the temporary
     * file's channel (opened for reading and writing) rather than a stream.
     */
    public static void writeChannel(Path target, boolean replace, ChannelContent content, Check check)
            throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        if (Files.isDirectory(absolute)) {
            throw new FileAlreadyExistsException(target.toString(), null, "is a directory");
        }
        if (!replace && Files.exists(absolute)) {
            throw new FileAlreadyExistsException(target.toString(), null,
                    "already exists (use --force to replace it)");
        }
        if (dir == null || !Files.isDirectory(dir)) {
            throw new NoSuchFileException(String.valueOf(dir), null, "output directory does not exist");
        }
        removeStaleTemporaries(dir, absolute.getFileName().toString());
        Path tmp = dir.resolve("." + absolute.getFileName() + "." + ProcessHandle.current().pid() + "-"
                + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + TEMPORARY_SUFFIX);
        boolean done = false;
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                    StandardOpenOption.WRITE)) {
                content.writeTo(ch);
                ch.force(true);
            }
            check.check(tmp);
            if (!replace && Files.exists(absolute)) {
                throw new FileAlreadyExistsException(target.toString(), null,
                        "appeared while writing (use --force to replace it)");
            }
            try {
                Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            done = true;
        } finally {
            if (!done) {
                Files.deleteIfExists(tmp);
            }
        }
    }
}
