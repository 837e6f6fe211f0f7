package io.meshbone.cli.access;

import picocli.CommandLine.Command;

/** {@code meshbone access}: ask to read a product, and, as its owner, approve, deny and revoke. */
@Command(name = "access", mixinStandardHelpOptions = true,
        description = "Ask for read access to a data product; as the owner of its domain, list, approve, deny and revoke.",
        subcommands = {AccessRequestCommand.class, AccessListCommand.class, AccessApproveCommand.class,
                AccessDenyCommand.class, AccessRevokeCommand.class})
public final class AccessCommand {
}
