package io.meshbone.governance;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.meshbone.platform.mesh.MeshTopology;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.acl.AclBinding;

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
 * @param extraAcls     bindings the provisioner's ACL plan keeps beside those of the listings and the services, e.g. an
 *                      isolated mesh's grants on copies of products listed on another cluster; empty by default
 * @param maxReplication the most copies the provisioner gives a product's topics: {@code min(3, brokers)} by default (3),
 *                       1 to spread a benchmark's tens of thousands of topics over brokers without copies
 */
public record GovernanceSettings(Map<String, Object> clientConfig, String registryUrl, Path stateDir, MeterRegistry meters,
                                 Duration resync, Optional<MeshTopology> clusters, boolean provisionAcls,
                                 List<AclBinding> extraAcls, int maxReplication) {

    /** The provisioner's default: three copies where the cluster has three brokers. */
    public static final int DEFAULT_MAX_REPLICATION = 3;

    public GovernanceSettings {
        clientConfig = Map.copyOf(clientConfig);
        Objects.requireNonNull(clusters, "clusters");
        extraAcls = List.copyOf(extraAcls);
        if (maxReplication < 1 || maxReplication > DEFAULT_MAX_REPLICATION) {
            throw new IllegalArgumentException("maxReplication: expected 1, 2 or 3 copies of a product topic, got " + maxReplication);
        }
    }

    public GovernanceSettings(Map<String, Object> clientConfig, String registryUrl, Path stateDir, MeterRegistry meters,
                              Duration resync, Optional<MeshTopology> clusters, boolean provisionAcls,
                              List<AclBinding> extraAcls) {
        this(clientConfig, registryUrl, stateDir, meters, resync, clusters, provisionAcls, extraAcls, DEFAULT_MAX_REPLICATION);
    }

    public GovernanceSettings(Map<String, Object> clientConfig, String registryUrl, Path stateDir, MeterRegistry meters,
                              Duration resync, Optional<MeshTopology> clusters, boolean provisionAcls) {
        this(clientConfig, registryUrl, stateDir, meters, resync, clusters, provisionAcls, List.of());
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
        return new GovernanceSettings(clientConfig, registryUrl, stateDir, meters, resync, Optional.of(topology), provisionAcls,
                extraAcls, maxReplication);
    }

    /** These settings with the provisioner leaving ACLs alone even where the cluster has an authorizer. */
    public GovernanceSettings withoutAcls() {
        return new GovernanceSettings(clientConfig, registryUrl, stateDir, meters, resync, clusters, false, extraAcls, maxReplication);
    }

    /** These settings with {@code bindings} kept by the provisioner's ACL reconciler beside its plan. */
    public GovernanceSettings withExtraAcls(Collection<AclBinding> bindings) {
        return new GovernanceSettings(clientConfig, registryUrl, stateDir, meters, resync, clusters, provisionAcls,
                List.copyOf(bindings), maxReplication);
    }

    /** These settings with product topics given at most {@code copies} replicas (1 to 3). */
    public GovernanceSettings withMaxReplication(int copies) {
        return new GovernanceSettings(clientConfig, registryUrl, stateDir, meters, resync, clusters, provisionAcls, extraAcls,
                copies);
    }

    public String bootstrapServers() {
        return clientConfig.get("bootstrap.servers").toString();
    }
}
