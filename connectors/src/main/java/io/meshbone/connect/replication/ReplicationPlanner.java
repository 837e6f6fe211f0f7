package io.meshbone.connect.replication;

import java.util.Collection;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import io.meshbone.platform.contract.DataProduct;
import io.meshbone.platform.mesh.MeshCluster;
import io.meshbone.platform.mesh.MeshTopology;

/**
 * Which product topics to copy between which clusters, from the listed contracts and the cluster topology.
 *
 * <p>A product is published on its domain's cluster and copied to every other cluster that serves it
 * ({@link MeshTopology#servingClusters}): all of them when it has no residency, only those in its regions
 * otherwise. Only the product topic of its listed major is ever copied: never its staging or dead-letter
 * topic, never a mesh or Connect internal topic, never a resident product to a cluster outside its regions.
 */
public final class ReplicationPlanner {

    private ReplicationPlanner() {
    }

    /** The product topics to copy on each route, for every route that has any. */
    public static Map<ReplicationRoute, SortedSet<String>> plan(MeshTopology topology, Collection<DataProduct> listed) {
        Map<ReplicationRoute, SortedSet<String>> plan = new TreeMap<>(
                (a, b) -> a.toString().compareTo(b.toString()));
        for (DataProduct product : listed) {
            MeshCluster home = topology.clusterOf(product.metadata().domain());
            for (MeshCluster target : topology.servingClusters(product)) {
                if (target != home) {
                    plan.computeIfAbsent(new ReplicationRoute(home.name(), target.name()), r -> new TreeSet<>())
                            .add(product.names().topic());
                }
            }
        }
        return plan;
    }

    /** The product topics to copy on {@code route}; empty when nothing is to be copied there. */
    public static SortedSet<String> topics(MeshTopology topology, ReplicationRoute route, Collection<DataProduct> listed) {
        return plan(topology, listed).getOrDefault(route, new TreeSet<>());
    }
}
