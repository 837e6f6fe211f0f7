package io.meshbone.cli;

import java.time.Duration;

import io.meshbone.cli.internal.DurationConverter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code meshbone} command. */
@Command(name = "meshbone",
        mixinStandardHelpOptions = true,
        versionProvider = VersionCommand.Provider.class,
        description = "A Kafka event-streaming backbone for a data mesh.",
        subcommands = {UpCommand.class, ProductCommand.class, LineageCommand.class, TailCommand.class,
                ProduceCommand.class, ConnectCommand.class, VersionCommand.class, CommandLine.HelpCommand.class})
public final class Meshbone {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command tree, for tests that run verbs in-process. */
    static CommandLine commandLine() {
        // A failing verb prints one line (the cause's message), not a stack trace.
        return new CommandLine(new Meshbone())
                // Every Duration flag of every verb reads durations as descriptors write them: 500ms, 2s, 5m, 7d.
                .registerConverter(Duration.class, new DurationConverter())
                .setExecutionExceptionHandler((e, commandLine, parsed) -> {
                    commandLine.getErr().println("meshbone: " + e.getMessage());
                    return 1;
                });
    }
}
