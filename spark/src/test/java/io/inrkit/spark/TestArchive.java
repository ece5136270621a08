package io.inrkit.spark;

import io.inrkit.audio.AudioFiles;
import io.inrkit.core.Signal;
import io.inrkit.image.ImageFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The committed test archive (src/test/resources/archive) and what the tests do with its files. */
final class TestArchive {

    /** Its image and audio files that read; and broken.png, which does not. */
    static final int GOOD_FILES = 20;

    private TestArchive() {
    }

    /** A copy of the archive's files (not its make-archive.sh) at {@code to}. */
    static Path copyTo(Path to) throws IOException {
        copyTree(Path.of("src/test/resources/archive"), to);
        Files.delete(to.resolve("make-archive.sh"));
        return to;
    }

    static Path copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }

    /** The samples of an image or WAV file. */
    static Signal read(Path p) throws IOException {
        return p.toString().endsWith(".wav") ? AudioFiles.read(p).signal() : ImageFiles.read(p).signal();
    }
}
