package io.inrkit.core.internal;

import io.inrkit.core.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Opening inputs with one clear {@link BadInputException} for every way a path can be unusable. */
public final class InputFiles {

    private InputFiles() {
    }

    /** Checks that {@code path} is an existing, readable regular file (following links). */
    public static void requireReadableFile(Path path) throws BadInputException {
        if (!Files.exists(path)) {
            throw new BadInputException(path + ": no such file");
        }
        if (Files.isDirectory(path)) {
            throw new BadInputException(path + ": is a directory, not a file");
        }
        if (!Files.isRegularFile(path)) {
            throw new BadInputException(path + ": not a regular file");
        }
        if (!Files.isReadable(path)) {
            throw new BadInputException(path + ": permission denied");
        }
    }

    /** Reads a whole input file, after {@link #requireReadableFile}. */
    public static byte[] readAll(Path path) throws IOException {
        requireReadableFile(path);
        try {
            return Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new BadInputException(path + ": no such file", e);
        } catch (AccessDeniedException e) {
            throw new BadInputException(path + ": permission denied", e);
        }
    }

    /** Opens an input file to read as a stream, after {@link #requireReadableFile}. */
    public static InputStream open(Path path) throws IOException {
        requireReadableFile(path);
        try {
            return Files.newInputStream(path);
        } catch (NoSuchFileException e) {
            throw new BadInputException(path + ": no such file", e);
        } catch (AccessDeniedException e) {
            throw new BadInputException(path + ": permission denied", e);
        }
    }

    /** Whether two paths name the same existing file (symbolic and hard links included). */
    public static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(a) && Files.exists(b, LinkOption.NOFOLLOW_LINKS) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }
}
