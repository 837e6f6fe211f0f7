package io.meshbone.cli;

import java.util.Arrays;
import java.util.stream.Collectors;

import io.meshbone.connect.ConnectorConfig;
import io.meshbone.platform.mesh.MeshCluster;
import io.meshbone.platform.mesh.MeshTopology;

/** The bundled dashboard sink's topics that one cluster of an isolated mesh serves. */
final class DashboardTopics {

    static final String SINK = "dashboard-sink.json";

    private DashboardTopics() {
    }

    /**
     * The sink's {@code topics} whose domain {@code cluster} hosts or which are not resident elsewhere. In
     * {@code up --isolated} every customers and shipping product is resident in eu, so the exchange's sink leaves
     * {@code shipping.delivery-request.v1} out: its records never reach the exchange.
     */
    static String servedOn(MeshTopology topology, MeshCluster cluster) {
        String topics = ConnectorConfig.bundled(SINK).config().get("topics");
        return Arrays.stream(topics.split(","))
                .map(String::trim)
                .filter(topic -> topology.clusterOf(topic.split("\\.")[0]) == cluster
                        || !IsolatedMesh.EU_DOMAINS.contains(topic.split("\\.")[0]))
                .collect(Collectors.joining(","));
    }
}
