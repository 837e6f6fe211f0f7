package io.meshbone.cli.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.meshbone.cli.ServeChildren;
import io.meshbone.cli.internal.ExampleContracts;
import io.meshbone.platform.control.ContractClient;
import io.meshbone.platform.control.Decision;
import io.meshbone.platform.control.ProductRequest;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Chaos on the mesh as separate OS processes ({@link ChaosMesh}): gate instances, a broker, the writing registry and
 * the catalog taken away mid-work. {@code mvn -B -Pchaos -pl cli -am verify [-Dchaos.records=N]}; each test prints
 * one row of the README's table and appends it to {@code target/chaos-results.md}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MeshChaosIT {

    static final int RECORDS = Integer.getInteger("chaos.records", 1_000_000);
    /** The staging writes are spread over at least this long, so a small run still has kills in mid-stream. */
    static final Duration STREAM = Duration.ofSeconds(Long.getLong("chaos.stream.seconds", 90));
    private static final Path RESULTS = Path.of("target", "chaos-results.md");

    private final List<ChaosRow> rows = new ArrayList<>();
    private Path dir;
    private ChaosMesh mesh;

    @BeforeAll
    void startMesh() throws Exception {
        assertThat(ServeChildren.JAR).as("the shaded jar, built in the package phase").exists();
        dir = Files.createTempDirectory("meshbone-chaos-");
        mesh = ChaosMesh.start(dir);
        try (ContractClient contracts = new ContractClient(mesh.clientConfig())) {
            Decision decision = contracts.apply(example(StagedPayments.PRODUCT, "User:chaos"), Duration.ofSeconds(120));
            assertThat(decision.accepted()).as("%s", decision.reasons()).isTrue();
        }
        await().atMost(Duration.ofSeconds(120)).untilAsserted(this::productTopicsReplicateThreeTimesTwoInSync);
        Files.writeString(RESULTS, ChaosRow.HEADER + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @AfterAll
    void stopMesh() throws Exception {
        try {
            if (mesh != null) {
                mesh.close();
            }
        } finally {
            System.out.println(ChaosRow.HEADER);
            rows.forEach(row -> System.out.println(row.markdown()));
            if (dir != null) {
                Utils.delete(dir.toFile());
            }
        }
    }

    @Test
    @Order(1)
    void gateInstancesKilledFiveTimesLoseAndDuplicateNothing() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        List<Long> killAt = new ArrayList<>();
        for (int k = 0; k < 5; k++) {
            killAt.add(RECORDS / 20 + (long) (random.nextDouble() * RECORDS * 0.85));
        }
        killAt.sort(null);
        System.out.printf("gate kills at %s of %,d records (seed %d)%n", killAt, RECORDS, seed);
        long started = System.nanoTime();
        int kills = 0;
        try (KeyCounts counts = KeyCounts.follow(mesh.clientConfig(), "gate", RECORDS);
             StagedPayments payments = StagedPayments.start(mesh.clientConfig(), mesh.registryUrl(), "gate", RECORDS, STREAM)) {
            for (long threshold : killAt) {
                await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
                    mesh.requireAlive();
                    return counts.distinct() >= threshold;
                });
                int victim = random.nextInt(2);
                mesh.killGate(victim);
                kills++;
                System.out.printf("kill -9 governance-%d at %,d records through the gate%n", victim + 1, counts.distinct());
                mesh.startGate(victim);
            }
            payments.await(Duration.ofMinutes(30));
            awaitComplete(counts);
            KeyCounts.Tally tally = counts.tally(StagedPayments::valid);
            record(new ChaosRow("kill -9 one of two gates, 5 times", RECORDS, kills, tally.lost(), tally.duplicated(), since(started)));
            assertThat(payments.failed()).as("failed sends: %s", payments.firstFailure()).isZero();
            assertThat(tally).as("valid records in %s exactly once, invalid in %s", StagedPayments.TOPIC, StagedPayments.DLQ)
                    .isEqualTo(new KeyCounts.Tally(0, 0, 0));
            assertThat(kills).isEqualTo(5);
        }
    }

    @Test
    @Order(2)
    void aBrokerStoppedMidStreamAndStartedAgainLosesNothing() throws Exception {
        long started = System.nanoTime();
        try (KeyCounts counts = KeyCounts.follow(mesh.clientConfig(), "broker", RECORDS);
             StagedPayments payments = StagedPayments.start(mesh.clientConfig(), mesh.registryUrl(), "broker", RECORDS, STREAM)) {
            awaitAcked(payments, RECORDS / 3);
            mesh.kafka().send("stop-broker 2");
            mesh.kafka().awaitValue("broker 2 stopped", Duration.ofMinutes(2));
            System.out.printf("broker 2 stopped at %,d records acknowledged%n", payments.acked());
            awaitAcked(payments, 2L * RECORDS / 3);
            mesh.kafka().send("start-broker 2");
            mesh.kafka().awaitValue("broker 2 started", Duration.ofMinutes(3));
            System.out.printf("broker 2 started again at %,d records acknowledged%n", payments.acked());
            payments.await(Duration.ofMinutes(30));
            awaitComplete(counts);
            KeyCounts.Tally tally = counts.tally(StagedPayments::valid);
            record(new ChaosRow("stop one of three brokers, start it again", RECORDS, 1, tally.lost(), tally.duplicated(), since(started)));
            System.out.printf("the staging producer retried %.0f times and failed %d sends%n", payments.retries(), payments.failed());
            assertThat(payments.failed()).as("failed sends: %s", payments.firstFailure()).isZero();
            assertThat(tally).isEqualTo(new KeyCounts.Tally(0, 0, 0));
            // The restarted broker catches up and rejoins every partition's in-sync replicas.
            await().atMost(Duration.ofMinutes(5)).untilAsserted(() -> {
                try (Admin admin = Admin.create(mesh.clientConfig())) {
                    for (TopicDescription topic : admin.describeTopics(List.of(StagedPayments.TOPIC, StagedPayments.STAGING))
                            .allTopicNames().get().values()) {
                        assertThat(topic.partitions()).allSatisfy(p -> assertThat(p.isr()).hasSize(3));
                    }
                }
            });
        }
    }

    @Test
    @Order(3)
    void aRestartedCatalogShowsTheSameProductsAndDecisions() throws Exception {
        try (ContractClient contracts = new ContractClient(mesh.clientConfig())) {
            for (ExampleContracts.Example example : ExampleContracts.load("User:chaos")) {
                Decision decision = contracts.apply(example.request(), Duration.ofSeconds(120));
                assertThat(decision.accepted()).as("%s: %s", example.product().name(), decision.reasons()).isTrue();
            }
            // A changed contract: an unchanged one is accepted as a no-op before ownership is looked at.
            ProductRequest listed = example(StagedPayments.PRODUCT, "User:intruder");
            ProductRequest changed = ProductRequest.apply(listed.principal(), listed.descriptorPath(),
                    listed.descriptor().replace("description: ", "description: Changed by an intruder. "), listed.files());
            Decision intruder = contracts.apply(changed, Duration.ofSeconds(120));
            assertThat(intruder.accepted()).as("another principal's change to the payments domain").isFalse();
        }
        int products = ExampleContracts.load("User:chaos").size();
        CatalogSnapshot before = await().ignoreExceptions().atMost(Duration.ofMinutes(2)).until(() -> CatalogSnapshot.of(mesh.catalogUrl()),
                snapshot -> snapshot.products() == products && snapshot.hasRejection(StagedPayments.PRODUCT));
        long started = System.nanoTime();
        mesh.killCatalog();
        mesh.startCatalog();
        CatalogSnapshot after;
        try {
            after = await().ignoreExceptions().atMost(Duration.ofMinutes(3)).until(() -> CatalogSnapshot.of(mesh.catalogUrl()), before::equals);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            after = CatalogSnapshot.of(mesh.catalogUrl());
        }
        record(new ChaosRow("kill -9 the catalog, start another", before.entries(), 1, before.missingFrom(after),
                after.missingFrom(before), since(started)));
        assertThat(after).isEqualTo(before);
    }

    @Test
    @Order(4)
    void killingTheWritingRegistryHandsNoIdTwice() throws Exception {
        RegistryRace race = new RegistryRace(mesh.registryUrls(), 1_000, 32);
        long started = System.nanoTime();
        race.start();
        await().atMost(Duration.ofMinutes(5)).until(() -> race.registered() >= 250);
        // Writes reaching the other instance are forwarded to the writer, so the one to kill is the one writing.
        int writer = WritingRegistry.of(mesh.clientConfig(), mesh.registryUrls());
        mesh.registry(writer).kill9();
        long atKill = race.registered();
        System.out.printf("kill -9 registry-%s (the writer) at %d of 1,000 registrations%n", writer == 0 ? "a" : "b", atKill);
        RegistryRace.Result result = race.await(Duration.ofMinutes(10));
        List<String> wrong = race.readBack(mesh.registryUrls().get(1 - writer));
        record(new ChaosRow("kill -9 the writing registry of two, 1,000 registrations", 1_000, 1, result.lost(), result.sharedIds(),
                since(started)));
        assertThat(result.failures()).as("registrations that failed").isEmpty();
        assertThat(result.lost()).isZero();
        assertThat(result.sharedIds()).as("ids handed to two schemas").isZero();
        assertThat(wrong).as("schemas registry-b gives back for the ids").isEmpty();
        assertThat(result.registered() - atKill).as("registrations the other registry took after the kill").isPositive();
    }

    private static void awaitAcked(StagedPayments payments, long records) {
        await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(100)).until(() -> payments.acked() >= records);
    }

    private void awaitComplete(KeyCounts counts) {
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(200)).until(() -> {
            mesh.requireAlive();
            return counts.complete();
        });
    }

    private void productTopicsReplicateThreeTimesTwoInSync() throws Exception {
        try (Admin admin = Admin.create(mesh.clientConfig())) {
            List<String> topics = List.of(StagedPayments.TOPIC, StagedPayments.STAGING, StagedPayments.DLQ);
            for (TopicDescription topic : admin.describeTopics(topics).allTopicNames().get().values()) {
                assertThat(topic.partitions()).allSatisfy(p -> assertThat(p.replicas()).hasSize(3));
            }
            for (String topic : topics) {
                ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
                Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
                assertThat(config.get("min.insync.replicas").value()).as(topic).isEqualTo("2");
            }
        }
    }

    private void record(ChaosRow row) throws IOException {
        rows.add(row);
        System.out.println(row.markdown());
        Files.writeString(RESULTS, row.markdown() + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    private static Duration since(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    static ProductRequest example(String product, String principal) {
        return ExampleContracts.load(principal).stream().filter(e -> e.product().name().equals(product)).findFirst()
                .orElseThrow().request();
    }
}
