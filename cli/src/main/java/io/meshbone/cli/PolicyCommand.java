package io.meshbone.cli;

import picocli.CommandLine.Command;

/** {@code meshbone policy}: the mesh's governance policies (apply, list, describe). */
@Command(name = "policy", mixinStandardHelpOptions = true,
        description = "Work with the governance policies (*.policy.yaml) the contract gate applies to every contract.",
        subcommands = {PolicyApplyCommand.class, PolicyListCommand.class, PolicyDescribeCommand.class})
final class PolicyCommand {
}
