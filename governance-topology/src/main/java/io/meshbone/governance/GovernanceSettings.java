package io.meshbone.governance;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.meshbone.platform.mesh.MeshTopology;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * How to run the governance services.
 *
 * @param clientConfig Kafka client properties, at least {@code bootstrap.servers}
 * @param registryUrl  the schema registry the gates register and look up schemas in
 * @param stateDir     where the Kafka Streams apps keep local state
 * @param meters       where the gate registers its per-product meters
 * @param resync       how often the provisioner reconciles even without a change
 * @param clusters     the mesh's clusters, for the contract gate's residency rules; empty for one co-located cluster
 * @param provisionAcls whether the provisioner reconciles ACLs where the cluster has an authorizer (the default);
 *                      false leaves every ACL to an operator, e.g. to Strimzi's User Operator
 */
public record GovernanceSettings(Map<String, Object> clientConfig, String registryUrl, Path stateDir, MeterRegistry meters,
                                 Duration resync, Optional<MeshTopology> clusters, boolean provisionAcls) {

    public GovernanceSettings {
        clientConfig = Map.copyOf(clientConfig);
        Objects.requireNonNull(clusters, "clusters");
    }

    public GovernanceSettings(Map<String, Object> clientConfig, String registryUrl, Path stateDir, MeterRegistry meters,
                              Duration resync, Optional<MeshTopology> clusters) {
        this(clientConfig, registryUrl, stateDir, meters, resync, clusters, true);
    }

    /** Settings for a co-located mesh: no cluster topology, so residency is only checked for well-formedness. */
    public GovernanceSettings(Map<String, Object> clientConfig, String registryUrl, Path stateDir, MeterRegistry meters,
                              Duration resync) {
        this(clientConfig, registryUrl, stateDir, meters, resync, Optional.empty());
    }

    /** These settings with the mesh's clusters, so the contract gate enforces residency. */
    public GovernanceSettings withClusters(MeshTopology topology) {
        return new GovernanceSettings(clientConfig, registryUrl, stateDir, meters, resync, Optional.of(topology), provisionAcls);
    }

    /** These settings with the provisioner leaving ACLs alone even where the cluster has an authorizer. */
    public GovernanceSettings withoutAcls() {
        return new GovernanceSettings(clientConfig, registryUrl, stateDir, meters, resync, clusters, false);
    }

    public String bootstrapServers() {
        return clientConfig.get("bootstrap.servers").toString();
    }
}
