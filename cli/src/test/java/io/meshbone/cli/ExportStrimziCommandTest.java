package io.meshbone.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.meshbone.platform.contract.DataProduct;
import io.meshbone.platform.contract.ProductDescriptors;
import io.meshbone.platform.control.ProductTopicPlans;
import io.meshbone.platform.provisioning.TopicPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code meshbone export strimzi --from DIR}: KafkaTopic resources the Strimzi CRD accepts, shaped as the provisioner shapes topics. */
class ExportStrimziCommandTest {

    private static final Path CONTRACTS = Path.of("../schemas");
    private static final CrdSchemas CRDS = new CrdSchemas();

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path output;

    private int run(String... args) {
        CommandLine command = Meshbone.commandLine();
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }

    @Test
    void writesAValidKafkaTopicForEveryProductStagingAndDlqTopic() throws IOException {
        assertThat(run("export", "strimzi", "--from", CONTRACTS.toString(), "-o", output.toString())).as(err.toString()).isZero();

        Map<String, JsonNode> topics = written();
        assertThat(topics).hasSize(7 * 3);
        assertThat(out.toString()).contains("wrote 21 KafkaTopic resources for 7 products to " + output);
        topics.forEach((file, topic) -> assertThat(CRDS.problems(topic)).as(file).isEmpty());
        assertThat(topics).containsKeys("orders.order-placed.v1.yaml", "orders.order-placed.v1.staging.yaml", "orders.order-placed.v1.dlq.yaml",
                "orders.revenue-by-hour.v2.yaml");
    }

    @Test
    void eachTopicHasThePartitionsReplicasAndConfigsTheProvisionerApplies() throws IOException {
        run("export", "strimzi", "--from", CONTRACTS.toString(), "-o", output.toString());
        Map<String, JsonNode> topics = written();
        for (DataProduct product : List.of(ProductDescriptors.read(CONTRACTS.resolve("orders/order-placed.product.yaml")),
                ProductDescriptors.read(CONTRACTS.resolve("customers/customer-profile.product.yaml")))) {
            for (TopicPlan plan : ProductTopicPlans.of(product, 3)) {
                JsonNode topic = topics.get(plan.name() + ".yaml");
                assertThat(topic.path("metadata").path("name").asText()).isEqualTo(plan.name());
                assertThat(topic.path("metadata").path("labels").path("strimzi.io/cluster").asText()).isEqualTo("meshbone");
                assertThat(topic.path("metadata").path("annotations").path("meshbone.io/product").asText()).isEqualTo(product.name());
                assertThat(topic.path("spec").path("partitions").asInt()).isEqualTo(plan.partitions());
                assertThat(topic.path("spec").path("replicas").asInt()).isEqualTo(3);
                assertThat(configs(topic)).isEqualTo(new TreeMap<>(plan.configs()));
            }
        }
        assertThat(configs(topics.get("orders.order-placed.v1.yaml")))
                .containsEntry("cleanup.policy", "delete").containsEntry("retention.ms", "604800000").containsEntry("min.insync.replicas", "2");
        assertThat(configs(topics.get("customers.customer-profile.v1.yaml"))).containsEntry("cleanup.policy", "compact");
    }

    @Test
    void clusterAndReplicasAreTheOnesAsked() throws IOException {
        assertThat(run("export", "strimzi", "--from", CONTRACTS.resolve("payments").toString(), "-o", output.toString(),
                "--cluster", "prod-eu", "--replicas", "1")).as(err.toString()).isZero();
        assertThat(written()).hasSize(3);
        JsonNode topic = written().get("payments.payment-settled.v1.yaml");
        assertThat(topic.path("metadata").path("labels").path("strimzi.io/cluster").asText()).isEqualTo("prod-eu");
        assertThat(topic.path("spec").path("replicas").asInt()).isEqualTo(1);
        assertThat(configs(topic)).doesNotContainKey("min.insync.replicas");
    }

    @Test
    void checksTheFolderAsLintDoesSoInputsMustBeThere() {
        assertThat(run("export", "strimzi", "--from", CONTRACTS.resolve("orders").toString(), "-o", output.resolve("topics").toString())).isEqualTo(1);
        assertThat(err.toString()).contains("'payments.payment-settled' names no known product");
        assertThat(output.resolve("topics")).doesNotExist();
    }

    @Test
    void refusesInvalidDescriptorsAndWritesNothing() throws IOException {
        Path contracts = Files.createDirectories(output.resolve("contracts"));
        Files.copy(CONTRACTS.resolve("payments/payment-settled.avsc"), contracts.resolve("payment-settled.avsc"));
        Files.writeString(contracts.resolve("payment-settled.product.yaml"),
                Files.readString(CONTRACTS.resolve("payments/payment-settled.product.yaml")).replace("partitions: 6", "partitions: 0"));
        Path target = output.resolve("topics");

        assertThat(run("export", "strimzi", "--from", contracts.toString(), "-o", target.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("partitions").contains("nothing written");
        assertThat(target).doesNotExist();
    }

    @Test
    void refusesABadClusterNameAndTwoSources() {
        assertThat(run("export", "strimzi", "--from", CONTRACTS.toString(), "-o", output.toString(), "--cluster", "Prod_EU")).isEqualTo(1);
        assertThat(err.toString()).contains("--cluster Prod_EU");
        assertThat(run("export", "strimzi", "--from", CONTRACTS.toString(), "--from-mesh", "-o", output.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("mutually exclusive");
    }

    private Map<String, JsonNode> written() throws IOException {
        Map<String, JsonNode> topics = new TreeMap<>();
        try (Stream<Path> files = Files.list(output)) {
            files.filter(Files::isRegularFile).forEach(f -> topics.put(f.getFileName().toString(), CrdSchemas.documents(f).get(0)));
        }
        return topics;
    }

    private static Map<String, String> configs(JsonNode topic) {
        Map<String, String> configs = new TreeMap<>();
        topic.path("spec").path("config").fields().forEachRemaining(c -> {
            assertThat(c.getValue().isTextual()).as(c.getKey() + " is written as a string").isTrue();
            configs.put(c.getKey(), c.getValue().asText());
        });
        return configs;
    }
}
