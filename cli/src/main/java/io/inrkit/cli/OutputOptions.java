package io.inrkit.cli;

import io.inrkit.core.Signal;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The output habits shared by the commands that write one file from one input: OUT as their
 * second name or as {@code -o OUT} ("-" for standard output), {@code -f}, {@code -q} and
 * {@code --json}, with the report on stderr when the data goes to standard output. (The
 * positional OUT stays in each command: picocli checks a mixin's positional indices on their own.)
 */
final class OutputOptions {

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "The output, as an option.")
    Path option;

    @Option(names = {"-f", "--force"}, description = "Replace OUT if it exists.")
    boolean force;

    @Option(names = {"-q", "--quiet"}, description = "Print nothing but errors (no progress, no report).")
    boolean quiet;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    /** The output named by either form ({@code positional} is the command's OUT), or null. */
    Path chosen(Path positional) {
        if (positional != null && option != null && !positional.equals(option)) {
            throw new UsageException("two outputs given (" + positional + " and -o " + option + "); give one");
        }
        return positional != null ? positional : option;
    }

    /** As {@link #chosen()}, for commands without a default output. */
    Path required(Path positional) {
        Path out = chosen(positional);
        if (out == null) {
            throw new UsageException("no output given: name it as OUT or with -o OUT (- for standard output)");
        }
        return out;
    }

    /** Where the report goes: stdout, or stderr when {@code output} is standard output. */
    static PrintWriter reportTo(CommandSpec spec, Path output) {
        return Stdio.isDash(output) ? spec.commandLine().getErr() : spec.commandLine().getOut();
    }

    /** The report of a plain write: JSON as asked, else one line on stderr unless quiet. */
    void reportWritten(CommandSpec spec, Path input, Path output, Signal written) {
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("input", Stdio.nameOf(input));
            m.put("output", output.toString());
            m.put("signal", written.spec().describe());
            reportTo(spec, output).println(Json.write(m));
        } else if (!quiet) {
            spec.commandLine().getErr().println("wrote " + output + " (" + written.spec().describe() + ")");
        }
    }
}
