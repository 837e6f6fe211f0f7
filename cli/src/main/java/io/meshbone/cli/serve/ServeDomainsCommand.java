package io.meshbone.cli.serve;

import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code meshbone serve domains [APP...]}: the example domain apps; instances of an app share its partitions. */
@Command(name = "domains", mixinStandardHelpOptions = true, defaultValueProvider = ServeDefaults.class,
        description = "Run the example domain apps (Kafka Streams) until SIGTERM; each starts once its products are listed.")
final class ServeDomainsCommand implements Callable<Integer> {

    static final int MANAGEMENT_PORT = 7091;

    @Mixin
    ServeOptions options;

    @Mixin
    RegistryUrlOption registry;

    @Mixin
    DataDirOption state;

    @Mixin
    ClustersOption clusters;

    @Parameters(paramLabel = "APP", arity = "0..*",
            description = "Application ids of the apps to run, e.g. orders-refinement. Default: every example app.")
    List<String> apps;

    @Override
    public Integer call() {
        DomainsPart part = DomainsPart.named(apps).withClusters(clusters.topology());
        return new PartProcess(options, registry.registryUrl, MANAGEMENT_PORT, true, state.dataDir).run(part, System.out, System.err);
    }
}
