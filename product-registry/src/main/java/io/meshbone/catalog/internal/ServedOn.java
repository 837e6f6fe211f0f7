package io.meshbone.catalog.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.meshbone.platform.contract.DataProduct;
import io.meshbone.platform.mesh.MeshCluster;
import io.meshbone.platform.mesh.MeshTopology;

/** Where a product is served in an isolated deployment: its home cluster first, then every cluster it is copied to. */
final class ServedOn {

    private ServedOn() {
    }

    /** One entry per serving cluster: {@code cluster}, {@code region}, {@code bootstrapServers}, {@code home}. */
    static List<Map<String, Object>> of(MeshTopology topology, DataProduct product) {
        MeshCluster home = topology.clusterOf(product.metadata().domain());
        return topology.servingClusters(product).stream().map(cluster -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("cluster", cluster.name());
            m.put("region", cluster.region());
            m.put("bootstrapServers", cluster.bootstrapServers());
            m.put("home", cluster == home);
            return m;
        }).toList();
    }
}
