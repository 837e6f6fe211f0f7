package io.meshbone.cli.access;

import picocli.CommandLine.Command;

/** {@code meshbone domain}: create domains (admin), and move their ownership by a transfer the current owner approves. */
@Command(name = "domain", mixinStandardHelpOptions = true,
        description = "Create domains (admin only) and transfer their ownership, approved by the current owner.",
        subcommands = {DomainCreateCommand.class, DomainTransferCommand.class, DomainApproveCommand.class,
                DomainDenyCommand.class, DomainDescribeCommand.class})
public final class DomainCommand {
}
