package io.meshbone.governance.internal;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

import io.meshbone.platform.control.ListedProduct;
import io.meshbone.platform.control.ListedProducts;
import io.meshbone.platform.mesh.MeshCluster;
import io.meshbone.platform.mesh.MeshTopology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The products listed on the other clusters of an isolated mesh, read from their {@code _mesh.products} when a
 * contract is decided, so a contract may name an input listed elsewhere (MirrorMaker copies it here).
 *
 * <p>Read afresh per request rather than followed: contract requests are rare, and a fresh read cannot miss a
 * listing the other cluster accepted a moment ago. A cluster that does not answer within the timeout is skipped,
 * and an input only it lists is then reported as unknown.
 */
public final class OtherClusters implements Supplier<Map<String, ListedProduct>> {

    private static final Logger log = LoggerFactory.getLogger(OtherClusters.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final Optional<MeshTopology> topology;
    private final List<MeshCluster> others;
    private final Map<String, Object> clientConfig;

    private OtherClusters(Optional<MeshTopology> topology, List<MeshCluster> others, Map<String, Object> clientConfig) {
        this.topology = topology;
        this.others = others;
        this.clientConfig = Map.copyOf(clientConfig);
    }

    /**
     * The clusters of {@code topology} other than the one {@code clientConfig} connects to (told apart by their
     * {@code bootstrapServers}), read with the same client settings; none without a topology.
     */
    public static OtherClusters of(Optional<MeshTopology> topology, Map<String, Object> clientConfig) {
        String local = String.valueOf(clientConfig.get("bootstrap.servers"));
        List<MeshCluster> others = topology.map(t -> t.clusters().stream()
                .filter(c -> !c.bootstrapServers().equals(local)).toList()).orElse(List.of());
        return new OtherClusters(topology, others, clientConfig);
    }

    /** Whether there is any other cluster to ask. */
    public boolean any() {
        return !others.isEmpty();
    }

    /** The listings of every other cluster by product name; the home cluster's wins when two list one name. */
    @Override
    public Map<String, ListedProduct> get() {
        Map<String, ListedProduct> all = new TreeMap<>();
        for (MeshCluster cluster : others) {
            Map<String, Object> config = new HashMap<>(clientConfig);
            config.put("bootstrap.servers", cluster.bootstrapServers());
            // Reading another cluster must not create its _mesh.products where no gate has yet.
            config.put("allow.auto.create.topics", false);
            try {
                ListedProducts.listings(config, TIMEOUT).forEach((name, listed) -> {
                    boolean home = topology.orElseThrow().clusterOf(name.split("\\.")[0]).name().equals(cluster.name());
                    if (home || !all.containsKey(name)) {
                        all.put(name, listed);
                    }
                });
            } catch (RuntimeException e) {
                log.warn("could not read the products listed on cluster '{}': {}", cluster.name(), e.getMessage());
            }
        }
        return all;
    }
}
