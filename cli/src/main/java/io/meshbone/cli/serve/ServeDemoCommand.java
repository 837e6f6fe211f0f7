package io.meshbone.cli.serve;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code meshbone serve demo}: the demo traffic generator; one instance per mesh. */
@Command(name = "demo", mixinStandardHelpOptions = true, defaultValueProvider = ServeDefaults.class,
        description = "Publish demo raw events for the example domain apps until SIGTERM (three hours of history first).")
final class ServeDemoCommand implements Callable<Integer> {

    static final int MANAGEMENT_PORT = 7092;

    @Mixin
    ServeOptions options;

    @Mixin
    RegistryUrlOption registry;

    @Option(names = "--rate", defaultValue = "5", paramLabel = "CHECKOUTS_PER_SECOND",
            description = "Live checkouts per second (with their payments, statuses and profiles), up to 10000. Default: ${DEFAULT-VALUE}.")
    double rate;

    @Override
    public Integer call() {
        DemoPart part = new DemoPart(rate, DemoPart.DEFAULT_HISTORY, context -> new DomainGroupsReady(context.clientConfig()));
        return new PartProcess(options, registry.registryUrl, MANAGEMENT_PORT, false, null).run(part, System.out, System.err);
    }
}
