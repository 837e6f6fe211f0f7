package io.meshbone.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import io.meshbone.platform.contract.DataProduct;
import io.meshbone.platform.contract.LintReport;
import io.meshbone.platform.contract.Odcs;
import io.meshbone.platform.contract.ProductDescriptors;
import io.meshbone.platform.policy.ClusterFacts;
import io.meshbone.platform.policy.Policies;
import io.meshbone.platform.policy.Policy;
import io.meshbone.schemas.orders.OrderPlaced;
import io.meshbone.schemas.payments.PaymentSettled;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class ExampleContractsTest {

    private static final Path REPOSITORY = Path.of("").toAbsolutePath();

    @Test
    void everyExampleDescriptorLintsClean() {
        LintReport report = ProductDescriptors.lint(List.of(REPOSITORY), Set.of());

        assertThat(report.problems()).isEmpty();
        assertThat(report.products()).extracting(DataProduct::name).containsExactly(
                "customers.customer-history", "customers.customer-profile", "orders.order-placed",
                "orders.order-status", "orders.revenue-by-hour", "payments.payment-settled",
                "shipping.delivery-request");
    }

    @Test
    void theClasspathIndexListsEveryDescriptor() throws IOException {
        List<String> onDisk;
        try (Stream<Path> files = Files.walk(REPOSITORY, 2)) {
            onDisk = files.filter(f -> f.toString().endsWith(ProductDescriptors.SUFFIX))
                    .map(f -> REPOSITORY.relativize(f).toString().replace('\\', '/')).sorted().toList();
        }
        try (InputStream index = getClass().getResourceAsStream("/meshbone/products/index")) {
            List<String> listed = new String(index.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            assertThat(listed).isEqualTo(onDisk);
            for (String descriptor : listed) {
                assertThat(getClass().getResource("/meshbone/products/" + descriptor)).as(descriptor).isNotNull();
            }
        }
    }

    @Test
    void everySchemaFieldHasADocAndMoneyIsNeverAFloat() {
        for (DataProduct product : ProductDescriptors.lint(List.of(REPOSITORY), Set.of()).products()) {
            for (Schema.Field field : product.spec().value().schema().getFields()) {
                assertThat(field.doc()).as(product.name() + " " + field.name()).isNotBlank();
                assertThat(field.schema().getType()).as(product.name() + " " + field.name())
                        .isNotIn(Schema.Type.FLOAT, Schema.Type.DOUBLE);
            }
        }
    }

    @Test
    void everyExamplePassesEveryDefaultPolicyOnOneBrokerAndOnThree() {
        List<Policy> defaults = Policies.defaults().stream()
                .map(document -> Policies.parse(document.file(), document.yaml()).orThrow().withVersion(1)).toList();
        for (DataProduct product : ProductDescriptors.lint(List.of(REPOSITORY), Set.of()).products()) {
            for (int brokers : new int[] {1, 3}) {
                assertThat(Policies.evaluate(defaults, product, Optional.empty(), new ClusterFacts(brokers)))
                        .as("%s on %d brokers", product.name(), brokers).isEmpty();
            }
        }
    }

    @Test
    void everyExampleSurvivesAnOdcsRoundTrip() {
        for (DataProduct product : ProductDescriptors.lint(List.of(REPOSITORY), Set.of()).products()) {
            String odcs = Odcs.exportYaml(product);

            assertThat(Odcs.importDocument(product.name() + ".odcs.yaml", odcs).product()).isEqualTo(product);
        }
    }

    @Test
    void generatedClassesCarryTheContractSchemasWithDecimalMoney() throws Exception {
        DataProduct payment = ProductDescriptors.read(REPOSITORY.resolve("payments/payment-settled.product.yaml"));
        DataProduct order = ProductDescriptors.read(REPOSITORY.resolve("orders/order-placed.product.yaml"));

        assertThat(PaymentSettled.getClassSchema()).isEqualTo(payment.spec().value().schema());
        assertThat(OrderPlaced.getClassSchema()).isEqualTo(order.spec().value().schema());
        assertThat(PaymentSettled.class.getMethod("getAmount").getReturnType()).isEqualTo(BigDecimal.class);
        assertThat(OrderPlaced.class.getMethod("getPlacedAt").getReturnType()).isEqualTo(Instant.class);
    }
}
