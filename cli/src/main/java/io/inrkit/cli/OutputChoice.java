package io.inrkit.cli;

import java.nio.file.Path;

/** The output of a command that takes it either as its last positional OUT or as -o OUT. */
final class OutputChoice {

    private OutputChoice() {
    }

    /** The output named by either form, or {@code fallback} (may be null) when neither is given. */
    static Path of(Path positional, Path option, Path fallback) {
        if (positional != null && option != null && !positional.equals(option)) {
            throw new UsageException("two outputs given (" + positional + " and -o " + option + "); give one");
        }
        Path chosen = positional != null ? positional : option;
        return chosen != null ? chosen : fallback;
    }

    /** As {@link #of}, for commands without a default output. */
    static Path required(Path positional, Path option) {
        Path out = of(positional, option, null);
        if (out == null) {
            throw new UsageException("no output given: name it as OUT or with -o OUT (- for standard output)");
        }
        return out;
    }
}
