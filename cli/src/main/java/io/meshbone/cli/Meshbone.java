package io.meshbone.cli;

import java.time.Duration;

import io.meshbone.cli.access.AccessCommand;
import io.meshbone.cli.access.DomainCommand;
import io.meshbone.cli.internal.DurationConverter;
import io.meshbone.cli.serve.ServeCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code meshbone} command. */
@Command(name = "meshbone",
        mixinStandardHelpOptions = true,
        versionProvider = VersionCommand.Provider.class,
        description = "A Kafka event-streaming backbone for a data mesh.",
        subcommands = {UpCommand.class, ServeCommand.class, ProductCommand.class, PolicyCommand.class, LineageCommand.class,
                TailCommand.class, ProduceCommand.class, ConnectCommand.class, AccessCommand.class, DomainCommand.class,
                ExportCommand.class, CredentialsCommand.class, VersionCommand.class, CommandLine.HelpCommand.class})
public final class Meshbone {

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "When a command fails, print the stack trace after its one-line message.")
    boolean verbose;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command tree, for tests that run verbs in-process. */
    static CommandLine commandLine() {
        // A failing verb prints one line (the cause's message); the stack trace only with --verbose.
        return new CommandLine(new Meshbone())
                // Every Duration flag of every verb reads durations as descriptors write them: 500ms, 2s, 5m, 7d.
                .registerConverter(Duration.class, new DurationConverter())
                .setExecutionExceptionHandler((e, commandLine, parsed) -> {
                    commandLine.getErr().println("meshbone: " + e.getMessage());
                    if (parsed.asCommandLineList().stream().anyMatch(c -> c.getParseResult().hasMatchedOption("--verbose"))) {
                        e.printStackTrace(commandLine.getErr());
                    }
                    commandLine.getErr().flush();
                    return 1;
                });
    }
}
