package io.meshbone.platform.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProductDescriptorsTest {

    @Test
    void readsEveryFieldOfAFullDescriptor() {
        DataProduct order = ProductDescriptors.read(Fixtures.valid().resolve("orders/order-placed.product.yaml"));
        ProductSpec spec = order.spec();

        assertThat(order.name()).isEqualTo("orders.order-placed");
        assertThat(order.metadata().owner()).isEqualTo("team-orders@example.com");
        assertThat(order.metadata().tags()).containsExactly("sales", "checkout");
        assertThat(spec.version()).isEqualTo(new SemVer(2, 1, 0, "rc.1", "build.7"));
        assertThat(spec.type()).isEqualTo(ProductType.EVENT);
        assertThat(spec.key()).contains(new KeySpec.FieldKey("orderId"));
        assertThat(spec.value().file()).isEqualTo("order-placed.avsc");
        assertThat(spec.value().schema().getFullName()).isEqualTo("test.orders.OrderPlaced");
        assertThat(spec.compatibility()).isEqualTo(Compatibility.BACKWARD_TRANSITIVE);
        assertThat(spec.classification()).isEqualTo(Classification.INTERNAL);
        assertThat(spec.partitions()).isEqualTo(6);
        assertThat(spec.retention()).contains(Duration.ofDays(7));
        assertThat(spec.quality()).containsExactly(
                new QualityRule("has-lines", "size(value.lines) > 0", OnFailure.DLQ),
                new QualityRule("no-coupon-abuse", "value.coupon == null || size(value.coupon) < 20", OnFailure.WARN));
        assertThat(spec.slo()).contains(new Slo(Duration.ofSeconds(90)));
        assertThat(spec.consumers()).containsExactly("shipping", "analytics");
        assertThat(order.names().topic()).isEqualTo("orders.order-placed.v2");
    }

    @Test
    void appliesDefaultsToOptionalFields() {
        DataProduct profile = ProductDescriptors.read(Fixtures.valid().resolve("customers/customer-profile.product.yaml"));
        ProductSpec spec = profile.spec();

        assertThat(spec.compatibility()).isEqualTo(Compatibility.BACKWARD);
        assertThat(spec.partitions()).isEqualTo(1);
        assertThat(spec.retention()).isEmpty();
        assertThat(spec.slo()).isEmpty();
        assertThat(spec.inputs()).isEmpty();
        assertThat(spec.quality()).isEmpty();
        assertThat(profile.metadata().tags()).isEmpty();
        assertThat(spec.key()).get().isInstanceOfSatisfying(KeySpec.SchemaKey.class,
                key -> assertThat(key.schema().schema().getName()).isEqualTo("CustomerKey"));
    }

    @Test
    void readsResidencyAndLeavesItEmptyWhenAbsent() {
        DataProduct profile = ProductDescriptors.read(Fixtures.valid().resolve("customers/customer-profile.product.yaml"));
        DataProduct order = ProductDescriptors.read(Fixtures.valid().resolve("orders/order-placed.product.yaml"));

        assertThat(profile.spec().residency()).containsExactly("eu");
        assertThat(profile.spec().resident()).isTrue();
        assertThat(order.spec().residency()).isEmpty();
        assertThat(order.spec().resident()).isFalse();
    }

    @Test
    void validatesDescriptorsFromMemoryAgainstProductsKnownElsewhere() throws Exception {
        Path folder = Fixtures.valid().resolve("shipping");
        ProductDescriptors.Source source = new ProductDescriptors.Source("delivery-request.product.yaml",
                Files.readString(folder.resolve("delivery-request.product.yaml")),
                SchemaFiles.of(Map.of("delivery-request.avsc", Files.readString(folder.resolve("delivery-request.avsc")))));

        LintReport alone = ProductDescriptors.validate(List.of(source), Set.of("orders.order-placed"));
        LintReport withRegistry = ProductDescriptors.validate(List.of(source),
                Set.of("orders.order-placed", "customers.customer-profile"));

        assertThat(alone.problems()).extracting(Problem::toString).containsExactly(
                "delivery-request.product.yaml: spec.inputs[1]: 'customers.customer-profile' names no known product"
                        + " (known: orders.order-placed, shipping.delivery-request)");
        assertThat(withRegistry.clean()).isTrue();
        assertThat(withRegistry.products()).hasSize(1);
    }

    @Test
    void parsingOnItsOwnLeavesInputsToTheSetCheck() throws Exception {
        Path folder = Fixtures.valid().resolve("shipping");
        ParsedDescriptor parsed = ProductDescriptors.parse("delivery-request.product.yaml",
                Files.readString(folder.resolve("delivery-request.product.yaml")), SchemaFiles.directory(folder));

        assertThat(parsed.valid()).isTrue();
        assertThat(parsed.orThrow().spec().inputs()).containsExactly("orders.order-placed", "customers.customer-profile");
    }

    @Test
    void readChecksOneFileWithoutLookingForItsInputs() {
        DataProduct delivery = ProductDescriptors.read(Fixtures.valid().resolve("shipping/delivery-request.product.yaml"));

        assertThat(delivery.spec().inputs()).containsExactly("orders.order-placed", "customers.customer-profile");
        assertThat(delivery.spec().classification()).isEqualTo(Classification.RESTRICTED);
    }

    @Test
    void readThrowsAContractExceptionWithEveryProblem(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("x.product.yaml");
        Files.writeString(file, "apiVersion: meshbone/v1\nkind: DataProduct\nmetadata: {name: x, domain: d}\nspec: {}\n");

        assertThatThrownBy(() -> ProductDescriptors.read(file))
                .isInstanceOfSatisfying(ContractException.class, e -> assertThat(e.problems()).extracting(Problem::path)
                        .containsExactly("metadata.owner", "metadata.description", "spec.version", "spec.type",
                                "spec.value", "spec.classification"))
                .hasMessageContaining("x.product.yaml: spec.value: required field is missing");
    }

    @Test
    void lintReportsAMissingPathAndAFolderWithoutDescriptors(@TempDir Path dir) {
        LintReport report = ProductDescriptors.lint(List.of(dir, dir.resolve("nope")), Set.of());

        assertThat(report.problems()).extracting(Problem::message).containsExactly(
                "no *.product.yaml files in this folder (expected at least one descriptor)",
                "no such file or folder (expected a descriptor or a folder of descriptors)");
    }

    @Test
    void lintSkipsBuildOutputFolders(@TempDir Path dir) throws Exception {
        Path source = Fixtures.valid().resolve("customers");
        for (Path target : List.of(dir.resolve("customers"), dir.resolve("target/classes/customers"))) {
            Files.createDirectories(target);
            for (String name : List.of("customer-profile.product.yaml", "customer-profile.avsc", "customer-key.avsc")) {
                Files.copy(source.resolve(name), target.resolve(name));
            }
        }

        LintReport report = ProductDescriptors.lint(List.of(dir), Set.of());

        assertThat(report.problems()).isEmpty();
        assertThat(report.descriptors()).extracting(ParsedDescriptor::file)
                .containsExactly(Path.of("customers", "customer-profile.product.yaml").toString());
        assertThat(report.products()).extracting(DataProduct::name).containsExactly("customers.customer-profile");
        assertThat(report.filesWithProblems()).isZero();
    }
}
