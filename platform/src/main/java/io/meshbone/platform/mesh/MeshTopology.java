package io.meshbone.platform.mesh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.meshbone.platform.contract.DataProduct;
import io.meshbone.platform.mesh.internal.ClustersFile;

/**
 * The Kafka clusters of a mesh, the exchange among them, and which cluster hosts each domain.
 *
 * <p>A domain that no cluster names is hosted on the exchange, so a one-cluster topology is today's
 * co-located mesh. A product is published on its domain's cluster and served on every cluster its
 * residency allows (all of them when it has none); {@link #servingClusters} lists them, home first.
 */
public final class MeshTopology {

    private final List<MeshCluster> clusters;
    private final MeshCluster exchange;

    /** A topology of {@code clusters}: unique names, exactly one exchange, each domain on at most one cluster. */
    public MeshTopology(List<MeshCluster> clusters) {
        List<String> problems = ClustersFile.problems(clusters);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        this.clusters = List.copyOf(clusters);
        this.exchange = clusters.stream().filter(MeshCluster::exchange).findFirst().orElseThrow();
    }

    /** Reads a {@code clusters.yaml} document (format in the README); every problem is in the exception's message. */
    public static MeshTopology parse(String source, String yaml) {
        return new MeshTopology(ClustersFile.parse(source, yaml));
    }

    /** Reads a {@code clusters.yaml} file. */
    public static MeshTopology read(Path file) {
        try {
            return parse(file.toString(), Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read clusters file " + file, e);
        }
    }

    /** Every cluster, in the order configured. */
    public List<MeshCluster> clusters() {
        return clusters;
    }

    /** The cluster every product is served on unless residency forbids. */
    public MeshCluster exchange() {
        return exchange;
    }

    /** The cluster named {@code name}, if any. */
    public Optional<MeshCluster> cluster(String name) {
        return clusters.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** The cluster that hosts {@code domain}: the one naming it, else the exchange. */
    public MeshCluster clusterOf(String domain) {
        return clusters.stream().filter(c -> c.domains().contains(domain)).findFirst().orElse(exchange);
    }

    /** The clusters {@code product} is served on: its domain's cluster first, then every other its residency allows. */
    public List<MeshCluster> servingClusters(DataProduct product) {
        return servingClusters(product.metadata().domain(), product.spec().residency());
    }

    /** The clusters a product of {@code domain} with {@code residency} (empty: none) is served on, home first. */
    public List<MeshCluster> servingClusters(String domain, List<String> residency) {
        MeshCluster home = clusterOf(domain);
        List<MeshCluster> serving = new ArrayList<>(List.of(home));
        clusters.stream().filter(c -> c != home && c.inAnyOf(residency)).forEach(serving::add);
        return serving;
    }

    /** The cluster a client in {@code region} should use for {@code product}: one there if it serves it, else home. */
    public MeshCluster clusterFor(DataProduct product, String region) {
        List<MeshCluster> serving = servingClusters(product);
        return serving.stream().filter(c -> c.region().equals(region)).findFirst()
                .orElseGet(() -> serving.contains(exchange) ? exchange : serving.get(0));
    }

    @Override
    public String toString() {
        return "MeshTopology" + clusters;
    }
}
