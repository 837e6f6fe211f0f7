package io.meshbone.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meshbone.localkafka.LocalKafka;
import io.meshbone.localkafka.testing.SharedSecureKafka;
import io.meshbone.platform.contract.DataProduct;
import io.meshbone.platform.contract.ProductDescriptors;
import io.meshbone.platform.contract.ProductNames;
import io.meshbone.platform.control.ContractClient;
import io.meshbone.platform.control.Decision;
import io.meshbone.platform.health.HealthRegistry;
import io.meshbone.platform.provisioning.AclPlan;
import io.meshbone.platform.registry.SchemaRegistryClient;
import io.meshbone.platform.registry.SchemaRegistryClientSettings;
import io.meshbone.platform.security.AclGrants;
import io.meshbone.platform.security.CredentialStore;
import io.meshbone.platform.security.MeshCredentials;
import io.meshbone.platform.security.MeshPrincipals;
import io.meshbone.platform.security.ScramRegistration;
import io.meshbone.platform.security.ServiceAcls;
import io.meshbone.registry.SchemaRegistryServer;
import io.meshbone.registry.SchemaRegistrySettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Node.js domain team on a secure mesh (SASL/SCRAM-SHA-512 broker with ACLs, the registry with basic auth, the
 * gate and the provisioner each as its own principal): kafkajs and kafkajs' registry client, signed in with the
 * name and password of {@code team-payments}'s credentials file, stage a payment, read it back gated with its
 * lineage, and are refused what the README's ACL tables refuse.
 */
@ExtendWith(SharedSecureKafka.class)
class NodeSecureClientsIT {

    private static final Path DESCRIPTOR = Path.of("..", "schemas", "payments", "payment-settled.product.yaml");
    private static final Path NODE_CLIENTS = Path.of("target", "node-secure-clients");
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aNodeTeamStagesAndReadsItsProductAndIsRefusedWhatTheAclsRefuse(LocalKafka kafka, @TempDir Path dir) throws Exception {
        SecureNodeClients node = SecureNodeClients.install(NODE_CLIENTS);
        CredentialStore store = CredentialStore.in(dir);
        List<MeshCredentials> principals = store.ensureAll(List.of(MeshPrincipals.REGISTRY, MeshPrincipals.GATE,
                MeshPrincipals.PROVISIONER, MeshPrincipals.team("payments"), MeshPrincipals.team("orders"),
                MeshPrincipals.team("customers")));
        try (Admin admin = Admin.create(kafka.adminClientConfig())) {
            ScramRegistration.register(admin, principals);
            AclGrants.grant(admin, ServiceAcls.services());
        }
        DataProduct product = ProductDescriptors.read(DESCRIPTOR);
        ProductNames names = product.names();
        HealthRegistry health = new HealthRegistry();
        try (SchemaRegistryServer registry = SchemaRegistryServer.start(SchemaRegistrySettings.defaults(kafka.bootstrapServers())
                     .withPort(0).withKafkaConfig(store.ensure(MeshPrincipals.REGISTRY).kafkaClientConfig())
                     .withUsersFile(store.httpUsersFile()), health);
             Governance gates = Governance.start(settings(kafka, store, MeshPrincipals.GATE, registry, dir.resolve("gate")),
                     health, Set.of(ContractGate.PART, RecordGate.PART));
             Governance provisioner = Governance.start(settings(kafka, store, MeshPrincipals.PROVISIONER, registry,
                     dir.resolve("provisioner")), health, Set.of(Provisioner.PART))) {
            await().atMost(WAIT).until(() -> gates.running() && provisioner.running());
            try (ContractClient contracts = new ContractClient(kafka.adminClientConfig())) {
                Decision decision = contracts.apply(ContractClient.request(DESCRIPTOR, "payments/payment-settled.product.yaml",
                        MeshPrincipals.kafkaPrincipal(MeshPrincipals.team("payments"))), Duration.ofSeconds(60));
                assertThat(decision.accepted()).as("%s", decision.reasons()).isTrue();
            }
            awaitGrants(kafka, product);
            int schemaId = new SchemaRegistryClient(SchemaRegistryClientSettings.of(registry.url().toString())
                    .withUserInfo(store.ensure(MeshPrincipals.team("payments")).userInfo())).latest(names.valueSubject()).id();

            String run = UUID.randomUUID().toString();
            String orderId = "ord-node-" + run;
            Instant staged = Instant.now();
            JsonNode result = node.run(input(kafka, registry, store, names, run, orderId));

            assertThat(result.path("unexpected").isMissingNode()).as("%s", result).isTrue();
            assertThat(result.path("schemaId").asInt()).as("%s", result).isEqualTo(schemaId);
            assertThat(result.path("produce").path("errorCode").asInt(-1)).as("%s", result).isZero();
            JsonNode consumed = result.path("consume");
            assertThat(consumed.path("key").asText()).as("%s", result).isEqualTo(orderId);
            assertThat(consumed.path("schemaId").asInt()).isEqualTo(schemaId);
            assertThat(consumed.path("value")).isEqualTo(JSON.readTree("""
                    {"paymentId": "pay-%s", "orderId": "%s", "amount": "12.50", "currency": "EUR", "method": "CARD",
                     "settledAt": 1796189417000}""".formatted(run, orderId)));
            JsonNode headers = consumed.path("headers");
            assertThat(JSON.convertValue(headers, Map.class)).containsOnlyKeys(
                    "mesh.product", "mesh.domain", "mesh.schema.id", "mesh.source", "mesh.gate.ts");
            assertThat(headers.path("mesh.product").asText()).isEqualTo("payments.payment-settled");
            assertThat(headers.path("mesh.domain").asText()).isEqualTo("payments");
            assertThat(headers.path("mesh.schema.id").asText()).isEqualTo(String.valueOf(schemaId));
            assertThat(headers.path("mesh.source").asText())
                    .matches(names.stagingTopic() + "/" + result.path("produce").path("partition").asInt() + "/\\d+");
            assertThat(Instant.parse(headers.path("mesh.gate.ts").asText())).isAfter(staged.minusSeconds(1));

            // orders is in the contract's consumers: and reads; customers is not and is refused, as is orders staging.
            assertThat(result.path("consumerDomainConsume").asText()).as("%s", result).isEqualTo(orderId);
            assertRefused(result, "outsiderConsume", "KafkaJSProtocolError", "TOPIC_AUTHORIZATION_FAILED");
            assertRefused(result, "consumerDomainProduce", "KafkaJSNonRetriableError", "TOPIC_AUTHORIZATION_FAILED");
            // A group outside payments-: the broker answers GROUP_AUTHORIZATION_FAILED, which kafkajs reports this way.
            assertThat(result.path("ownerOtherGroupConsume").path("name").asText()).as("%s", result)
                    .isEqualTo("KafkaJSGroupCoordinatorNotFound");
            assertThat(result.path("wrongPasswordKafka").path("name").asText()).as("%s", result)
                    .isEqualTo("KafkaJSSASLAuthenticationError");
            assertThat(result.path("wrongPasswordKafka").path("message").asText())
                    .contains("invalid credentials with SASL mechanism SCRAM-SHA-512");
            assertThat(result.path("wrongPasswordRegistry").path("status").asInt()).as("%s", result).isEqualTo(401);
        }
    }

    private static GovernanceSettings settings(LocalKafka kafka, CredentialStore store, String principal,
                                               SchemaRegistryServer registry, Path stateDir) {
        Map<String, Object> config = new HashMap<>(store.ensure(principal).clientConfig());
        config.put("bootstrap.servers", kafka.bootstrapServers());
        return new GovernanceSettings(config, registry.url().toString(), stateDir, new SimpleMeterRegistry(), Duration.ofSeconds(30));
    }

    /** The provisioner grants the product's readers and writers asynchronously: the script starts once all are in. */
    private static void awaitGrants(LocalKafka kafka, DataProduct product) {
        var wanted = AclPlan.of(List.of(product), List.of(), List.of(), List.of()).bindings();
        try (Admin admin = Admin.create(kafka.adminClientConfig())) {
            await().atMost(WAIT).until(() -> admin.describeAcls(AclBindingFilter.ANY).values().get().containsAll(wanted)
                    && admin.listTopics().names().get().containsAll(AclPlan.topicsOf(product.names())));
        }
    }

    private static JsonNode input(LocalKafka kafka, SchemaRegistryServer registry, CredentialStore store, ProductNames names,
                                  String run, String orderId) {
        ObjectNode input = JSON.createObjectNode();
        input.put("brokers", kafka.bootstrapServers());
        input.put("registryUrl", registry.url().toString());
        input.put("subject", names.valueSubject());
        input.put("stagingTopic", names.stagingTopic());
        input.put("productTopic", names.topic());
        input.put("seconds", 60);
        ObjectNode credentials = input.putObject("credentials");
        credentials.put("owner", store.file(MeshPrincipals.team("payments")).toAbsolutePath().toString());
        credentials.put("consumerDomain", store.file(MeshPrincipals.team("orders")).toAbsolutePath().toString());
        credentials.put("outsider", store.file(MeshPrincipals.team("customers")).toAbsolutePath().toString());
        ObjectNode groups = input.putObject("groups");
        groups.put("owner", "payments-node-" + run);
        groups.put("consumerDomain", "orders-node-" + run);
        groups.put("outsider", "customers-node-" + run);
        groups.put("unprefixed", "node-reader-" + run);
        ObjectNode payment = input.putObject("payment");
        payment.put("paymentId", "pay-" + run);
        payment.put("orderId", orderId);
        payment.put("amountHex", "04e2");
        payment.put("currency", "EUR");
        payment.put("method", "CARD");
        payment.put("settledAt", 1796189417000L);
        return input;
    }

    private static void assertRefused(JsonNode result, String step, String error, String type) {
        assertThat(result.path(step).path("failed").asBoolean()).as("%s: %s", step, result).isTrue();
        assertThat(result.path(step).path("name").asText()).as("%s: %s", step, result).isEqualTo(error);
        assertThat(result.path(step).path("type").asText()).as("%s: %s", step, result).isEqualTo(type);
    }
}
