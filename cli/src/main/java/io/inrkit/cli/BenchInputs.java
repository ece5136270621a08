package io.inrkit.cli;

import io.inrkit.core.Signal;
import io.inrkit.core.SignalKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The inputs of the bench commands: files and folders, and the centre crop of images. */
final class BenchInputs {

    private BenchInputs() {
    }

    /** The files named, and every file (but .md notes) of the folders named, each folder's sorted by name. */
    static List<Path> files(List<Path> inputs) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path p : inputs) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    s.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().endsWith(".md")).sorted()
                            .forEach(files::add);
                }
            } else {
                files.add(p);
            }
        }
        return files;
    }

    /** The centre {@code frames} of audio ({@code null}: all of it), clipped to its length; images unchanged. */
    static Signal centreExcerpt(Signal s, Integer frames) {
        if (frames == null || s.kind() != SignalKind.AUDIO) {
            return s;
        }
        if (frames < 1) {
            throw new UsageException("--centre-excerpt must be a positive number of frames, got " + frames);
        }
        int n = Math.min(frames, s.spec().frames());
        return s.segment((s.spec().frames() - n) / 2, n);
    }

    /** The centre {@code WxH} of an image ({@code null}: all of it), clipped to its size; audio unchanged. */
    static Signal centreCrop(Signal s, String size) {
        if (size == null || s.kind() != SignalKind.IMAGE) {
            return s;
        }
        String[] wh = size.split("x");
        if (wh.length != 2 || !wh[0].matches("\\d{1,9}") || !wh[1].matches("\\d{1,9}")) {
            throw new UsageException("--centre-crop '" + size + "' is not WxH");
        }
        int w = Math.min(Integer.parseInt(wh[0]), s.spec().width());
        int h = Math.min(Integer.parseInt(wh[1]), s.spec().height());
        return s.crop((s.spec().width() - w) / 2, (s.spec().height() - h) / 2, w, h);
    }
}
