package io.meshbone.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import io.meshbone.platform.contract.DataProduct;
import io.meshbone.platform.contract.LintReport;
import io.meshbone.platform.contract.ProductDescriptors;
import io.meshbone.platform.contract.ProductType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code product init} writes descriptors and schemas that lint clean, and refuses what it cannot make one from. */
class ProductInitTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();

    private int run(String... args) {
        CommandLine command = Meshbone.commandLine();
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(out, true));
        return command.execute(args);
    }

    @Test
    void writesALintCleanEvent() {
        int exit = run("product", "init", "payments/refund-issued", "-o", dir.toString());

        assertThat(exit).as(out.toString()).isZero();
        LintReport report = ProductDescriptors.lint(List.of(dir), Set.of());
        assertThat(report.problems()).isEmpty();
        DataProduct product = report.descriptors().get(0).product().orElseThrow();
        assertThat(product.name()).isEqualTo("payments.refund-issued");
        assertThat(product.metadata().owner()).isEqualTo("team-payments@example.com");
        assertThat(product.spec().type()).isEqualTo(ProductType.EVENT);
        assertThat(product.spec().value().schema().getFields()).allSatisfy(field -> assertThat(field.doc()).isNotBlank());
        assertThat(out.toString()).contains("wrote " + dir.resolve("payments/refund-issued.product.yaml"))
                .contains("payments.refund-issued lint-clean");
    }

    @Test
    void writesALintCleanEntityKeyedByItsId() throws Exception {
        int exit = run("product", "init", "customers/loyalty-account", "--type", "entity", "--input", "customers.customer-profile",
                "-o", dir.toString());

        assertThat(exit).as(out.toString()).isZero();
        LintReport report = ProductDescriptors.lint(List.of(dir), Set.of("customers.customer-profile"));
        assertThat(report.problems()).isEmpty();
        DataProduct product = report.descriptors().get(0).product().orElseThrow();
        assertThat(product.spec().type()).isEqualTo(ProductType.ENTITY);
        assertThat(product.spec().retention()).isEmpty();
        assertThat(product.spec().inputs()).containsExactly("customers.customer-profile");
        assertThat(Files.readString(dir.resolve("customers/loyalty-account.product.yaml"))).contains("key: {field: id}");
    }

    @Test
    void takesTheSchemaFromAnAvroFileAndNamesFieldsWithoutDoc() throws Exception {
        Path avsc = dir.resolve("given.avsc");
        Files.writeString(avsc, """
                {"type": "record", "name": "Refund", "namespace": "x", "fields": [
                  {"name": "refundId", "type": "string", "doc": "The refund."},
                  {"name": "amount", "type": "long"}]}""");

        int exit = run("product", "init", "payments/refund", "--type", "entity", "--from-avro", avsc.toString(), "-o", dir.resolve("out").toString());

        assertThat(exit).as(out.toString()).isZero();
        assertThat(Files.readString(dir.resolve("out/payments/refund.avsc"))).isEqualTo(Files.readString(avsc));
        assertThat(Files.readString(dir.resolve("out/payments/refund.product.yaml"))).contains("key: {field: refundId}");
        assertThat(out.toString()).contains("payments/refund.avsc: amount: has no doc; add one");
    }

    @Test
    void refusesAnAvroFileThatIsNoRecordAndAnEntityWithoutKey() throws Exception {
        Path avsc = dir.resolve("enum.avsc");
        Files.writeString(avsc, "{\"type\": \"enum\", \"name\": \"E\", \"symbols\": [\"A\"]}");
        assertThat(run("product", "init", "payments/refund", "--from-avro", avsc.toString(), "-o", dir.toString())).isEqualTo(2);
        assertThat(out.toString()).contains("is a enum schema; expected a record");

        Files.writeString(avsc, "{\"type\": \"record\", \"name\": \"R\", \"fields\": [{\"name\": \"amount\", \"type\": \"long\", \"doc\": \"d\"}]}");
        assertThat(run("product", "init", "payments/refund", "--type", "entity", "--from-avro", avsc.toString(), "-o", dir.toString()))
                .isEqualTo(2);
        assertThat(out.toString()).contains("has no key field for an entity");
    }

    @Test
    void neverOverwritesWithoutForce() {
        assertThat(run("product", "init", "payments/refund-issued", "-o", dir.toString())).isZero();
        assertThat(run("product", "init", "payments/refund-issued", "-o", dir.toString())).isEqualTo(1);
        assertThat(out.toString()).contains("not overwriting");
        assertThat(run("product", "init", "payments/refund-issued", "-o", dir.toString(), "--force")).isZero();
    }

    @Test
    void refusesNamesThatAreNotLowerKebabAndAnAppWithoutInput() {
        assertThat(run("product", "init", "Payments/Refund", "-o", dir.toString())).isEqualTo(2);
        assertThat(run("product", "init", "payments/refund", "--app", "-o", dir.toString())).isEqualTo(2);
        assertThat(out.toString()).contains("is not two lower-kebab names").contains("--app: the app reads a product");
    }
}
