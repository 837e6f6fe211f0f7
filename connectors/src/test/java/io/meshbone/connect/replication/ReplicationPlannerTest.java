package io.meshbone.connect.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;

import io.meshbone.connect.ConnectorConfig;
import io.meshbone.platform.contract.DataProduct;
import io.meshbone.platform.contract.ProductDescriptors;
import io.meshbone.platform.contract.SchemaFiles;
import io.meshbone.platform.mesh.MeshCluster;
import io.meshbone.platform.mesh.MeshTopology;
import org.junit.jupiter.api.Test;

class ReplicationPlannerTest {

    private static final MeshTopology TOPOLOGY = new MeshTopology(List.of(
            new MeshCluster("exchange", "us", "us:9092", List.of("orders"), true),
            new MeshCluster("eu", "eu", "eu:9092", List.of("customers", "shipping"), false),
            new MeshCluster("apac", "apac", "apac:9092", List.of("payments"), false)));
    private static final ReplicationRoute EU_TO_EXCHANGE = new ReplicationRoute("eu", "exchange");

    @Test
    void copiesEachProductTopicFromItsHomeToEveryClusterItsResidencyAllows() {
        Map<ReplicationRoute, SortedSet<String>> plan = ReplicationPlanner.plan(TOPOLOGY, List.of(
                product("orders", "order-placed", "1.0.0", null),
                product("customers", "customer-profile", "1.0.0", "[eu]"),
                product("shipping", "parcel-scanned", "2.1.0", null),
                product("payments", "payment-settled", "1.0.0", "[apac, us]")));

        assertThat(plan).containsOnlyKeys(new ReplicationRoute("exchange", "eu"), new ReplicationRoute("exchange", "apac"),
                EU_TO_EXCHANGE, new ReplicationRoute("eu", "apac"), new ReplicationRoute("apac", "exchange"));
        assertThat(plan.get(new ReplicationRoute("exchange", "eu"))).containsExactly("orders.order-placed.v1");
        assertThat(plan.get(EU_TO_EXCHANGE)).containsExactly("shipping.parcel-scanned.v2");
        assertThat(plan.get(new ReplicationRoute("apac", "exchange"))).containsExactly("payments.payment-settled.v1");
        assertThat(plan.values()).noneSatisfy(topics -> assertThat(topics).contains("customers.customer-profile.v1"));
    }

    @Test
    void configuresMirrorMakerWithIdentityNamesQuotedTopicsBytesAndExactlyOnce() {
        ReplicationSettings settings = ReplicationSettings.of(TOPOLOGY, EU_TO_EXCHANGE, "http://connect:8083")
                .withReplicationFactor((short) 1);

        ConnectorConfig connector = MirrorSourceConfigs.of(settings, List.of("a.b.v1", "c.d.v2"));

        assertThat(connector.name()).isEqualTo("meshbone-replication-eu-to-exchange");
        assertThat(connector.config())
                .containsEntry("connector.class", "org.apache.kafka.connect.mirror.MirrorSourceConnector")
                .containsEntry("replication.policy.class", "org.apache.kafka.connect.mirror.IdentityReplicationPolicy")
                .containsEntry("source.cluster.bootstrap.servers", "eu:9092")
                .containsEntry("target.cluster.bootstrap.servers", "us:9092")
                .containsEntry("topics", "\\Qa.b.v1\\E,\\Qc.d.v2\\E")
                .containsEntry("header.converter", "org.apache.kafka.connect.converters.ByteArrayConverter")
                .containsEntry("sync.topic.acls.enabled", "false")
                .containsEntry("exactly.once.support", "required")
                .containsEntry("replication.factor", "1");
        assertThat(connector.config().get("topics.exclude")).contains(".*\\.staging", ".*\\.dlq", "_.*");
        assertThat(MirrorSourceConfigs.of(settings.withExactlyOnce(false), Set.of("a.b.v1")).config())
                .doesNotContainKey("exactly.once.support");
    }

    @Test
    void refusesARouteToAClusterTheTopologyDoesNotHave() {
        assertThatThrownBy(() -> ReplicationSettings.of(TOPOLOGY, new ReplicationRoute("eu", "mars"), "http://c:8083"))
                .hasMessageContaining("no cluster named 'mars'");
        assertThatThrownBy(() -> new ReplicationRoute("eu", "eu")).hasMessageContaining("two clusters");
    }

    private static DataProduct product(String domain, String name, String version, String residency) {
        String yaml = """
                apiVersion: meshbone/v1
                kind: DataProduct
                metadata: {name: %s, domain: %s, owner: team@example.com, description: Notes.}
                spec:
                  version: %s
                  type: event
                  value: {schema: note.avsc}
                  classification: internal
                """.formatted(name, domain, version) + (residency == null ? "" : "  residency: " + residency + "\n");
        return ProductDescriptors.parse(name + ".product.yaml", yaml, SchemaFiles.of(Map.of("note.avsc",
                "{\"type\": \"record\", \"name\": \"Note\", \"fields\": [{\"name\": \"id\", \"type\": \"string\"}]}")))
                .orThrow();
    }
}
