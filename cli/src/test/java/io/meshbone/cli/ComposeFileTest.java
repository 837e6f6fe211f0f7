package io.meshbone.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.api.Test;

/** {@code compose.yaml} at the repository root: the cluster it declares, and that every Meshbone service runs a real invocation. */
class ComposeFileTest {

    private static final Path COMPOSE = Path.of("../compose.yaml");
    private static final String MESHBONE_IMAGE = "meshbone:0.1.0";

    private final JsonNode services = read().path("services");

    @Test
    void declaresThreeKraftBrokersOfTheProjectsKafkaVersionWithThreeCopiesAndTwoInSync() {
        List<JsonNode> brokers = servicesWithImagePrefix("apache/kafka:");
        assertThat(brokers).hasSize(3);
        Set<String> clusterIds = new HashSet<>();
        for (JsonNode broker : brokers) {
            JsonNode env = broker.path("environment");
            assertThat(broker.path("image").asText()).isEqualTo("apache/kafka:" + AppInfoParser.getVersion());
            assertThat(env.path("KAFKA_PROCESS_ROLES").asText()).isEqualTo("broker,controller");
            assertThat(env.path("KAFKA_CONTROLLER_QUORUM_VOTERS").asText().split(",")).hasSize(3);
            assertThat(env.path("KAFKA_DEFAULT_REPLICATION_FACTOR").asText()).isEqualTo("3");
            assertThat(env.path("KAFKA_MIN_INSYNC_REPLICAS").asText()).isEqualTo("2");
            assertThat(env.path("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR").asText()).isEqualTo("3");
            assertThat(env.path("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR").asText()).isEqualTo("3");
            assertThat(env.path("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR").asText()).isEqualTo("2");
            assertThat(env.path("KAFKA_AUTO_CREATE_TOPICS_ENABLE").asText()).isEqualTo("false");
            clusterIds.add(env.path("CLUSTER_ID").asText());
        }
        assertThat(clusterIds).as("one CLUSTER_ID for all three nodes").hasSize(1).doesNotContain("");
    }

    @Test
    void brokersAreSecureByDefault() {
        for (JsonNode broker : servicesWithImagePrefix("apache/kafka:")) {
            JsonNode env = broker.path("environment");
            assertThat(env.path("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP").asText().split(","))
                    .containsExactlyInAnyOrder("INTERNAL:SASL_PLAINTEXT", "CONTROLLER:SASL_PLAINTEXT", "HOST:SASL_PLAINTEXT");
            assertThat(env.path("KAFKA_SASL_ENABLED_MECHANISMS").asText()).isEqualTo("SCRAM-SHA-512");
            assertThat(env.path("KAFKA_SASL_MECHANISM_INTER_BROKER_PROTOCOL").asText()).isEqualTo("SCRAM-SHA-512");
            assertThat(env.path("KAFKA_OPTS").asText()).isEqualTo("-Djava.security.auth.login.config=/tmp/broker_jaas.conf");
            assertThat(env.path("KAFKA_SASL_MECHANISM_CONTROLLER_PROTOCOL").asText()).isEqualTo("PLAIN");
            assertThat(env.path("KAFKA_AUTHORIZER_CLASS_NAME").asText()).isEqualTo("org.apache.kafka.metadata.authorizer.StandardAuthorizer");
            assertThat(env.path("KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND").asText()).isEqualTo("false");
            assertThat(env.path("KAFKA_SUPER_USERS").asText()).isEqualTo("User:admin");
            String command = broker.path("command").get(2).asText();
            assertThat(command).contains("--add-scram \"SCRAM-SHA-512=[name=admin,", "> /tmp/broker_jaas.conf",
                    "internal.KafkaServer", "host.KafkaServer", "controller.KafkaServer", "exec /etc/kafka/docker/run");
            // The image renders no KAFKA_* variable whose value holds an "=", so no JAAS line may be one.
            env.fields().forEachRemaining(variable -> assertThat(variable.getKey().equals("KAFKA_OPTS") || !variable.getValue().asText().contains("="))
                    .as(variable.getKey()).isTrue());
            assertThat(broker.path("healthcheck").path("test").get(1).asText()).contains("--command-config");
        }
    }

    @Test
    void everyMeshboneServiceLogsInWithItsOwnCredentialsFromTheOneShotCredentialsService() {
        JsonNode credentials = services.path("credentials");
        assertThat(credentials.path("command").get(0).asText()).isEqualTo("credentials");
        assertThat(credentials.path("volumes").get(0).asText()).isEqualTo("credentials:/var/lib/meshbone/credentials");
        services.fields().forEachRemaining(service -> {
            JsonNode value = service.getValue();
            if (MESHBONE_IMAGE.equals(value.path("image").asText()) && !service.getKey().equals("credentials")) {
                assertThat(value.path("environment").path("MESHBONE_CONFIG").asText()).as(service.getKey())
                        .matches("/var/lib/meshbone/credentials/[a-z-]+\\.properties");
                assertThat(value.path("volumes").get(0).asText()).as(service.getKey()).isEqualTo("credentials:/var/lib/meshbone/credentials:ro");
                assertThat(value.path("depends_on").path("credentials").path("condition").asText()).as(service.getKey())
                        .isEqualTo("service_completed_successfully");
                String part = value.path("command").get(1).asText();
                if (List.of("registry", "catalog", "connect").contains(part)) {
                    assertThat(value.path("environment").path("MESHBONE_HTTP_USERS_FILE").asText()).as(service.getKey())
                            .isEqualTo("/var/lib/meshbone/credentials/http-users.properties");
                }
            }
        });
    }

    @Test
    void runsEveryPartFromTheOneImageWithTwoGatesAndTwoRegistries() {
        List<String> parts = new ArrayList<>();
        services.fields().forEachRemaining(service -> {
            if (MESHBONE_IMAGE.equals(service.getValue().path("image").asText())) {
                assertThat(service.getValue().path("build").path("dockerfile").asText()).as(service.getKey()).isEqualTo("deploy/Dockerfile");
                if (service.getValue().path("command").get(0).asText().equals("serve")) {
                    parts.add(service.getValue().path("command").get(1).asText());
                }
            }
        });
        assertThat(parts).containsExactlyInAnyOrder("registry", "registry", "governance", "governance", "governance", "catalog",
                "domains", "domains", "domains", "domains", "connect", "demo");
    }

    @Test
    void everyServiceHasAHealthCheckAndWaitsForWhatItDependsOnToBeHealthy() {
        services.fields().forEachRemaining(service -> {
            // A one-shot service (restart "no") is waited for until it exits 0, not until healthy.
            boolean oneShot = service.getValue().path("restart").asText().equals("no");
            assertThat(service.getValue().path("healthcheck").path("test").isArray() || oneShot).as(service.getKey() + " healthcheck.test").isTrue();
            service.getValue().path("depends_on").fields().forEachRemaining(dependency -> {
                boolean onOneShot = services.path(dependency.getKey()).path("restart").asText().equals("no");
                assertThat(dependency.getValue().path("condition").asText())
                        .as(service.getKey() + " depends_on " + dependency.getKey())
                        .isEqualTo(onOneShot ? "service_completed_successfully" : "service_healthy");
                assertThat(services.has(dependency.getKey())).as(service.getKey() + " depends on a declared service").isTrue();
            });
        });
    }

    @Test
    void everyMeshbonePartIsHealthCheckedOnItsManagementPortWhichAsksForNoCredentials() {
        // The API ports of the registry, catalog and Connect ask for basic auth (MESHBONE_HTTP_USERS_FILE); the
        // management port never does, so a check without credentials must go there.
        int checked = 0;
        for (Map.Entry<String, JsonNode> service : (Iterable<Map.Entry<String, JsonNode>>) services::fields) {
            JsonNode command = service.getValue().path("command");
            if (!MESHBONE_IMAGE.equals(service.getValue().path("image").asText()) || !command.path(0).asText().equals("serve")) {
                continue;
            }
            String management = null;
            for (int i = 0; i + 1 < command.size(); i++) {
                if (command.get(i).asText().equals("--management-port")) {
                    management = command.get(i + 1).asText();
                }
            }
            assertThat(management).as(service.getKey() + " --management-port").isNotNull();
            JsonNode test = service.getValue().path("healthcheck").path("test");
            assertThat(test.get(test.size() - 1).asText()).as(service.getKey() + " healthcheck")
                    .isEqualTo("http://localhost:" + management + "/health/ready");
            checked++;
        }
        assertThat(checked).as("registries, gates, provisioner, catalog, four domain services, connect, demo").isEqualTo(12);
    }

    @Test
    void keepsBrokerPostgresAndGrafanaDataInNamedVolumes() {
        Set<String> declared = new HashSet<>();
        read().path("volumes").fieldNames().forEachRemaining(declared::add);
        for (String service : List.of("kafka-1", "kafka-2", "kafka-3", "postgres", "grafana")) {
            List<String> named = new ArrayList<>();
            services.path(service).path("volumes").forEach(volume -> {
                String source = volume.asText().split(":")[0];
                if (!source.startsWith(".") && !source.startsWith("/")) {
                    named.add(source);
                }
            });
            assertThat(named).as(service + " named volumes").isNotEmpty();
            assertThat(declared).as("top-level volumes").containsAll(named);
        }
    }

    @Test
    void provisionsGrafanaWithEveryFileOfDeployGrafana() throws IOException {
        List<String> mounted = new ArrayList<>();
        services.path("grafana").path("volumes").forEach(volume -> mounted.add(volume.asText().split(":")[0]));
        try (Stream<Path> files = Files.list(Path.of("../deploy/grafana"))) {
            files.forEach(file -> assertThat(mounted).contains("./deploy/grafana/" + file.getFileName()));
        }
    }

    /** Fails until {@code meshbone serve} exists: each Meshbone service's command must parse as the CLI parses it. */
    @Test
    void everyMeshboneServiceRunsAValidInvocationAndSetsOnlyVariablesItReads() {
        Map<String, List<String>> problems = new TreeMap<>();
        services.fields().forEachRemaining(service -> {
            if (MESHBONE_IMAGE.equals(service.getValue().path("image").asText())) {
                List<String> command = new ArrayList<>();
                service.getValue().path("command").forEach(argument -> command.add(argument.asText()));
                List<String> environment = new ArrayList<>();
                service.getValue().path("environment").fieldNames().forEachRemaining(environment::add);
                List<String> found = ServeInvocations.problems(command, environment);
                if (!found.isEmpty()) {
                    problems.put(service.getKey(), found);
                }
            }
        });
        assertThat(problems).as("compose.yaml services that would not start as written").isEmpty();
    }

    private List<JsonNode> servicesWithImagePrefix(String prefix) {
        List<JsonNode> matching = new ArrayList<>();
        services.forEach(service -> {
            if (service.path("image").asText().startsWith(prefix)) {
                matching.add(service);
            }
        });
        return matching;
    }

    private static JsonNode read() {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(COMPOSE.toFile());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + COMPOSE.toAbsolutePath(), e);
        }
    }
}
