package io.meshbone.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.meshbone.localkafka.KafkaCluster;
import io.meshbone.localkafka.testing.SharedKafka;
import io.meshbone.localkafka.testing.TestTopics;
import io.meshbone.platform.control.AccessGrant;
import io.meshbone.platform.control.AccessRequest;
import io.meshbone.platform.control.ContractClient;
import io.meshbone.platform.control.Decision;
import io.meshbone.platform.control.DomainOwners;
import io.meshbone.platform.control.DomainOwnership;
import io.meshbone.platform.control.DomainRequest;
import io.meshbone.platform.control.MeshJson;
import io.meshbone.platform.control.MeshTopics;
import io.meshbone.platform.control.ProductRequest;
import io.meshbone.platform.health.HealthRegistry;
import io.meshbone.platform.health.PartHealth;
import io.meshbone.registry.SchemaRegistryServer;
import io.meshbone.registry.SchemaRegistrySettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Access requests and domain ownership through the contract gate on a real broker and registry: only a domain's owner
 * grants, denies and revokes; only the admin creates domains; a transfer approved by the current owner moves the right
 * to list products; hostile events are answered with reasons and never stop the gate.
 */
@ExtendWith(SharedKafka.class)
class AccessAndDomainsIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String SUFFIX = TestTopics.letters(6);

    private static KafkaCluster kafka;
    private static SchemaRegistryServer registry;
    private static Governance governance;
    private static final HealthRegistry health = new HealthRegistry();

    @BeforeAll
    static void startMesh(KafkaCluster cluster, @TempDir Path stateDir) {
        kafka = cluster;
        registry = SchemaRegistryServer.start(SchemaRegistrySettings.defaults(kafka.bootstrapServers()).withPort(0));
        governance = Governance.start(new GovernanceSettings(kafka.clientConfig(), registry.url().toString(),
                stateDir.resolve("state"), new SimpleMeterRegistry(), Duration.ofSeconds(30)), health, Set.of(ContractGate.PART));
        await().atMost(Duration.ofSeconds(120)).until(governance::running);
    }

    @AfterAll
    static void stopMesh() {
        if (governance != null) {
            governance.close();
        }
        if (registry != null) {
            registry.close();
        }
    }

    @AfterEach
    void theGateStillRuns() {
        assertThat(health.parts()).isNotEmpty().noneMatch(PartHealth::failed);
        assertThat(governance.running()).isTrue();
    }

    @Test
    void anApprovalByTheOwnerGrantsAndIsADecision() throws Exception {
        String domain = "grant" + SUFFIX;
        String product = listed(domain);
        Decision asked = send(AccessRequest.request(product, "User:app-reader", "weekly revenue report", true));
        assertThat(asked.outcome()).isEqualTo(Decision.Outcome.ACCEPTED);
        assertThat(asked.kind()).isEqualTo(Decision.Kind.ACCESS_REQUEST);

        Decision approved = send(AccessRequest.settle(AccessRequest.Type.APPROVE, asked.requestId(), owner(domain), "ok"));
        assertThat(approved.outcome()).isEqualTo(Decision.Outcome.ACCEPTED);
        assertThat(approved.kind()).isEqualTo(Decision.Kind.ACCESS_GRANT);
        assertThat(approved.product()).isEqualTo(product);
        assertThat(approved.subject()).isEqualTo("User:app-reader");
        assertThat(approved.refersTo()).isEqualTo(asked.requestId());

        AccessGrant grant = await().atMost(TIMEOUT).until(() -> latest(MeshTopics.ACCESS_GRANTS, AccessGrant.class)
                .get(product + "|User:app-reader"), g -> g != null);
        assertThat(grant.pii()).isTrue();
        assertThat(grant.grantedBy()).isEqualTo(owner(domain));
        assertThat(grant.requestId()).isEqualTo(asked.requestId());
        assertThat(grant.reason()).isEqualTo("weekly revenue report");

        Decision again = send(AccessRequest.settle(AccessRequest.Type.APPROVE, asked.requestId(), owner(domain), null));
        assertThat(again.outcome()).isEqualTo(Decision.Outcome.REJECTED);
        assertThat(again.reasons()).anyMatch(r -> r.contains("approved already"));
    }

    @Test
    void anApprovalByANonOwnerIsRejectedWithTheReasonAndGrantsNothing() throws Exception {
        String domain = "nonowner" + SUFFIX;
        String product = listed(domain);
        Decision asked = send(AccessRequest.request(product, "User:app-sneaky", "curiosity", false));
        Decision approved = send(AccessRequest.settle(AccessRequest.Type.APPROVE, asked.requestId(), "User:app-sneaky", null));
        assertThat(approved.outcome()).isEqualTo(Decision.Outcome.REJECTED);
        assertThat(approved.reasons()).singleElement().asString()
                .contains("User:app-sneaky may not approve " + product).contains(owner(domain));
        // The owner still can: the rejected approval left the request pending.
        assertThat(send(AccessRequest.settle(AccessRequest.Type.APPROVE, asked.requestId(), DomainOwners.ADMIN, null)).outcome())
                .isEqualTo(Decision.Outcome.ACCEPTED);
    }

    @Test
    void aDenialNeedsAReasonAndGrantsNothing() throws Exception {
        String domain = "deny" + SUFFIX;
        String product = listed(domain);
        Decision asked = send(AccessRequest.request(product, "User:app-other", "ad targeting", true));
        Decision silent = send(AccessRequest.settle(AccessRequest.Type.DENY, asked.requestId(), owner(domain), " "));
        assertThat(silent.outcome()).isEqualTo(Decision.Outcome.REJECTED);
        assertThat(silent.reasons()).anyMatch(r -> r.startsWith("reason:"));

        Decision denied = send(AccessRequest.settle(AccessRequest.Type.DENY, asked.requestId(), owner(domain), "not for ads"));
        assertThat(denied.outcome()).isEqualTo(Decision.Outcome.ACCEPTED);
        assertThat(denied.kind()).isEqualTo(Decision.Kind.ACCESS_DENIAL);
        assertThat(denied.reasons()).containsExactly("denied by " + owner(domain) + ": not for ads");
        assertThat(latest(MeshTopics.ACCESS_GRANTS, AccessGrant.class)).doesNotContainKey(product + "|User:app-other");
    }

    @Test
    void aRevocationByTheOwnerTombstonesTheGrant() throws Exception {
        String domain = "revoke" + SUFFIX;
        String product = listed(domain);
        Decision asked = send(AccessRequest.request(product, "User:app-former", "migration", false));
        send(AccessRequest.settle(AccessRequest.Type.APPROVE, asked.requestId(), owner(domain), null));
        String key = product + "|User:app-former";
        await().atMost(TIMEOUT).until(() -> latest(MeshTopics.ACCESS_GRANTS, AccessGrant.class).containsKey(key));

        Decision byStranger = send(AccessRequest.revoke(product, "User:app-former", "User:app-former", null));
        assertThat(byStranger.outcome()).isEqualTo(Decision.Outcome.REJECTED);
        Decision revoked = send(AccessRequest.revoke(product, "User:app-former", owner(domain), "migration done"));
        assertThat(revoked.outcome()).isEqualTo(Decision.Outcome.ACCEPTED);
        assertThat(revoked.kind()).isEqualTo(Decision.Kind.ACCESS_REVOCATION);
        assertThat(revoked.refersTo()).isEqualTo(asked.requestId());
        await().atMost(TIMEOUT).until(() -> !latest(MeshTopics.ACCESS_GRANTS, AccessGrant.class).containsKey(key));
        assertThat(send(AccessRequest.revoke(product, "User:app-former", owner(domain), null)).outcome())
                .isEqualTo(Decision.Outcome.REJECTED);
    }

    @Test
    void onlyTheAdminCreatesADomainAndOnlyOnce() throws Exception {
        String domain = "created" + SUFFIX;
        Decision byTeam = send(DomainRequest.create(domain, owner(domain), owner(domain)));
        assertThat(byTeam.outcome()).isEqualTo(Decision.Outcome.REJECTED);
        assertThat(byTeam.reasons()).singleElement().asString().contains("may not create domains");

        Decision created = send(DomainRequest.create(domain, owner(domain), DomainOwners.ADMIN));
        assertThat(created.outcome()).isEqualTo(Decision.Outcome.ACCEPTED);
        assertThat(created.kind()).isEqualTo(Decision.Kind.DOMAIN_CREATION);
        assertThat(created.domain()).isEqualTo(domain);
        DomainOwnership ownership = await().atMost(TIMEOUT).until(() -> latest(MeshTopics.DOMAINS, DomainOwnership.class)
                .get(domain), o -> o != null);
        assertThat(ownership.owner()).isEqualTo(owner(domain));
        assertThat(ownership.decidedBy()).isEqualTo(DomainOwners.ADMIN);

        Decision twice = send(DomainRequest.create(domain, "User:someone-else", DomainOwners.ADMIN));
        assertThat(twice.outcome()).isEqualTo(Decision.Outcome.REJECTED);
        assertThat(twice.reasons()).singleElement().asString().contains("ownership moves only by transfer");
        // Nobody but the owner lists in a registered domain, even one with nothing listed yet.
        assertThat(apply(domain, "User:first-comer").outcome()).isEqualTo(Decision.Outcome.REJECTED);
        assertThat(apply(domain, owner(domain)).outcome()).isEqualTo(Decision.Outcome.ACCEPTED);
    }

    @Test
    void aTransferApprovedByTheCurrentOwnerMovesTheRightToList() throws Exception {
        String domain = "moved" + SUFFIX;
        String central = "User:central-data-team";
        String team = owner(domain);
        assertThat(send(DomainRequest.create(domain, central, DomainOwners.ADMIN)).outcome()).isEqualTo(Decision.Outcome.ACCEPTED);
        assertThat(apply(domain, central).outcome()).isEqualTo(Decision.Outcome.ACCEPTED);

        Decision onBehalf = send(DomainRequest.transfer(domain, team, "User:app-meddler", null));
        assertThat(onBehalf.outcome()).isEqualTo(Decision.Outcome.REJECTED);
        Decision asked = send(DomainRequest.transfer(domain, team, team, "the domain team runs it now"));
        assertThat(asked.outcome()).isEqualTo(Decision.Outcome.ACCEPTED);
        assertThat(asked.kind()).isEqualTo(Decision.Kind.DOMAIN_TRANSFER_REQUEST);
        Decision selfApproved = send(DomainRequest.settle(DomainRequest.Type.APPROVE, asked.requestId(), team, null));
        assertThat(selfApproved.outcome()).isEqualTo(Decision.Outcome.REJECTED);
        assertThat(selfApproved.reasons()).singleElement().asString().contains("only its current owner " + central);

        Decision moved = send(DomainRequest.settle(DomainRequest.Type.APPROVE, asked.requestId(), central, "handing over"));
        assertThat(moved.outcome()).isEqualTo(Decision.Outcome.ACCEPTED);
        assertThat(moved.kind()).isEqualTo(Decision.Kind.DOMAIN_TRANSFER);
        assertThat(moved.subject()).isEqualTo(team);
        assertThat(moved.refersTo()).isEqualTo(asked.requestId());
        await().atMost(TIMEOUT).until(() -> latest(MeshTopics.DOMAINS, DomainOwnership.class).get(domain),
                o -> o != null && team.equals(o.owner()));

        Decision oldOwner = apply(domain, central, "1.1.0");
        assertThat(oldOwner.outcome()).isEqualTo(Decision.Outcome.REJECTED);
        assertThat(oldOwner.reasons()).anyMatch(r -> r.contains("may not act for domain '" + domain + "'") && r.contains(team));
        assertThat(apply(domain, team, "1.1.0").outcome()).isEqualTo(Decision.Outcome.ACCEPTED);
        Decision retireByOld = retire(domain + ".payment-settled", central);
        assertThat(retireByOld.outcome()).isEqualTo(Decision.Outcome.REJECTED);
    }

    @Test
    void hostileAccessAndDomainEventsAreRejectedWithReasons() throws Exception {
        String key = "hostile" + SUFFIX;
        List<byte[]> malformed = List.of("not json".getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8),
                "{\"id\":\"x-1\",\"type\":\"EXPLODE\"}".getBytes(StandardCharsets.UTF_8),
                "{\"id\":\"x-2\"}".getBytes(StandardCharsets.UTF_8));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(kafka.clientConfig(), new StringSerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer())) {
            for (byte[] value : malformed) {
                producer.send(new ProducerRecord<>(MeshTopics.ACCESS_REQUESTS, key, value)).get();
                producer.send(new ProducerRecord<>(MeshTopics.DOMAIN_REQUESTS, key, value)).get();
            }
        }
        List<Decision> answered = await().atMost(TIMEOUT).until(() -> decisions("access:" + key, "domain:" + key),
                d -> d.size() >= 2 * malformed.size());
        assertThat(answered).allSatisfy(d -> {
            assertThat(d.outcome()).isEqualTo(Decision.Outcome.REJECTED);
            assertThat(d.reasons()).isNotEmpty();
        });
        assertThat(answered).flatExtracting(Decision::reasons)
                .anyMatch(r -> r.contains(": the event is not an AccessRequest JSON document: "))
                .anyMatch(r -> r.contains(": the event is not a DomainRequest JSON document: "))
                .anyMatch(r -> r.endsWith(": id, type: an access event has an id and a type (REQUEST, APPROVE, DENY or REVOKE)"))
                .anyMatch(r -> r.endsWith(": id, type: a domain event has an id and a type (CREATE, TRANSFER, APPROVE or DENY)"));
        assertThat(answered).extracting(Decision::requestId).contains("x-2")
                .anyMatch(id -> id.startsWith("unreadable-")).anyMatch(id -> id.startsWith("unidentified-"));
        Decision unknown = send(AccessRequest.settle(AccessRequest.Type.APPROVE, "no-such-id", DomainOwners.ADMIN, null));
        assertThat(unknown.reasons()).singleElement().asString().contains("no access request with id 'no-such-id'");
        Decision unlisted = send(AccessRequest.request("nowhere" + SUFFIX + ".nothing", "User:app-x", "why not", false));
        assertThat(unlisted.reasons()).singleElement().asString().startsWith("product: no listed product");
        // The gate still decides a real request after them.
        assertThat(apply("after" + SUFFIX, owner("after" + SUFFIX)).outcome()).isEqualTo(Decision.Outcome.ACCEPTED);
    }

    private static String owner(String domain) {
        return "User:team-" + domain;
    }

    private static String listed(String domain) throws Exception {
        assertThat(apply(domain, owner(domain)).outcome()).isEqualTo(Decision.Outcome.ACCEPTED);
        return domain + ".payment-settled";
    }

    private static Decision apply(String domain, String principal) throws Exception {
        return apply(domain, principal, "1.0.0");
    }

    private static Decision apply(String domain, String principal, String version) throws Exception {
        try (ContractClient contracts = new ContractClient(kafka.clientConfig())) {
            return contracts.apply(ProductRequest.apply(principal, "payment-settled.product.yaml",
                    GateFixtures.paymentDescriptor(domain, version), Map.of("payment-settled.avsc", GateFixtures.PAYMENT_AVSC)),
                    TIMEOUT);
        }
    }

    private static Decision retire(String product, String principal) throws Exception {
        try (ContractClient contracts = new ContractClient(kafka.clientConfig())) {
            return contracts.apply(new ProductRequest(UUID.randomUUID().toString(), ProductRequest.Action.RETIRE, principal,
                    product, "", Map.of(), java.time.Instant.now()), TIMEOUT);
        }
    }

    private static Decision send(AccessRequest event) throws Exception {
        try (ContractClient contracts = new ContractClient(kafka.clientConfig())) {
            return contracts.apply(event, TIMEOUT);
        }
    }

    private static Decision send(DomainRequest event) throws Exception {
        try (ContractClient contracts = new ContractClient(kafka.clientConfig())) {
            return contracts.apply(event, TIMEOUT);
        }
    }

    private static List<Decision> decisions(String... keys) throws Exception {
        List<Decision> found = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : read(MeshTopics.DECISIONS)) {
            String key = record.key() == null ? "" : new String(record.key(), StandardCharsets.UTF_8);
            if (List.of(keys).contains(key)) {
                found.add(MeshJson.read(record.value(), Decision.class));
            }
        }
        return found;
    }

    /** The newest value per key of a compacted topic; a tombstone removes the key. */
    private static <T> Map<String, T> latest(String topic, Class<T> type) throws Exception {
        Map<String, T> latest = new LinkedHashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : read(topic)) {
            String key = new String(record.key(), StandardCharsets.UTF_8);
            if (record.value() == null) {
                latest.remove(key);
            } else {
                latest.put(key, MeshJson.read(record.value(), type));
            }
        }
        return latest;
    }

    private static List<ConsumerRecord<byte[], byte[]>> read(String topic) {
        Map<String, Object> config = new HashMap<>(kafka.clientConfig());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }
}
