package io.meshbone.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code meshbone} command. */
@Command(name = "meshbone",
        mixinStandardHelpOptions = true,
        versionProvider = VersionCommand.Provider.class,
        description = "A Kafka event-streaming backbone for a data mesh.",
        subcommands = {UpCommand.class, ProductCommand.class, ConnectCommand.class, VersionCommand.class, CommandLine.HelpCommand.class})
public final class Meshbone {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command tree, for tests that run verbs in-process. */
    static CommandLine commandLine() {
        return new CommandLine(new Meshbone());
    }
}
