package io.meshbone.governance;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Supplier;

import io.meshbone.governance.internal.AccessGateProcessor;
import io.meshbone.governance.internal.AccessTicket;
import io.meshbone.governance.internal.ContractBatching;
import io.meshbone.governance.internal.ContractDecider;
import io.meshbone.governance.internal.DomainGateProcessor;
import io.meshbone.governance.internal.DomainTicket;
import io.meshbone.platform.control.AccessGrant;
import io.meshbone.platform.control.DomainOwnership;
import io.meshbone.governance.internal.ContractGateProcessor;
import io.meshbone.governance.internal.ContractRegistry;
import io.meshbone.governance.internal.PendingRequestSerde;
import io.meshbone.governance.internal.ResidencyRules;
import io.meshbone.platform.control.Decision;
import io.meshbone.governance.internal.PolicyDecider;
import io.meshbone.governance.internal.PolicyGateProcessor;
import io.meshbone.platform.control.ListedPolicy;
import io.meshbone.platform.control.ListedProduct;
import io.meshbone.platform.policy.ClusterFacts;
import io.meshbone.platform.control.MeshJson;
import io.meshbone.platform.control.MeshTopics;
import io.meshbone.platform.mesh.MeshTopology;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * The contract gate: the control plane of governance, as a Kafka Streams topology.
 *
 * <p>It reads {@code _mesh.product-requests} (one partition, so requests are decided in the order
 * they were made), decides each against everything listed, registers the schemas of accepted
 * contracts, lists them in {@code _mesh.products} and answers every request on {@code _mesh.decisions}. In the same
 * task it decides policy requests, access requests ({@code _mesh.access-requests} to {@code _mesh.access-grants}) and
 * domain creations and transfers ({@code _mesh.domain-requests} to {@code _mesh.domains}).
 */
public final class ContractGate {

    /** The Streams application id. */
    /** The name the gate reports its health under. */
    public static final String PART = "contract-gate";
    public static final String APPLICATION_ID = "meshbone-contract-gate";
    static final String LISTINGS_STORE = "contract-gate-listings";
    static final String POLICIES_STORE = "contract-gate-policies";
    private static final String POLICIES_SINK = "policy-gate-policies";
    private static final String POLICY_DECISIONS_SINK = "policy-gate-decisions";
    private static final String PRODUCTS_SINK = "contract-gate-products";
    private static final String DECISIONS_SINK = "contract-gate-decisions";
    static final String DOMAINS_STORE = "contract-gate-domains";
    /** Contract requests read but not yet decided, by offset: changelogged, so a restarted gate decides them. */
    static final String PENDING_STORE = "contract-gate-pending";
    private static final String CONTRACTS = "contract-gate-decide";
    static final long CONTRACT_POLL_MS = 10;
    static final String ACCESS_TICKETS_STORE = "access-gate-requests";
    static final String ACCESS_GRANTS_STORE = "access-gate-grants";
    static final String DOMAIN_TICKETS_STORE = "domain-gate-requests";
    private static final String GRANTS_SINK = "access-gate-grants";
    private static final String ACCESS_DECISIONS_SINK = "access-gate-decisions";
    private static final String DOMAINS_SINK = "domain-gate-domains";
    private static final String DOMAIN_DECISIONS_SINK = "domain-gate-decisions";

    private ContractGate() {
    }

    static Topology topology(ContractRegistry registry) {
        return topology(registry, new ClusterFacts(1), Optional.empty());
    }

    /** The gate for a cluster of {@code cluster.brokers()} brokers, which policies may take into account. */
    static Topology topology(ContractRegistry registry, ClusterFacts cluster) {
        return topology(registry, cluster, Optional.empty());
    }

    /** The gate for one cluster of a mesh: policies see its size, residency rules the mesh's clusters (when known). */
    static Topology topology(ContractRegistry registry, ClusterFacts cluster, Optional<MeshTopology> clusters) {
        return topology(registry, cluster, clusters, Map::of);
    }

    /** ... and declared inputs may be listed {@code elsewhere}: on the mesh's other clusters. */
    static Topology topology(ContractRegistry registry, ClusterFacts cluster, Optional<MeshTopology> clusters,
                             Supplier<Map<String, ListedProduct>> elsewhere) {
        return topology(registry, cluster, clusters, elsewhere, ContractBatching.DEFAULT);
    }

    /** ... with contract requests decided in batches as {@code batching} says. */
    static Topology topology(ContractRegistry registry, ClusterFacts cluster, Optional<MeshTopology> clusters,
                             Supplier<Map<String, ListedProduct>> elsewhere, ContractBatching batching) {
        Topology topology = new Topology();
        topology.addSource("contract-gate-requests", Serdes.String().deserializer(), Serdes.ByteArray().deserializer(),
                MeshTopics.PRODUCT_REQUESTS);
        // Policy requests go through the same task and stores: a policy change and a contract are never decided at once.
        topology.addSource("policy-gate-requests", Serdes.String().deserializer(), Serdes.ByteArray().deserializer(),
                MeshTopics.POLICY_REQUESTS);
        topology.addProcessor("policy-gate-decide",
                () -> new PolicyGateProcessor(LISTINGS_STORE, POLICIES_STORE, DOMAINS_STORE, new PolicyDecider(cluster), POLICIES_SINK,
                        POLICY_DECISIONS_SINK).afterContracts(CONTRACTS),
                "policy-gate-requests");
        // Access and domain requests too: an owner's approval is judged against the ownership in force at that point.
        topology.addSource("access-gate-requests", Serdes.String().deserializer(), Serdes.ByteArray().deserializer(),
                MeshTopics.ACCESS_REQUESTS);
        topology.addProcessor("access-gate-decide", () -> new AccessGateProcessor(new AccessGateProcessor.Stores(LISTINGS_STORE,
                DOMAINS_STORE, ACCESS_TICKETS_STORE, ACCESS_GRANTS_STORE), GRANTS_SINK, ACCESS_DECISIONS_SINK).afterContracts(CONTRACTS),
                "access-gate-requests");
        topology.addSource("domain-gate-requests", Serdes.String().deserializer(), Serdes.ByteArray().deserializer(),
                MeshTopics.DOMAIN_REQUESTS);
        topology.addProcessor("domain-gate-decide", () -> new DomainGateProcessor(new DomainGateProcessor.Stores(LISTINGS_STORE,
                DOMAINS_STORE, DOMAIN_TICKETS_STORE), DOMAINS_SINK, DOMAIN_DECISIONS_SINK).afterContracts(CONTRACTS),
                "domain-gate-requests");
        // Contract requests wait in the pending store to be decided in batches. The other processors are parents too:
        // each forwards ContractGateProcessor.DECIDE_PENDING here before deciding, so nothing is decided ahead of a
        // contract request read before it (a child is the only node a processor can run synchronously).
        topology.addProcessor(CONTRACTS,
                () -> new ContractGateProcessor(new ContractGateProcessor.Stores(LISTINGS_STORE, POLICIES_STORE, DOMAINS_STORE,
                        PENDING_STORE), batching, new ContractDecider(registry, List.of(), cluster, new ResidencyRules(clusters),
                        elsewhere), PRODUCTS_SINK, DECISIONS_SINK),
                "contract-gate-requests", "policy-gate-decide", "access-gate-decide", "domain-gate-decide");
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PENDING_STORE),
                Serdes.String(), PendingRequestSerde.serde()).withLoggingEnabled(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
                Integer.toString(PendingRequestSerde.MAX_BYTES))), CONTRACTS);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(LISTINGS_STORE),
                Serdes.String(), MeshJson.serde(ListedProduct.class)), "contract-gate-decide", "policy-gate-decide",
                "access-gate-decide", "domain-gate-decide");
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DOMAINS_STORE),
                Serdes.String(), MeshJson.serde(DomainOwnership.class)), "contract-gate-decide", "policy-gate-decide",
                "access-gate-decide", "domain-gate-decide");
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ACCESS_TICKETS_STORE),
                Serdes.String(), MeshJson.serde(AccessTicket.class)), "access-gate-decide");
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ACCESS_GRANTS_STORE),
                Serdes.String(), MeshJson.serde(AccessGrant.class)), "access-gate-decide");
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DOMAIN_TICKETS_STORE),
                Serdes.String(), MeshJson.serde(DomainTicket.class)), "domain-gate-decide");
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(POLICIES_STORE),
                Serdes.String(), MeshJson.serde(ListedPolicy.class)), "contract-gate-decide", "policy-gate-decide");
        topology.addSink(PRODUCTS_SINK, MeshTopics.PRODUCTS, Serdes.String().serializer(),
                objectSerializer(MeshJson.serde(ListedProduct.class).serializer()), "contract-gate-decide");
        topology.addSink(DECISIONS_SINK, MeshTopics.DECISIONS, Serdes.String().serializer(),
                objectSerializer(MeshJson.serde(Decision.class).serializer()), "contract-gate-decide");
        topology.addSink(POLICIES_SINK, MeshTopics.POLICIES, Serdes.String().serializer(),
                objectSerializer(MeshJson.serde(ListedPolicy.class).serializer()), "policy-gate-decide");
        topology.addSink(POLICY_DECISIONS_SINK, MeshTopics.DECISIONS, Serdes.String().serializer(),
                objectSerializer(MeshJson.serde(Decision.class).serializer()), "policy-gate-decide");
        topology.addSink(GRANTS_SINK, MeshTopics.ACCESS_GRANTS, Serdes.String().serializer(),
                objectSerializer(MeshJson.serde(AccessGrant.class).serializer()), "access-gate-decide");
        topology.addSink(ACCESS_DECISIONS_SINK, MeshTopics.DECISIONS, Serdes.String().serializer(),
                objectSerializer(MeshJson.serde(Decision.class).serializer()), "access-gate-decide");
        topology.addSink(DOMAINS_SINK, MeshTopics.DOMAINS, Serdes.String().serializer(),
                objectSerializer(MeshJson.serde(DomainOwnership.class).serializer()), "domain-gate-decide");
        topology.addSink(DOMAIN_DECISIONS_SINK, MeshTopics.DECISIONS, Serdes.String().serializer(),
                objectSerializer(MeshJson.serde(Decision.class).serializer()), "domain-gate-decide");
        return topology;
    }

    static Properties streamsConfig(String bootstrapServers, String stateDir) {
        Properties props = GateStreamsConfig.exactlyOnce(APPLICATION_ID, bootstrapServers, stateDir);
        // Pending contract requests are decided by a wall-clock punctuation, which the stream thread runs only between
        // polls: at the default 100 ms a lone request could wait that long for its decision.
        props.put(StreamsConfig.POLL_MS_CONFIG, CONTRACT_POLL_MS);
        // A request near the request topic's limit must fit the pending store's changelog with its header.
        props.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), PendingRequestSerde.MAX_BYTES);
        return props;
    }

    @SuppressWarnings("unchecked")
    private static <T> Serializer<Object> objectSerializer(Serializer<T> typed) {
        return (topic, value) -> typed.serialize(topic, (T) value);
    }
}
