package io.meshbone.platform.mesh;

import java.util.List;
import java.util.Objects;

/**
 * One Kafka cluster of the mesh: where it is, how to reach it and which domains keep their data on it.
 *
 * @param name             lower-kebab name, e.g. {@code eu}; prints as {@code bootstrap.servers.<name>}
 * @param region           lower-kebab region the cluster's data lives in, e.g. {@code eu}; what {@code spec.residency} names
 * @param bootstrapServers Kafka {@code bootstrap.servers} of the cluster
 * @param domains          the domains whose products are published (gated and provisioned) on this cluster
 * @param exchange         whether this is the exchange: the cluster every product is served on unless residency forbids
 */
public record MeshCluster(String name, String region, String bootstrapServers, List<String> domains, boolean exchange) {

    public MeshCluster {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        domains = List.copyOf(domains);
    }

    /** Whether this cluster's region is one of {@code regions}; any cluster is when {@code regions} is empty. */
    public boolean inAnyOf(List<String> regions) {
        return regions.isEmpty() || regions.contains(region);
    }
}
