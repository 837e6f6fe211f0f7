package io.meshbone.governance;

import static io.meshbone.governance.PolicyGateTest.policy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.meshbone.localkafka.KafkaCluster;
import io.meshbone.localkafka.testing.SharedKafka;
import io.meshbone.localkafka.testing.TestTopics;
import io.meshbone.platform.control.ContractClient;
import io.meshbone.platform.control.Decision;
import io.meshbone.platform.control.MeshJson;
import io.meshbone.platform.control.MeshTopics;
import io.meshbone.platform.control.PolicyRequest;
import io.meshbone.platform.control.ProductRequest;
import io.meshbone.platform.policy.Policies;
import io.meshbone.registry.SchemaRegistryServer;
import io.meshbone.registry.SchemaRegistrySettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Policies applied through {@code _mesh.policy-requests} on a real broker and a real schema registry.
 *
 * <p>The broker is shared with other test classes, so every policy here is scoped to a domain only its test uses.
 */
@ExtendWith(SharedKafka.class)
class PolicyIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String OWNER = "User:team-payments";

    private static KafkaCluster kafka;
    private static SchemaRegistryServer registry;
    private static Governance governance;
    private static ContractClient client;

    @BeforeAll
    static void startMesh(KafkaCluster cluster, @TempDir Path stateDir) {
        kafka = cluster;
        registry = SchemaRegistryServer.start(SchemaRegistrySettings.defaults(kafka.bootstrapServers()).withPort(0));
        governance = Governance.start(new GovernanceSettings(kafka.clientConfig(), registry.url().toString(),
                stateDir.resolve("state"), new SimpleMeterRegistry(), Duration.ofSeconds(30)));
        await().atMost(Duration.ofSeconds(120)).until(governance::running);
        client = new ContractClient(kafka.clientConfig());
    }

    @AfterAll
    static void stopMesh() {
        if (client != null) {
            client.close();
        }
        if (governance != null) {
            governance.close();
        }
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void aContractViolatingAMeshWideDenyPolicyIsRejectedNamingIt() throws Exception {
        String domain = uniqueDomain();
        String name = domain + "-min-partitions";
        assertThat(applyPolicy(Policies.GOVERNANCE_PRINCIPAL, policy(name, "mesh", "scope: {domains: [" + domain + "]}",
                "product.spec.partitions >= 6", "deny")).outcome()).isEqualTo(Decision.Outcome.ACCEPTED);

        Decision decision = applyContract(domain, "1.0.0");

        assertThat(decision.outcome()).isEqualTo(Decision.Outcome.REJECTED);
        assertThat(decision.reasons()).containsExactly(domain + "/payment-settled.product.yaml: policy " + name + " v1: fix it.");
    }

    @Test
    void aWarnPolicyAcceptsWithTheWarning() throws Exception {
        String domain = uniqueDomain();
        String name = domain + "-has-slo";
        applyPolicy(Policies.GOVERNANCE_PRINCIPAL, policy(name, "mesh", "scope: {domains: [" + domain + "]}",
                "has(product.spec.slo)", "warn"));

        Decision decision = applyContract(domain, "1.0.0");

        assertThat(decision.outcome()).as("%s", decision.reasons()).isEqualTo(Decision.Outcome.ACCEPTED);
        assertThat(decision.warnings()).containsExactly("policy " + name + " v1: fix it.");
    }

    @Test
    void aDomainPolicyCannotLiftAMeshWideOne() throws Exception {
        String domain = uniqueDomain();
        String name = domain + "-no-retention";
        applyContract(domain, "1.0.0");
        applyPolicy(Policies.GOVERNANCE_PRINCIPAL, policy(name, "mesh", "scope: {domains: [" + domain + "]}",
                "!has(product.spec.retention)", "deny"));

        Decision lifting = applyPolicy(OWNER, policy(name, domain, "", "true", "warn"));
        Decision contract = applyContract(domain, "1.1.0");

        assertThat(lifting.outcome()).isEqualTo(Decision.Outcome.REJECTED);
        assertThat(lifting.reasons()).singleElement().asString().contains("is owned by mesh (mesh-wide)");
        assertThat(contract.outcome()).isEqualTo(Decision.Outcome.REJECTED);
        assertThat(contract.reasons()).singleElement().asString().contains("policy " + name + " v1");
    }

    @Test
    void changingAPolicyMarksAListedProductNoncompliant() throws Exception {
        String domain = uniqueDomain();
        String name = domain + "-partitions";
        String scope = "scope: {domains: [" + domain + "]}";
        applyPolicy(Policies.GOVERNANCE_PRINCIPAL, policy(name, "mesh", scope, "product.spec.partitions >= 1", "deny"));
        assertThat(applyContract(domain, "1.0.0").outcome()).isEqualTo(Decision.Outcome.ACCEPTED);

        Decision change = applyPolicy(Policies.GOVERNANCE_PRINCIPAL, policy(name, "mesh", scope, "product.spec.partitions >= 6", "deny"));

        assertThat(change.outcome()).isEqualTo(Decision.Outcome.ACCEPTED);
        assertThat(change.version()).isEqualTo("2");
        String product = domain + ".payment-settled";
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(decisionsOn(product))
                .anySatisfy(d -> {
                    assertThat(d.outcome()).isEqualTo(Decision.Outcome.NONCOMPLIANT);
                    assertThat(d.reasons()).containsExactly("policy " + name + " v2: fix it.");
                    assertThat(d.principal()).isEqualTo(Policies.GOVERNANCE_PRINCIPAL);
                }));
        assertThat(applyContract(domain, "1.0.0").changed()).as("still listed, nothing delisted").isFalse();
    }

    private static Decision applyPolicy(String principal, String document) throws Exception {
        return client.apply(PolicyRequest.apply(principal, "test.policy.yaml", document), TIMEOUT);
    }

    private static Decision applyContract(String domain, String version) throws Exception {
        return client.apply(ProductRequest.apply(OWNER, domain + "/payment-settled.product.yaml",
                GateFixtures.paymentDescriptor(domain, version), Map.of("payment-settled.avsc", GateFixtures.PAYMENT_AVSC)), TIMEOUT);
    }

    private static List<Decision> decisionsOn(String product) throws Exception {
        Map<String, Object> config = new HashMap<>(kafka.clientConfig());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<Decision> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(MeshTopics.DECISIONS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    if (product.equals(record.key())) {
                        found.add(MeshJson.read(record.value(), Decision.class));
                    }
                }
            }
        }
        return found;
    }

    private static String uniqueDomain() {
        return "pol" + TestTopics.letters(6);
    }
}
