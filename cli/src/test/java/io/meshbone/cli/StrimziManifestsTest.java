package io.meshbone.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** The hand-written manifests in {@code deploy/kubernetes/}: Strimzi resources valid against the CRDs, Meshbone parts probed on their management ports. */
class StrimziManifestsTest {

    private static final Path MANIFESTS = Path.of("../deploy/kubernetes");
    private static final Set<Integer> MANAGEMENT_PORTS = Set.of(7080, 7081, 7083, 7090, 7091, 7092);
    private static final CrdSchemas CRDS = new CrdSchemas();

    @Test
    void everyStrimziResourceIsValidAgainstItsCrd() {
        Map<String, List<String>> problems = new TreeMap<>();
        int checked = 0;
        for (JsonNode resource : resources()) {
            if (resource.path("apiVersion").asText().startsWith("kafka.strimzi.io/")) {
                List<String> found = CRDS.problems(resource);
                if (!found.isEmpty()) {
                    problems.put(resource.path("kind").asText() + " " + resource.path("metadata").path("name").asText(), found);
                }
                checked++;
            }
        }
        assertThat(problems).isEmpty();
        assertThat(checked).as("Kafka, two KafkaNodePools, KafkaConnect, 19 KafkaUsers").isEqualTo(23);
    }

    @Test
    void runsKraftWithAControllerPoolAndABrokerPoolOfThreeBelongingToTheCluster() {
        JsonNode kafka = only("Kafka");
        String cluster = kafka.path("metadata").path("name").asText();
        assertThat(kafka.path("metadata").path("annotations").path("strimzi.io/kraft").asText()).isEqualTo("enabled");
        assertThat(kafka.path("metadata").path("annotations").path("strimzi.io/node-pools").asText()).isEqualTo("enabled");
        Map<String, Integer> replicasByRole = new TreeMap<>();
        for (JsonNode pool : ofKind("KafkaNodePool")) {
            assertThat(pool.path("metadata").path("labels").path(StrimziTopics.CLUSTER_LABEL).asText()).isEqualTo(cluster);
            pool.path("spec").path("roles").forEach(role -> replicasByRole.merge(role.asText(), pool.path("spec").path("replicas").asInt(), Integer::sum));
        }
        assertThat(replicasByRole).containsExactlyInAnyOrderEntriesOf(Map.of("controller", 3, "broker", 3));
        assertThat(only("KafkaConnect").path("spec").path("bootstrapServers").asText()).isEqualTo(cluster + "-kafka-bootstrap:9092");
    }

    @Test
    void theConnectBuildAddsTheMeshbonePluginAndDebezium() {
        List<String> plugins = new ArrayList<>();
        only("KafkaConnect").path("spec").path("build").path("plugins").forEach(p -> plugins.add(p.path("name").asText()));
        assertThat(plugins).containsExactly("meshbone", "debezium-postgres", "debezium-jdbc");
    }

    @Test
    void everyMeshbonePartIsProbedOnItsManagementPortAndReachesTheStrimziBootstrap() {
        List<JsonNode> deployments = ofKind("Deployment");
        assertThat(deployments).extracting(d -> d.path("metadata").path("name").asText())
                .containsExactlyInAnyOrder("meshbone-registry", "meshbone-governance", "meshbone-provisioner", "meshbone-catalog",
                        "meshbone-domains", "meshbone-domains-payments", "meshbone-domains-customers", "meshbone-domains-shipping",
                        "meshbone-demo");
        for (JsonNode deployment : deployments) {
            JsonNode container = deployment.path("spec").path("template").path("spec").path("containers").get(0);
            String name = deployment.path("metadata").path("name").asText();
            int management = -1;
            for (JsonNode port : container.path("ports")) {
                if (port.path("name").asText().equals("management")) {
                    management = port.path("containerPort").asInt();
                }
            }
            assertThat(MANAGEMENT_PORTS).as(name + " management port").contains(management);
            assertThat(container.path("readinessProbe").path("httpGet").path("path").asText()).as(name).isEqualTo("/health/ready");
            assertThat(container.path("livenessProbe").path("httpGet").path("path").asText()).as(name).isEqualTo("/health/live");
            assertThat(container.path("readinessProbe").path("httpGet").path("port").asText()).as(name).isEqualTo("management");
            assertThat(container.path("livenessProbe").path("httpGet").path("port").asText()).as(name).isEqualTo("management");
            // Prometheus scrapes without credentials: the management port, never the API port that asks for them.
            JsonNode annotations = deployment.path("spec").path("template").path("metadata").path("annotations");
            assertThat(annotations.path("prometheus.io/port").asText()).as(name + " scrape port").isEqualTo(Integer.toString(management));
            assertThat(annotations.path("prometheus.io/path").asText()).as(name + " scrape path").isEqualTo("/metrics");
            assertThat(environment(container)).as(name).containsEntry("MESHBONE_BOOTSTRAP_SERVER", "meshbone-kafka-bootstrap:9092");
        }
        assertThat(only("Deployment", "meshbone-registry").path("spec").path("replicas").asInt()).isEqualTo(2);
        assertThat(only("Deployment", "meshbone-governance").path("spec").path("replicas").asInt()).isEqualTo(2);
    }

    @Test
    void everyListenerTakesScramLoginsAndOnlyTheAdminIsASuperUser() {
        JsonNode kafka = only("Kafka").path("spec").path("kafka");
        assertThat(kafka.path("listeners")).isNotEmpty().allSatisfy(listener ->
                assertThat(listener.path("authentication").path("type").asText()).as(listener.path("name").asText()).isEqualTo("scram-sha-512"));
        assertThat(kafka.path("authorization").path("type").asText()).isEqualTo("simple");
        assertThat(kafka.path("authorization").path("superUsers")).extracting(JsonNode::asText).containsExactly("admin");
        assertThat(kafka.path("config").path("auto.create.topics.enable").asBoolean(true)).isFalse();
        assertThat(only("KafkaConnect").path("spec").path("authentication").path("passwordSecret").path("secretName").asText())
                .isEqualTo("connect");
    }

    @Test
    void everyMeshboneDeploymentLogsInAsItsOwnKafkaUser() {
        List<String> users = new ArrayList<>();
        ofKind("KafkaUser").forEach(user -> {
            users.add(user.path("metadata").path("name").asText());
            assertThat(user.path("spec").path("authentication").path("type").asText()).isEqualTo("scram-sha-512");
        });
        assertThat(users).contains("admin", "registry", "gate", "provisioner", "catalog", "connect", "demo",
                "app-orders", "app-payments", "app-customers", "app-shipping");
        Map<String, String> secrets = new TreeMap<>();
        for (JsonNode deployment : ofKind("Deployment")) {
            JsonNode container = deployment.path("spec").path("template").path("spec").path("containers").get(0);
            String name = deployment.path("metadata").path("name").asText();
            assertThat(environment(container)).as(name).containsEntry("MESHBONE_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT")
                    .containsEntry("MESHBONE_KAFKA_SASL_MECHANISM", "SCRAM-SHA-512");
            container.path("env").forEach(variable -> {
                if (variable.path("name").asText().equals("MESHBONE_KAFKA_SASL_JAAS_CONFIG")) {
                    JsonNode secret = variable.path("valueFrom").path("secretKeyRef");
                    assertThat(secret.path("key").asText()).as(name).isEqualTo("sasl.jaas.config");
                    secrets.put(name, secret.path("name").asText());
                }
            });
        }
        assertThat(secrets).containsEntry("meshbone-registry", "registry").containsEntry("meshbone-governance", "gate")
                .containsEntry("meshbone-provisioner", "provisioner").containsEntry("meshbone-catalog", "catalog")
                .containsEntry("meshbone-domains", "app-orders").containsEntry("meshbone-domains-payments", "app-payments")
                .containsEntry("meshbone-domains-customers", "app-customers").containsEntry("meshbone-domains-shipping", "app-shipping")
                .containsEntry("meshbone-demo", "demo");
        assertThat(users).containsAll(secrets.values());
        assertThat(only("Deployment", "meshbone-provisioner").path("spec").path("template").path("spec").path("containers").get(0)
                .path("args")).extracting(JsonNode::asText).contains("--no-acls");
    }

    @Test
    void theRegistryAndTheCatalogSignHttpCallersInAndEveryRegistryClientSignsInAsItsUser() {
        for (String name : List.of("meshbone-registry", "meshbone-catalog")) {
            JsonNode pod = only("Deployment", name).path("spec").path("template").path("spec");
            String file = environment(pod.path("containers").get(0)).get("MESHBONE_HTTP_USERS_FILE");
            assertThat(file).as(name).isEqualTo("/etc/meshbone-http-users/http-users.properties");
            List<String> secrets = new ArrayList<>();
            pod.path("volumes").forEach(v -> secrets.add(v.path("secret").path("secretName").asText()));
            assertThat(secrets).as(name).contains("meshbone-http-users");
            List<String> mounts = new ArrayList<>();
            pod.path("containers").get(0).path("volumeMounts").forEach(m -> mounts.add(m.path("mountPath").asText()));
            assertThat(mounts).as(name).contains("/etc/meshbone-http-users");
        }
        for (JsonNode deployment : ofKind("Deployment")) {
            String name = deployment.path("metadata").path("name").asText();
            if (name.equals("meshbone-registry")) {
                continue;
            }
            JsonNode container = deployment.path("spec").path("template").path("spec").path("containers").get(0);
            Map<String, String> environment = environment(container);
            String user = secretOf(container, "MESHBONE_KAFKA_SASL_JAAS_CONFIG");
            assertThat(environment).as(name).containsEntry("MESHBONE_KAFKA_BASIC_AUTH_CREDENTIALS_SOURCE", "USER_INFO")
                    .containsEntry("MESHBONE_KAFKA_BASIC_AUTH_USER_INFO", user + ":$(KAFKA_USER_PASSWORD)");
            assertThat(secretOf(container, "KAFKA_USER_PASSWORD")).as(name).isEqualTo(user);
            List<String> order = new ArrayList<>();
            container.path("env").forEach(e -> order.add(e.path("name").asText()));
            // Kubernetes expands $(VAR) only from variables defined before.
            assertThat(order.indexOf("KAFKA_USER_PASSWORD")).as(name).isLessThan(order.indexOf("MESHBONE_KAFKA_BASIC_AUTH_USER_INFO"));
        }
    }

    /** The Secret a variable of the container is read from. */
    static String secretOf(JsonNode container, String variable) {
        for (JsonNode e : container.path("env")) {
            if (e.path("name").asText().equals(variable)) {
                return e.path("valueFrom").path("secretKeyRef").path("name").asText();
            }
        }
        throw new AssertionError("no variable " + variable);
    }

    /** Fails until {@code meshbone serve} exists: each Deployment's arguments must parse as the CLI parses them. */
    @Test
    void everyDeploymentRunsAValidInvocationAndSetsOnlyVariablesItReads() {
        Map<String, List<String>> problems = new TreeMap<>();
        for (JsonNode deployment : ofKind("Deployment")) {
            JsonNode container = deployment.path("spec").path("template").path("spec").path("containers").get(0);
            List<String> arguments = new ArrayList<>();
            container.path("args").forEach(a -> arguments.add(a.asText()));
            List<String> found = ServeInvocations.problems(arguments, environment(container).keySet());
            if (!found.isEmpty()) {
                problems.put(deployment.path("metadata").path("name").asText(), found);
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void aResourceWithAWrongTypeOrAnUnknownFieldIsRejected() {
        ObjectNode topic = (ObjectNode) CrdSchemas.documents(Path.of("src/test/resources/strimzi/valid-topic.yaml")).get(0);
        assertThat(CRDS.problems(topic)).isEmpty();

        ObjectNode wrongType = topic.deepCopy();
        ((ObjectNode) wrongType.path("spec")).put("partitions", "six");
        assertThat(CRDS.problems(wrongType)).singleElement().asString().contains("partitions").contains("integer");

        ObjectNode unknownField = topic.deepCopy();
        ((ObjectNode) unknownField.path("spec")).put("partition", 6);
        assertThat(CRDS.problems(unknownField)).singleElement().asString().contains("partition");

        ObjectNode tooFew = topic.deepCopy();
        ((ObjectNode) tooFew.path("spec")).put("replicas", 0);
        assertThat(CRDS.problems(tooFew)).singleElement().asString().contains("replicas");

        ObjectNode pool = (ObjectNode) ofKind("KafkaNodePool").get(0).deepCopy();
        ((ObjectNode) pool.path("spec")).remove("roles");
        assertThat(CRDS.problems(pool)).singleElement().asString().contains("roles");
    }

    private static Map<String, String> environment(JsonNode container) {
        Map<String, String> environment = new TreeMap<>();
        container.path("env").forEach(e -> environment.put(e.path("name").asText(), e.path("value").asText()));
        return environment;
    }

    private static List<JsonNode> resources() {
        try (Stream<Path> files = Files.list(MANIFESTS)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted()
                    .flatMap(f -> CrdSchemas.documents(f).stream()).toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + MANIFESTS, e);
        }
    }

    private static List<JsonNode> ofKind(String kind) {
        return resources().stream().filter(r -> r.path("kind").asText().equals(kind)).toList();
    }

    private static JsonNode only(String kind) {
        List<JsonNode> found = ofKind(kind);
        assertThat(found).as(kind).hasSize(1);
        return found.get(0);
    }

    private static JsonNode only(String kind, String name) {
        return ofKind(kind).stream().filter(r -> r.path("metadata").path("name").asText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }
}
