package io.inrkit.core.internal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
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
 */
public final class AtomicOutput {

    /** Produces the file's bytes. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Checks the complete temporary file before it is renamed into place; throwing leaves no output. */
    @FunctionalInterface
    public interface Check {
        void check(Path written) throws IOException;

        Check NONE = written -> {
        };
    }

    private AtomicOutput() {
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
        Path tmp = dir.resolve("." + absolute.getFileName() + "."
                + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
        boolean done = false;
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16);
                content.writeTo(out);
                out.flush();
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
