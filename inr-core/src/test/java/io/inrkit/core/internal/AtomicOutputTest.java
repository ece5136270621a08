package io.inrkit.core.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inrkit.core.BadInputException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicOutputTest {

    @TempDir
    Path dir;

    @Test
    void writesTheWholeContent() throws IOException {
        Path out = dir.resolve("a.bin");
        AtomicOutput.write(out, false, o -> o.write(new byte[] {1, 2, 3}));
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(out));
        assertEquals(1, countFiles());
    }

    @Test
    void refusesToReplaceWithoutPermissionAndKeepsTheOldFile() throws IOException {
        Path out = dir.resolve("a.bin");
        Files.write(out, new byte[] {9});
        assertThrows(FileAlreadyExistsException.class, () -> AtomicOutput.write(out, false, o -> o.write(1)));
        assertArrayEquals(new byte[] {9}, Files.readAllBytes(out));
        AtomicOutput.write(out, true, o -> o.write(1));
        assertArrayEquals(new byte[] {1}, Files.readAllBytes(out));
    }

    /** A killed writer's temporary file is removed by the next write of the same target; a live one's is not. */
    @Test
    void temporaryFilesOfGoneProcessesAreRemovedByTheNextWrite() throws Exception {
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();
        Path stale = Files.write(dir.resolve(".a.bin." + finished.pid() + "-x1.inrkit.tmp"), new byte[] {7});
        Path live = Files.write(dir.resolve(".a.bin." + ProcessHandle.current().pid() + "-x2.inrkit.tmp"), new byte[] {7});
        Path other = Files.write(dir.resolve(".b.bin." + finished.pid() + "-x3.inrkit.tmp"), new byte[] {7});
        AtomicOutput.write(dir.resolve("a.bin"), false, o -> o.write(1));
        assertFalse(Files.exists(stale), "a gone process's temporary file is removed");
        assertTrue(Files.exists(live), "a running writer's temporary file is kept");
        assertTrue(Files.exists(other), "another target's temporary files are not touched");
    }

    @Test
    void aFailingCheckOfTheCompleteFileLeavesNoFileBehind() throws IOException {
        Path out = dir.resolve("c.bin");
        long[] seen = {-1};
        assertThrows(IllegalStateException.class, () -> AtomicOutput.write(out, false, o -> o.write(new byte[777]),
                written -> {
                    seen[0] = Files.size(written);
                    throw new IllegalStateException("verify: differs");
                }));
        assertEquals(777, seen[0], "the check sees the whole, flushed content");
        assertEquals(0, countFiles());
        AtomicOutput.write(out, false, o -> o.write(3), written -> assertEquals(1, Files.size(written)));
        assertArrayEquals(new byte[] {3}, Files.readAllBytes(out));
    }

    @Test
    void aFailingWriterLeavesNoFileBehind() throws IOException {
        Path out = dir.resolve("a.bin");
        IOException e = assertThrows(IOException.class, () -> AtomicOutput.write(out, false, o -> {
            o.write(new byte[100_000]);
            throw new IOException("disk full");
        }));
        assertEquals("disk full", e.getMessage());
        assertEquals(0, countFiles());

        Files.write(out, new byte[] {9});
        assertThrows(IllegalStateException.class, () -> AtomicOutput.write(out, true, o -> {
            o.write(5);
            throw new IllegalStateException("bug");
        }));
        assertArrayEquals(new byte[] {9}, Files.readAllBytes(out), "old content survives a failed replace");
        assertEquals(1, countFiles());
    }

    @Test
    void missingDirectoryAndDirectoryTargetsAreErrors() {
        assertThrows(NoSuchFileException.class,
                () -> AtomicOutput.write(dir.resolve("no/such/dir/a.bin"), false, o -> o.write(1)));
        assertThrows(FileAlreadyExistsException.class, () -> AtomicOutput.write(dir, true, o -> o.write(1)));
    }

    @Test
    void inputChecksNameTheProblem() throws IOException {
        BadInputException missing = assertThrows(BadInputException.class,
                () -> InputFiles.requireReadableFile(dir.resolve("none.png")));
        assertTrue(missing.getMessage().endsWith("no such file"));
        BadInputException directory = assertThrows(BadInputException.class, () -> InputFiles.requireReadableFile(dir));
        assertTrue(directory.getMessage().endsWith("is a directory, not a file"));
        Path f = Files.write(dir.resolve("x"), new byte[] {1});
        Path link = Files.createSymbolicLink(dir.resolve("link"), f);
        assertTrue(InputFiles.sameFile(f, link));
        assertEquals(false, InputFiles.sameFile(f, dir.resolve("other")));
    }

    private long countFiles() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }
}
