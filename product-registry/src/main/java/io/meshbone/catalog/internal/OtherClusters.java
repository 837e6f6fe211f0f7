package io.meshbone.catalog.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.meshbone.platform.control.Decision;
import io.meshbone.platform.health.HealthRegistry;
import io.meshbone.platform.lifecycle.Closeables;
import io.meshbone.platform.mesh.MeshCluster;
import io.meshbone.platform.mesh.MeshTopology;

/**
 * The catalog's view of the other clusters of an isolated mesh: one {@link CatalogState} per cluster, reading its
 * {@code _mesh.*} topics directly, so the exchange's catalog lists products resident elsewhere and their lineage.
 *
 * <p>Only metadata crosses: names, contracts, decisions and lineage events, never a product's records. Of a cluster's
 * listings only the products it is home to count; a copy listed on a serving cluster is the home's product.
 */
final class OtherClusters implements AutoCloseable {

    static final OtherClusters NONE = new OtherClusters(Optional.empty(), List.of());

    /** One other cluster and what the catalog read from it. */
    record Other(MeshCluster cluster, CatalogState state) {
    }

    private final Optional<MeshTopology> topology;
    private final List<Other> others;

    private OtherClusters(Optional<MeshTopology> topology, List<Other> others) {
        this.topology = topology;
        this.others = others;
    }

    /**
     * Starts reading every cluster of {@code topology} but the one {@code clientConfig} connects to (told apart by
     * {@code bootstrapServers}), with the same client settings; each reports to {@code health} as
     * {@code catalog-reader:mesh-topics@<cluster>}.
     */
    static OtherClusters start(Optional<MeshTopology> topology, Map<String, Object> clientConfig, HealthRegistry health) {
        if (topology.isEmpty()) {
            return NONE;
        }
        String local = String.valueOf(clientConfig.get("bootstrap.servers"));
        List<Other> others = new ArrayList<>();
        try {
            for (MeshCluster cluster : topology.get().clusters()) {
                if (!cluster.bootstrapServers().equals(local)) {
                    Map<String, Object> config = new HashMap<>(clientConfig);
                    config.put("bootstrap.servers", cluster.bootstrapServers());
                    // Reading another cluster must not create its _mesh.* topics where no gate has yet.
                    config.put("allow.auto.create.topics", false);
                    others.add(new Other(cluster, CatalogState.start(config,
                            health.part(CatalogState.PART + "@" + cluster.name()))));
                }
            }
        } catch (RuntimeException e) {
            others.forEach(o -> o.state().close());
            throw e;
        }
        return new OtherClusters(topology, List.copyOf(others));
    }

    boolean none() {
        return others.isEmpty();
    }

    boolean caughtUp() {
        return others.stream().allMatch(o -> o.state().caughtUp());
    }

    /** {@code local} with every other cluster's home products over it. */
    Map<String, CatalogState.Entry> merge(Map<String, CatalogState.Entry> local) {
        Map<String, CatalogState.Entry> all = new HashMap<>(local);
        for (Other other : others) {
            other.state().products().forEach((name, entry) -> {
                if (homeOf(entry).equals(other.cluster().name())) {
                    all.put(name, entry);
                }
            });
        }
        return all;
    }

    /** The product as its home cluster lists it, when that is another cluster. */
    Optional<CatalogState.Entry> product(String name) {
        for (Other other : others) {
            Optional<CatalogState.Entry> entry = other.state().product(name)
                    .filter(e -> homeOf(e).equals(other.cluster().name()));
            if (entry.isPresent()) {
                return entry;
            }
        }
        return Optional.empty();
    }

    List<Decision> decisions(String product) {
        List<Decision> all = new ArrayList<>();
        others.forEach(o -> all.addAll(o.state().decisions(product)));
        return all;
    }

    List<CatalogState.Job> jobs() {
        List<CatalogState.Job> all = new ArrayList<>();
        others.forEach(o -> all.addAll(o.state().jobs()));
        return all;
    }

    private String homeOf(CatalogState.Entry entry) {
        return topology.orElseThrow().clusterOf(entry.product().metadata().domain()).name();
    }

    @Override
    public void close() {
        Closeables.closeTogether("catalog reader of another cluster", others.stream().map(o -> (AutoCloseable) o.state()).toList());
    }
}
