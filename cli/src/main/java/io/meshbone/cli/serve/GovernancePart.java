package io.meshbone.cli.serve;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import io.meshbone.governance.Governance;
import io.meshbone.governance.GovernanceSettings;
import io.meshbone.platform.mesh.MeshTopology;

/**
 * The gate: some or all of the contract gate, the record gate and the provisioner; instances of a gate share its
 * input partitions through Kafka Streams.
 *
 * @param services the names of {@link Governance#SERVICES} to run
 * @param clusters the isolated mesh's clusters ({@code --clusters}), for residency and inputs listed elsewhere
 */
public record GovernancePart(Set<String> services, Optional<MeshTopology> clusters, boolean provisionAcls) implements MeshPart<Governance> {

    /** How often the provisioner reconciles even without a change, as {@code up} has always done. */
    static final Duration RESYNC = Duration.ofSeconds(30);

    /** The services on a co-located mesh: no cluster topology. */
    public GovernancePart(Set<String> services) {
        this(services, Optional.empty());
    }

    /** The services on the clusters of {@code clusters}; the provisioner reconciles ACLs where there is an authorizer. */
    public GovernancePart(Set<String> services, Optional<MeshTopology> clusters) {
        this(services, clusters, true);
    }

    public GovernancePart {
        Objects.requireNonNull(clusters, "clusters");
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
        GovernanceSettings all = new GovernanceSettings(context.clientConfig(), context.registryUrl(), context.stateDir(),
                context.meters(), RESYNC);
        GovernanceSettings settings = provisionAcls ? all : all.withoutAcls();
        return Governance.start(clusters.map(settings::withClusters).orElse(settings), context.health(), services);
    }
}
