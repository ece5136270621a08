package io.inrkit.bench;

import io.inrkit.audio.AudioFiles;
import io.inrkit.core.Signal;
import io.inrkit.image.ImageFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/** What the studies share: reading a recording or an image by its name, and the {@code --threads N} option. */
final class StudyFiles {

    private StudyFiles() {
    }

    /** The signal in {@code f}: audio by its extension (.wav, .aif, .aiff, .au), an image otherwise. */
    static Signal read(Path f) throws IOException {
        String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean audio = AudioFiles.EXTENSIONS.stream().anyMatch(e -> name.endsWith("." + e));
        return audio ? AudioFiles.read(f).signal() : ImageFiles.read(f).signal();
    }

    /** The threads a leading {@code --threads N} asks for, 1 without it. */
    static int threads(String[] args) {
        return args.length > 1 && args[0].equals("--threads") ? Integer.parseInt(args[1]) : 1;
    }

    /** Where the arguments after a leading {@code --threads N} start. */
    static int afterThreads(String[] args) {
        return args.length > 1 && args[0].equals("--threads") ? 2 : 0;
    }
}
