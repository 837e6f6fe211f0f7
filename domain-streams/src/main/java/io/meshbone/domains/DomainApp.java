package io.meshbone.domains;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import io.meshbone.domains.dsl.ProductCatalog;
import org.apache.kafka.streams.Topology;

/**
 * One domain Kafka Streams app: its application id, the products it reads and publishes, and its topology.
 *
 * @param applicationId the Kafka Streams application id, also its OpenLineage job name
 * @param products      every product the topology reads or publishes; the app starts once all are listed
 * @param topology      builds the topology for a catalog of listed products
 */
public record DomainApp(String applicationId, List<String> products, Function<ProductCatalog, Topology> topology) {

    public DomainApp {
        Objects.requireNonNull(applicationId, "applicationId");
        products = List.copyOf(products);
        Objects.requireNonNull(topology, "topology");
    }
}
