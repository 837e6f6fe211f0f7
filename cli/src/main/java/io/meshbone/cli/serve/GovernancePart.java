package io.meshbone.cli.serve;

import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;

import io.meshbone.governance.Governance;
import io.meshbone.governance.GovernanceSettings;

/**
 * The gate: some or all of the contract gate, the record gate and the provisioner; instances of a gate share its
 * input partitions through Kafka Streams.
 *
 * @param services the names of {@link Governance#SERVICES} to run
 */
public record GovernancePart(Set<String> services) implements MeshPart<Governance> {

    /** How often the provisioner reconciles even without a change, as {@code up} has always done. */
    static final Duration RESYNC = Duration.ofSeconds(30);

    public GovernancePart {
        services = Set.copyOf(new TreeSet<>(services));
        if (services.isEmpty() || !Governance.SERVICES.containsAll(services)) {
            throw new IllegalArgumentException("--parts: expected some of " + new TreeSet<>(Governance.SERVICES)
                    + ", got " + new TreeSet<>(services));
        }
    }

    /** All three services. */
    public static GovernancePart all() {
        return new GovernancePart(Governance.SERVICES);
    }

    @Override
    public String name() {
        return "governance";
    }

    @Override
    public Governance start(PartContext context) {
        return Governance.start(new GovernanceSettings(context.clientConfig(), context.registryUrl(), context.stateDir(),
                context.meters(), RESYNC), context.health(), services);
    }
}
