package io.meshbone.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.meshbone.localkafka.testing.SharedKafka;
import io.meshbone.platform.mesh.MeshClientSettings;
import io.meshbone.platform.mesh.MeshConsumer;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The verbs that talk to a running mesh, run in-process against the shared embedded mesh. */
@ExtendWith({SharedKafka.class, SharedMesh.class})
class CliVerbsIT {

    private static List<String> meshOptions;
    private static java.net.URI catalog;

    record Run(int exit, String out, String err) {
    }

    private record TimedRun(Run run, Duration took) {
    }

    @BeforeAll
    static void options(EmbeddedMesh mesh) {
        catalog = mesh.catalogUrl();
        meshOptions = List.of("--bootstrap-server", mesh.bootstrapServers(), "--registry-url", mesh.registryUrl().toString(),
                "--catalog-url", mesh.catalogUrl().toString());
    }

    private static Run run(String... args) {
        return runWith(meshOptions, args);
    }

    private static Run runWith(List<String> options, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(options);
        CommandLine cli = Meshbone.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(all.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void listAndDescribeShowTheCatalog() {
        Run list = run("product", "list", "--domain", "payments");
        assertThat(list.exit()).isZero();
        assertThat(list.out()).contains("payments.payment-settled").doesNotContain("orders.order-placed ");
        Run describe = run("product", "describe", "customers.customer-profile");
        assertThat(describe.exit()).isZero();
        assertThat(describe.out()).contains("customers.customer-profile.v1.staging").containsPattern("email\\s+string\\s+PII");
    }

    @Test
    void upAppliedTheDefaultPoliciesAndEveryExampleComplies() throws Exception {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(run("policy", "list").out())
                .contains("pii-needs-confidential", "every-field-has-doc", "freshness-slo-for-public-and-internal",
                        "owner-is-email", "restricted-keeps-three-replicas"));
        Run describe = run("policy", "describe", "owner-is-email");
        assertThat(describe.exit()).isZero();
        assertThat(describe.out()).contains("owner-is-email v1 (deny)").contains("product.metadata.owner.matches(")
                .contains("by User:governance");
        Http.Answer product = Http.get(catalog, "/api/products/payments.payment-settled");
        assertThat(product.body()).contains("\"compliance\":{\"status\":\"COMPLIANT\"").contains("owner-is-email v1");
    }

    @Test
    void policyApplyTakesAFolderAndRefusesWhatItsPrincipalMayNotDo(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("payments-warn.policy.yaml"), """
                apiVersion: meshbone/v1
                kind: Policy
                metadata: {name: payments-say-consumers, owner: payments, description: Payments name their consumers.}
                spec:
                  rule: 'product.spec.consumers.size() > 0'
                  effect: warn
                  message: list your consumers in spec.consumers.
                """);

        Run asGovernance = run("policy", "apply", "-f", dir.toString());
        Run asOwner = run("policy", "apply", "-f", dir.toString(), "--principal", "User:meshbone-up");

        assertThat(asGovernance.exit()).isEqualTo(1);
        assertThat(asGovernance.out()).contains("policy payments-say-consumers REJECTED")
                .contains("may not apply policies for domain 'payments'");
        assertThat(asOwner.exit()).as(asOwner.out()).isZero();
        assertThat(asOwner.out()).contains("policy payments-say-consumers v1 ACCEPTED");
        assertThat(run("policy", "describe", "payments-say-consum").err()).contains("payments-say-consumers");
    }

    @Test
    void unknownNamesExitOneWithTheClosestName() {
        Run describe = run("product", "describe", "orders.order-placd");
        assertThat(describe.exit()).isEqualTo(1);
        assertThat(describe.err()).contains("orders.order-placed").doesNotContain("\tat ");
        assertThat(run("lineage", "nope.nope").exit()).isEqualTo(1);
    }

    @Test
    void lineageListsUpstreamAndDownstream() {
        Run lineage = run("lineage", "orders.order-status");
        assertThat(lineage.exit()).isZero();
        assertThat(lineage.out()).contains("<- orders.order-placed").contains("<- payments.payment-settled");
    }

    @Test
    void applyPrintsTheDecisionAndExitsOneOnRejection(@TempDir Path dir) throws Exception {
        Run same = run("product", "apply", "-f", "../schemas/payments/payment-settled.product.yaml");
        assertThat(same.exit()).as(same.out() + same.err()).isZero();
        assertThat(same.out()).contains("payments.payment-settled 1.0.0 ACCEPTED (unchanged)");

        Files.copy(Path.of("../schemas/payments/payment-settled.avsc"), dir.resolve("payment-settled.avsc"));
        Files.writeString(dir.resolve("payment-settled.product.yaml"),
                Files.readString(Path.of("../schemas/payments/payment-settled.product.yaml")).replace("partitions: 6", "partitions: 0"));
        Run rejected = run("product", "apply", "-f", dir.resolve("payment-settled.product.yaml").toString());
        assertThat(rejected.exit()).isEqualTo(1);
        assertThat(rejected.out()).contains("REJECTED").contains("spec.partitions");
    }

    @Test
    void produceReportsEachBadLineByNumber(@TempDir Path dir) throws Exception {
        Path lines = dir.resolve("payments.jsonl");
        Files.writeString(lines, String.join("\n",
                "{\"paymentId\":\"cli-1\",\"orderId\":\"cli-o1\",\"amount\":12.5,\"currency\":\"EUR\",\"method\":\"CARD\",\"settledAt\":\"2026-11-29T03:00:00Z\"}",
                "{\"paymentId\":\"cli-2\",\"orderId\":\"cli-o2\",\"amount\":1,\"currency\":\"EUR\",\"method\":\"CASH\",\"settledAt\":1}",
                "not json",
                "{\"paymentId\":\"cli-3\",\"orderId\":\"cli-o3\",\"currency\":\"EUR\",\"method\":\"CARD\",\"settledAt\":1}"));
        Run produce = run("produce", "payments.payment-settled", "-f", lines.toString());
        assertThat(produce.exit()).isEqualTo(1);
        assertThat(produce.out()).contains("1 sent to payments.payment-settled.v1.staging, 3 rejected");
        assertThat(produce.err()).contains("line 2: method: expected one of [CARD, BANK_TRANSFER, WALLET]")
                .contains("line 3: not JSON").contains("line 4: amount: missing");
    }

    @Test
    void produceTakesKeyAndValueLinesForAProductWithAnAvroKey(EmbeddedMesh mesh, @TempDir Path dir) throws Exception {
        String region = "cli-probe-" + UUID.randomUUID();
        String value = "{\"hourStart\":\"2000-01-01T00:00:00Z\",\"region\":\"" + region
                + "\",\"currency\":\"EUR\",\"revenue\":10.25,\"orderCount\":2}";
        String key = "{\"hourStart\":\"2000-01-01T00:00:00Z\",\"region\":\"" + region + "\",\"currency\":\"EUR\"}";
        Path lines = dir.resolve("revenue.jsonl");
        Files.writeString(lines, String.join("\n",
                "{\"key\":" + key + ",\"value\":" + value + "}",
                value,
                "{\"value\":" + value + "}"));
        Run produce = run("produce", "orders.revenue-by-hour", "-f", lines.toString());
        assertThat(produce.exit()).as(produce.out() + produce.err()).isEqualTo(1);
        assertThat(produce.out()).contains("1 sent to orders.revenue-by-hour.v2.staging, 2 rejected");
        assertThat(produce.err())
                .contains("line 2: the line has a field \"hourStart\"; orders.revenue-by-hour is keyed by its own Avro schema"
                        + " io.meshbone.schemas.orders.RevenueHour (subject orders.revenue-by-hour.v2-key)")
                .contains("line 3: the line has no \"key\"; orders.revenue-by-hour is keyed");

        try (MeshConsumer<GenericRecord> consumer = MeshConsumer.subscribe("orders.revenue-by-hour",
                MeshClientSettings.of(mesh.catalogUrl().toString()).withGroupId("cli-verbs-it-" + UUID.randomUUID())
                        .readCommitted().with("auto.offset.reset", "earliest"))) {
            List<String> regions = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> regions.add(r.value().get("region").toString()));
                return regions.contains(region);
            });
        }
    }

    @Test
    void tailPrintsGovernedRecordsAsJsonLinesWithPiiMasked() {
        Run tail = run("tail", "customers.customer-profile", "--from-beginning", "-n", "2");
        assertThat(tail.exit()).isZero();
        List<String> lines = tail.out().lines().toList();
        assertThat(lines).hasSize(2).allSatisfy(line -> assertThat(line).startsWith("{\"key\":\"customer-").contains("\"email\":\"***\""));
    }

    @Test
    void tailReadsThroughTheBrokerAndRegistryItIsGiven(EmbeddedMesh mesh) throws Exception {
        String closedPort = "localhost:" + closedPort();
        Run wrongRegistry = runWith(List.of("--bootstrap-server", mesh.bootstrapServers(), "--registry-url", "http://" + closedPort,
                "--catalog-url", mesh.catalogUrl().toString()), "tail", "customers.customer-profile", "--from-beginning", "-n", "1");
        assertThat(wrongRegistry.exit()).as("the registry named by --registry-url decodes the records: " + wrongRegistry.out()).isEqualTo(1);
        assertThat(wrongRegistry.err()).startsWith("meshbone: ").doesNotContain("\tat ");

        Run wrongBroker = runWith(List.of("--bootstrap-server", closedPort, "--registry-url", mesh.registryUrl().toString(),
                "--catalog-url", mesh.catalogUrl().toString()), "tail", "customers.customer-profile", "--from-beginning", "-n", "1");
        assertThat(wrongBroker.exit()).as("the broker named by --bootstrap-server is read: " + wrongBroker.out()).isEqualTo(1);
        assertThat(wrongBroker.err()).contains(closedPort);
    }

    @Test
    void everyVerbThatTalksToKafkaFailsInOneLineNamingAnUnreachableAddress(EmbeddedMesh mesh, @TempDir Path dir) throws Exception {
        String address = "localhost:" + closedPort();
        List<String> unreachable = List.of("--bootstrap-server", address, "--registry-url", mesh.registryUrl().toString(),
                "--catalog-url", mesh.catalogUrl().toString());
        Path line = Files.writeString(dir.resolve("one.jsonl"), "{}");
        List<List<String>> verbs = List.of(
                List.of("product", "apply", "-f", "../schemas/payments/payment-settled.product.yaml"),
                List.of("produce", "payments.payment-settled", "-f", line.toString()),
                List.of("tail", "payments.payment-settled", "-n", "1"));
        // Each verb waits out the same 10 s check: side by side they take 10 s, not 30 (own threads, since the
        // common pool has one thread on two cores).
        ExecutorService threads = Executors.newFixedThreadPool(verbs.size());
        Map<List<String>, Future<TimedRun>> runs = new LinkedHashMap<>();
        try {
            for (List<String> verb : verbs) {
                runs.put(verb, threads.submit(() -> {
                    long started = System.nanoTime();
                    Run run = runWith(unreachable, verb.toArray(String[]::new));
                    return new TimedRun(run, Duration.ofNanos(System.nanoTime() - started));
                }));
            }
        } finally {
            threads.shutdown();
        }
        for (Map.Entry<List<String>, Future<TimedRun>> entry : runs.entrySet()) {
            List<String> verb = entry.getKey();
            TimedRun timed = entry.getValue().get();
            Run run = timed.run();
            Duration took = timed.took();
            assertThat(run.exit()).as(verb + ": " + run.err()).isEqualTo(1);
            assertThat(run.err().lines().toList()).as(verb.toString())
                    .containsExactly("meshbone: cannot reach Kafka at " + address + " within 10s (bootstrap.servers)");
            assertThat(run.out()).as(verb + ": nothing before the one line").isEmpty();
            // A bound, not a benchmark: the check gives up after 10 s instead of the client's 30 s metadata wait.
            assertThat(took).as(verb.toString()).isLessThan(Duration.ofSeconds(15));
        }
    }

    @Test
    void verbosePrintsTheStackTraceAfterTheOneLine() {
        Run quiet = run("product", "describe", "orders.order-placd");
        Run verbose = run("product", "describe", "orders.order-placd", "--verbose");
        assertThat(quiet.err()).doesNotContain("\tat ");
        assertThat(verbose.exit()).isEqualTo(1);
        assertThat(verbose.err().lines().findFirst()).hasValue(quiet.err().lines().findFirst().orElseThrow());
        assertThat(verbose.err()).contains("\tat io.meshbone.cli.");
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
