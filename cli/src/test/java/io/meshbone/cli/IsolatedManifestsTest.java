package io.meshbone.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.meshbone.platform.mesh.MeshCluster;
import io.meshbone.platform.mesh.MeshTopology;
import org.junit.jupiter.api.Test;

/** The isolated pattern's manifests in {@code deploy/kubernetes/isolated/}: a second Strimzi cluster, MirrorMaker 2, the shared clusters.yaml. */
class IsolatedManifestsTest {

    private static final Path ISOLATED = Path.of("../deploy/kubernetes/isolated");
    private static final Path BASE = Path.of("../deploy/kubernetes");
    private static final CrdSchemas CRDS = new CrdSchemas();

    @Test
    void everyStrimziResourceIsValidAgainstItsCrd() {
        Map<String, List<String>> problems = new TreeMap<>();
        List<String> checked = new ArrayList<>();
        for (JsonNode resource : resources(ISOLATED)) {
            if (resource.path("apiVersion").asText().startsWith("kafka.strimzi.io/")) {
                String id = resource.path("kind").asText() + " " + resource.path("metadata").path("name").asText();
                List<String> found = CRDS.problems(resource);
                if (!found.isEmpty()) {
                    problems.put(id, found);
                }
                checked.add(id);
            }
        }
        assertThat(problems).isEmpty();
        assertThat(checked).contains("Kafka meshbone-eu", "KafkaNodePool eu-controllers",
                "KafkaNodePool eu-brokers", "KafkaMirrorMaker2 meshbone-exchange-to-eu", "KafkaUser mirror-maker",
                "KafkaUser gate", "KafkaUser admin").hasSize(5 + 20);
    }

    @Test
    void theEuClusterIsSecureAsTheExchangeAndEveryEuPartLogsInAsAnEuUser() {
        JsonNode kafka = ofKind("Kafka").get(0).path("spec").path("kafka");
        assertThat(kafka.path("listeners")).isNotEmpty().allSatisfy(listener ->
                assertThat(listener.path("authentication").path("type").asText()).isEqualTo("scram-sha-512"));
        assertThat(kafka.path("authorization").path("type").asText()).isEqualTo("simple");
        assertThat(kafka.path("authorization").path("superUsers")).extracting(JsonNode::asText).containsExactly("admin");
        assertThat(ofKind("Kafka").get(0).path("spec").path("entityOperator").path("userOperator").path("watchedNamespace")
                .asText()).isEqualTo(IsolatedUsersTest.NAMESPACE);
        List<String> euUsers = new ArrayList<>();
        ofKind("KafkaUser").stream().filter(u -> u.path("metadata").path("namespace").asText().equals(IsolatedUsersTest.NAMESPACE))
                .forEach(u -> euUsers.add(u.path("metadata").path("name").asText()));
        JsonNode target = ofKind("KafkaMirrorMaker2").get(0).path("spec").path("target").path("authentication");
        assertThat(target.path("type").asText()).isEqualTo("scram-sha-512");
        assertThat(euUsers).contains(target.path("username").asText(), target.path("passwordSecret").path("secretName").asText());
        for (JsonNode deployment : ofKind("Deployment")) {
            JsonNode container = deployment.path("spec").path("template").path("spec").path("containers").get(0);
            String user = StrimziManifestsTest.secretOf(container, "MESHBONE_KAFKA_SASL_JAAS_CONFIG");
            assertThat(euUsers).as(deployment.path("metadata").path("name").asText()).contains(user);
            assertThat(StrimziManifestsTest.secretOf(container, "KAFKA_USER_PASSWORD")).isEqualTo(user);
        }
        // The parts reading eu from the exchange log in with the exchange user's Secret: eu has a user of each name.
        assertThat(euUsers).contains("gate", "catalog", "app-orders", "app-payments", "app-customers", "app-shipping");
    }

    @Test
    void clustersYamlNamesEveryStrimziClusterByItsBootstrapService() throws Exception {
        MeshTopology topology = topology();
        List<String> kafkas = new ArrayList<>();
        Stream.concat(resources(BASE).stream(), resources(ISOLATED).stream())
                .filter(r -> r.path("kind").asText().equals("Kafka"))
                .forEach(k -> kafkas.add(k.path("metadata").path("name").asText() + "-kafka-bootstrap:9092"));
        assertThat(topology.clusters()).extracting(MeshCluster::bootstrapServers).containsExactlyInAnyOrderElementsOf(kafkas);
        assertThat(topology.exchange().bootstrapServers()).isEqualTo("meshbone-kafka-bootstrap:9092");
        assertThat(topology.clusterOf("customers").name()).isEqualTo("eu");
        assertThat(topology.clusterOf("shipping").name()).isEqualTo("eu");
    }

    @Test
    void theEuNodePoolsBelongToTheEuClusterWithThreeControllersAndThreeBrokers() {
        Map<String, Integer> replicasByRole = new TreeMap<>();
        for (JsonNode pool : ofKind("KafkaNodePool")) {
            assertThat(pool.path("metadata").path("labels").path(StrimziTopics.CLUSTER_LABEL).asText()).isEqualTo("meshbone-eu");
            pool.path("spec").path("roles").forEach(role ->
                    replicasByRole.merge(role.asText(), pool.path("spec").path("replicas").asInt(), Integer::sum));
        }
        assertThat(replicasByRole).containsExactlyInAnyOrderEntriesOf(Map.of("controller", 3, "broker", 3));
    }

    @Test
    void mirrorMakerCopiesTheExchangesProductTopicsToEuUnderTheirNamesAndNothingElse() throws Exception {
        JsonNode mirror = ofKind("KafkaMirrorMaker2").get(0);
        MeshTopology topology = topology();
        assertThat(mirror.path("spec").path("target").path("bootstrapServers").asText())
                .isEqualTo(topology.cluster("eu").orElseThrow().bootstrapServers());
        JsonNode only = mirror.path("spec").path("mirrors").get(0);
        assertThat(mirror.path("spec").path("mirrors")).hasSize(1);
        assertThat(only.path("source").path("bootstrapServers").asText()).isEqualTo(topology.exchange().bootstrapServers());
        // The exchange is secure: the mirror reads it as a KafkaUser of its own.
        assertThat(only.path("source").path("authentication").path("type").asText()).isEqualTo("scram-sha-512");
        assertThat(only.path("source").path("authentication").path("passwordSecret").path("secretName").asText()).isEqualTo("mirror-maker");
        JsonNode config = only.path("sourceConnector").path("config");
        assertThat(config.path("replication.policy.class").asText())
                .isEqualTo("org.apache.kafka.connect.mirror.IdentityReplicationPolicy");
        assertThat(config.path("exactly.once.support").asText()).isEqualTo("required");
        String pattern = only.path("topicsPattern").asText();
        assertThat("orders.order-placed.v1").matches(pattern);
        assertThat("payments.payment-settled.v1").matches(pattern);
        for (String never : List.of("customers.customer-profile.v1", "shipping.delivery-request.v1",
                "orders.order-placed.v1.staging", "orders.order-placed.v1.dlq", "_mesh.products", "_schemas")) {
            assertThat(never).doesNotMatch(pattern);
        }
    }

    @Test
    void theEuPartsReachTheEuClusterWithTheClustersFileAndValidInvocations() {
        List<JsonNode> deployments = ofKind("Deployment");
        assertThat(deployments).extracting(d -> d.path("metadata").path("name").asText())
                .containsExactlyInAnyOrder("meshbone-eu-governance", "meshbone-eu-provisioner", "meshbone-eu-domains-customers",
                        "meshbone-eu-domains-shipping");
        for (JsonNode deployment : deployments) {
            String name = deployment.path("metadata").path("name").asText();
            JsonNode container = deployment.path("spec").path("template").path("spec").path("containers").get(0);
            Map<String, String> environment = new TreeMap<>();
            container.path("env").forEach(e -> environment.put(e.path("name").asText(), e.path("value").asText()));
            assertThat(environment).as(name).containsEntry("MESHBONE_BOOTSTRAP_SERVER", "meshbone-eu-kafka-bootstrap:9092")
                    .containsEntry("MESHBONE_CLUSTERS", "/etc/meshbone/clusters.yaml");
            List<String> arguments = new ArrayList<>();
            container.path("args").forEach(a -> arguments.add(a.asText()));
            assertThat(ServeInvocations.problems(arguments, environment.keySet())).as(name).isEmpty();
            List<String> configMaps = new ArrayList<>();
            deployment.path("spec").path("template").path("spec").path("volumes")
                    .forEach(v -> configMaps.add(v.path("configMap").path("name").asText()));
            assertThat(configMaps).as(name).contains("meshbone-clusters");
        }
    }

    @Test
    void theKustomizationNamesEveryManifestOfTheFolder() throws IOException {
        JsonNode kustomization = CrdSchemas.documents(ISOLATED.resolve("kustomization.yaml")).get(0);
        List<String> resources = new ArrayList<>();
        kustomization.path("resources").forEach(r -> resources.add(r.asText()));
        try (Stream<Path> files = Files.list(ISOLATED)) {
            files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".yaml") && !f.equals("kustomization.yaml"))
                    .forEach(f -> assertThat(resources).contains(f));
        }
        resources.forEach(r -> assertThat(ISOLATED.resolve(r)).exists());
    }

    static MeshTopology topology() {
        JsonNode configMap = resources(ISOLATED).stream().filter(r -> r.path("kind").asText().equals("ConfigMap")
                && r.path("metadata").path("name").asText().equals("meshbone-clusters")).findFirst().orElseThrow();
        return MeshTopology.parse("meshbone-clusters", configMap.path("data").path("clusters.yaml").asText());
    }

    private static List<JsonNode> ofKind(String kind) {
        return resources(ISOLATED).stream().filter(r -> r.path("kind").asText().equals(kind)).toList();
    }

    private static List<JsonNode> resources(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".yaml") && !f.endsWith("kustomization.yaml")).sorted()
                    .flatMap(f -> CrdSchemas.documents(f).stream()).toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + folder, e);
        }
    }
}
