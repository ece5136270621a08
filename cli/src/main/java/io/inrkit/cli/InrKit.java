package io.inrkit.cli;

import io.inrkit.core.BadInputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;

/** The {@code inrkit} command. */
@Command(name = "inrkit", mixinStandardHelpOptions = true, versionProvider = InrKit.Version.class,
        description = "Lossless implicit neural representations of images and audio, and the .inr codec.",
        footer = {"", "Exit codes: 0 ok, 1 internal error, 2 usage error, 3 unreadable/unsupported/corrupt input, "
            + "4 I/O failure."})
public final class InrKit {

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Print stack traces with errors, and progress lines even when stderr is not a terminal.")
    boolean verbose;

    /** The subcommands, in the order help lists them ({@link #commandLine(Stdio, String)}). */
    private static final Class<?>[] SUBCOMMANDS = {EncodeCommand.class, DecodeCommand.class, InfoCommand.class,
        ConvertCommand.class, FitCommand.class, ExpandCommand.class, ReduceCommand.class, CompareCommand.class,
        BenchCommand.class, DemoCommand.class, CompletionCommand.class, CommandLine.HelpCommand.class};

    /** The streams behind "-" (not static: tests run commands side by side with their own). */
    final Stdio stdio;

    private InrKit(Stdio stdio) {
        this.stdio = stdio;
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line and returns the exit code; used by {@link #main} and by tests. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        return execute(args, out, err, Stdio.system());
    }

    /** As {@link #execute(String[], PrintWriter, PrintWriter)}, with the streams behind "-" given. */
    static int execute(String[] args, PrintWriter out, PrintWriter err, Stdio stdio) {
        CommandLine cl = commandLine(stdio, args.length > 0 ? args[0] : null);
        InrKit top = cl.getCommand();
        cl.setOut(out);
        cl.setErr(err);
        cl.setExitCodeExceptionMapper(InrKit::exitCodeOf);
        cl.setExecutionExceptionHandler((e, line, parsed) -> report(e, line, parsed, top.verbose));
        return cl.execute(args);
    }

    /** The whole command model, bound to {@code stdio}. */
    static CommandLine commandLine(Stdio stdio) {
        return commandLine(stdio, null);
    }

    /**
     * The command model for a command line whose first word is {@code first}: when that names a
     * subcommand other than help and completion (which list the others), only that subcommand's
     * model is built. Picocli builds each model by reflection: one instead of all twelve takes
     * 0.03-0.08 s off every start ({@code inrkit decode --help}: 0.27-0.38 s before, 0.24-0.29 s
     * after), where djxl decodes a whole Kodak image in 0.13-0.22 s.
     */
    static CommandLine commandLine(Stdio stdio, String first) {
        CommandLine cl = new CommandLine(new InrKit(stdio));
        boolean one = false;
        for (Class<?> c : SUBCOMMANDS) {
            String name = c.getAnnotation(Command.class).name();
            one |= name.equals(first) && !name.equals("help") && !name.equals("completion");
        }
        for (Class<?> c : SUBCOMMANDS) {
            if (!one || c.getAnnotation(Command.class).name().equals(first)) {
                cl.addSubcommand(c);
            }
        }
        return cl;
    }

    private static int report(Exception e, CommandLine line, ParseResult parsed, boolean verbose) {
        PrintWriter err = line.getErr();
        int code = exitCodeOf(e);
        err.println("inrkit " + line.getCommandName() + ": " + message(e, code));
        if (verbose) {
            e.printStackTrace(err);
        } else if (code == ExitCode.INTERNAL) {
            err.println("(this is a bug; run again with --verbose for the stack trace)");
        }
        err.flush();
        return code;
    }

    static int exitCodeOf(Throwable e) {
        if (e instanceof UsageException || e instanceof IllegalArgumentException
                || e instanceof FileAlreadyExistsException || e instanceof CommandLine.ParameterException) {
            return ExitCode.USAGE;
        }
        if (e instanceof BadInputException) {
            return ExitCode.BAD_INPUT;
        }
        if (e instanceof IOException || e instanceof java.io.UncheckedIOException) {
            return ExitCode.IO_FAILURE;
        }
        return ExitCode.INTERNAL;
    }

    static String message(Exception e, int code) {
        if (e instanceof FileAlreadyExistsException f) {
            return f.getFile() + (f.getReason() == null ? " already exists" : " " + f.getReason());
        }
        if (e instanceof java.nio.file.NoSuchFileException f && code == ExitCode.IO_FAILURE) {
            return "cannot write: " + f.getFile() + (f.getReason() == null ? " does not exist" : ": " + f.getReason());
        }
        if (e instanceof java.nio.file.AccessDeniedException f) {
            return "permission denied: " + f.getFile();
        }
        if (e instanceof java.nio.file.FileSystemException f) {
            return "cannot write " + f.getFile() + (f.getReason() == null ? "" : ": " + f.getReason());
        }
        String m = e.getMessage();
        return code == ExitCode.INTERNAL ? e.getClass().getSimpleName() + (m == null ? "" : ": " + m)
                : m == null ? e.getClass().getSimpleName() : m;
    }

    /** The version from the jar manifest (Implementation-Version), or "dev" when run from classes. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = InrKit.class.getPackage().getImplementationVersion();
            return new String[] {"inrkit " + (v == null ? "dev" : v) + " (Java " + Runtime.version() + ")"};
        }
    }
}
