package io.meshbone.cli;

import picocli.CommandLine.Command;

/** {@code meshbone export}: renders the mesh's contracts as other tools' resources (Strimzi). */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Render contracts as resources for other tools, so a platform team can run the mesh GitOps-style.",
        subcommands = {ExportStrimziCommand.class})
final class ExportCommand {
}
