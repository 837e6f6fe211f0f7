package io.meshbone.cli.serve;

import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code meshbone serve governance}: the contract gate, record gate and provisioner, or some of them. */
@Command(name = "governance", mixinStandardHelpOptions = true, defaultValueProvider = ServeDefaults.class,
        description = "Run the gate until SIGTERM; instances share the gates' partitions through Kafka Streams.")
final class ServeGovernanceCommand implements Callable<Integer> {

    static final int MANAGEMENT_PORT = 7090;

    @Mixin
    ServeOptions options;

    @Mixin
    RegistryUrlOption registry;

    @Mixin
    DataDirOption state;

    @Mixin
    ClustersOption clusters;

    @Option(names = "--parts", split = ",", defaultValue = "contract-gate,record-gate,provisioner", paramLabel = "PART",
            description = "Which governance services to run: contract-gate, record-gate, provisioner. Default: ${DEFAULT-VALUE}.")
    List<String> parts;

    @Option(names = "--no-acls",
            description = "The provisioner leaves ACLs alone: for a cluster whose ACLs another owner keeps, as Strimzi's User Operator does.")
    boolean noAcls;

    @Override
    public Integer call() {
        GovernancePart part = new GovernancePart(Set.copyOf(parts), clusters.topology(), !noAcls);
        return new PartProcess(options, registry.registryUrl, MANAGEMENT_PORT, true, state.dataDir).run(part, System.out, System.err);
    }
}
