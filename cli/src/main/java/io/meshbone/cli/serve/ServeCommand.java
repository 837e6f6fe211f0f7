package io.meshbone.cli.serve;

import picocli.CommandLine.Command;

/** {@code meshbone serve <part>}: one part of the mesh as a process of its own, against any Kafka cluster. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run one part of the mesh as its own process against any Kafka cluster; run several instances of a part to scale it.",
                "Settings: flag, else MESHBONE_<FLAG> variable, else --config file key, else default; Kafka client settings as "
                        + "MESHBONE_KAFKA_<PROPERTY> or kafka.<property>."},
        subcommands = {ServeKafkaCommand.class, ServeRegistryCommand.class, ServeGovernanceCommand.class,
                ServeCatalogCommand.class, ServeDomainsCommand.class, ServeConnectCommand.class, ServeDemoCommand.class})
public final class ServeCommand {
}
