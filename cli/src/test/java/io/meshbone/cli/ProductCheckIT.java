package io.meshbone.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.meshbone.localkafka.testing.SharedKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code product check --against <catalog>} on the shared embedded mesh says what {@code product apply} gets told. */
@ExtendWith({SharedKafka.class, SharedMesh.class})
class ProductCheckIT {

    private static final String CURRENCY_FIELD = "{\"name\": \"currency\", \"type\": \"string\", \"doc\": \"ISO 4217 currency code of amount.\"},";

    record Run(int exit, String out) {
        List<String> reasons() {
            return out.lines().filter(line -> line.startsWith("  ")).toList();
        }
    }

    private static Run run(String... args) {
        CommandLine cli = Meshbone.commandLine();
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(out));
        int exit = cli.execute(args);
        return new Run(exit, out.toString());
    }

    @Test
    void checkRejectsTheBreakingChangeApplyIsRejectedFor(EmbeddedMesh mesh, @TempDir Path dir) throws Exception {
        Path descriptor = settledWith(dir, "{\"name\": \"channel\", \"type\": \"string\", \"doc\": \"Where the payment came from.\"},");

        Run apply = run("product", "apply", "-f", descriptor.toString(), "--bootstrap-server", mesh.bootstrapServers());
        Run check = run("product", "check", descriptor.toString(), "--against", mesh.catalogUrl().toString());

        assertThat(apply.exit()).as(apply.out()).isEqualTo(1);
        assertThat(apply.out()).contains("payments.payment-settled 1.1.0 REJECTED");
        assertThat(apply.reasons()).anyMatch(reason -> reason.contains("READER_FIELD_MISSING_DEFAULT_VALUE"));
        assertThat(check.exit()).as(check.out()).isEqualTo(1);
        assertThat(check.out()).contains("payments.payment-settled 1.1.0 REJECTED");
        assertThat(check.reasons()).containsExactlyElementsOf(apply.reasons());
    }

    @Test
    void checkAcceptsACompatibleChangeAndChangesNothing(EmbeddedMesh mesh, @TempDir Path dir) throws Exception {
        Path descriptor = settledWith(dir, "{\"name\": \"channel\", \"type\": \"string\", \"default\": \"web\", \"doc\": \"Where the payment came from.\"},");

        Run check = run("product", "check", descriptor.toString(), "--against", mesh.catalogUrl().toString());
        Run again = run("product", "describe", "payments.payment-settled", "--catalog-url", mesh.catalogUrl().toString());

        assertThat(check.exit()).as(check.out()).isZero();
        assertThat(check.out()).contains("payments.payment-settled 1.1.0 ACCEPTED");
        assertThat(again.out()).doesNotContain("channel");
    }

    /** payments.payment-settled as the examples list it, at 1.1.0 with one more field. */
    private static Path settledWith(Path dir, String field) throws Exception {
        ProductCommandTest.copyExamples(dir);
        Path descriptor = dir.resolve("payments/payment-settled.product.yaml");
        Files.writeString(descriptor, Files.readString(descriptor).replace("version: 1.0.0", "version: 1.1.0"));
        Path avsc = dir.resolve("payments/payment-settled.avsc");
        Files.writeString(avsc, Files.readString(avsc).replace(CURRENCY_FIELD, CURRENCY_FIELD + "\n    " + field));
        return descriptor;
    }

}
