package io.inrkit.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "completion", description = "Print a bash/zsh completion script for inrkit, generated from the "
        + "command model, so it knows every command and option of this version.",
        footer = {"", "Examples:", "  source <(inrkit completion)                       (this shell)",
            "  inrkit completion > ~/.local/share/bash-completion/completions/inrkit   (every new shell)",
            "  (zsh: autoload -U +X bashcompinit && bashcompinit first)"})
final class CompletionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(AutoComplete.bash("inrkit", spec.root().commandLine()));
        spec.commandLine().getOut().flush();
        return ExitCode.OK;
    }
}
