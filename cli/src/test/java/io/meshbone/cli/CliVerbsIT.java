package io.meshbone.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.meshbone.localkafka.testing.SharedKafka;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The verbs that talk to a running mesh, run in-process against the shared embedded mesh. */
@ExtendWith({SharedKafka.class, SharedMesh.class})
class CliVerbsIT {

    private static List<String> meshOptions;

    record Run(int exit, String out, String err) {
    }

    @BeforeAll
    static void options(EmbeddedMesh mesh) {
        meshOptions = List.of("--bootstrap-server", mesh.bootstrapServers(), "--registry-url", mesh.registryUrl().toString(),
                "--catalog-url", mesh.catalogUrl().toString());
    }

    private static Run run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(meshOptions);
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
    void tailPrintsGovernedRecordsAsJsonLinesWithPiiMasked() {
        Run tail = run("tail", "customers.customer-profile", "--from-beginning", "-n", "2");
        assertThat(tail.exit()).isZero();
        List<String> lines = tail.out().lines().toList();
        assertThat(lines).hasSize(2).allSatisfy(line -> assertThat(line).startsWith("{\"key\":\"customer-").contains("\"email\":\"***\""));
    }
}
