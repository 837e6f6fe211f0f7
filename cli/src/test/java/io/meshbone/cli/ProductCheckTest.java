package io.meshbone.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code product check} against a git ref and a folder: the gate's reasons offline, in a throwaway git repository. */
class ProductCheckTest {

    private static final String SETTLED = "schemas/payments/payment-settled.product.yaml";
    private static final String SETTLED_AVSC = "schemas/payments/payment-settled.avsc";
    private static final String CURRENCY_FIELD = "{\"name\": \"currency\", \"type\": \"string\", \"doc\": \"ISO 4217 currency code of amount.\"},";

    @TempDir
    Path repo;

    private final StringWriter out = new StringWriter();

    @BeforeEach
    void commitTheExamples() throws Exception {
        ProductCommandTest.copyExamples(repo.resolve("schemas"));
        git("init", "-q");
        git("add", ".");
        git("-c", "user.name=test", "-c", "user.email=test@example.com", "commit", "-q", "-m", "examples");
    }

    private int check(String... args) {
        CommandLine command = Meshbone.commandLine();
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(out, true));
        List<String> all = new java.util.ArrayList<>(List.of("product", "check"));
        all.addAll(List.of(args));
        return command.execute(all.toArray(String[]::new));
    }

    @Test
    void rejectsAFieldWithoutDefaultAgainstTheCommittedVersion() throws Exception {
        bump("1.1.0");
        addField("{\"name\": \"channel\", \"type\": \"string\", \"doc\": \"Where the payment came from.\"},");

        int exit = check(repo.resolve("schemas").toString(), "--against", "HEAD");

        assertThat(exit).as(out.toString()).isEqualTo(1);
        assertThat(out.toString())
                .contains("payments.payment-settled 1.1.0 REJECTED")
                .contains("  payments/payment-settled.product.yaml: spec.value: not BACKWARD_TRANSITIVE compatible with listed"
                        + " versions of payments.payment-settled.v1-value: {errorType:'READER_FIELD_MISSING_DEFAULT_VALUE',"
                        + " description:'The field 'channel' at path '/fields/4' in the new schema has no default value and is"
                        + " missing in the old schema'")
                .contains("orders.order-placed 1.1.0 ACCEPTED (unchanged)")
                .contains("7 descriptors checked against HEAD: 1 would be rejected");
    }

    @Test
    void acceptsAFieldWithADefault() throws Exception {
        bump("1.1.0");
        addField("{\"name\": \"channel\", \"type\": \"string\", \"default\": \"web\", \"doc\": \"Where the payment came from.\"},");

        int exit = check(repo.resolve(SETTLED).toString(), "--against", "HEAD");

        assertThat(exit).as(out.toString()).isZero();
        assertThat(out.toString()).contains("payments.payment-settled 1.1.0 ACCEPTED\n")
                .contains("1 descriptor checked against HEAD: the gate would accept all");
    }

    @Test
    void rejectsAChangedContractUnderTheListedVersionAndShrinkingRetention() throws Exception {
        Files.writeString(repo.resolve(SETTLED), Files.readString(repo.resolve(SETTLED)).replace("retention: 30d", "retention: 1d"));

        int exit = check(repo.resolve("schemas").toString(), "--against", "HEAD");

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).contains("payments/payment-settled.product.yaml: spec.version: 1.0.0 is already listed with a"
                + " different contract; expected a higher version");
    }

    @Test
    void namesWhoANewMajorLeavesBehind() throws Exception {
        bump("2.0.0");
        Files.writeString(repo.resolve(SETTLED_AVSC), Files.readString(repo.resolve(SETTLED_AVSC)).replace(CURRENCY_FIELD, ""));

        int exit = check(repo.resolve(SETTLED).toString(), "--against", "HEAD");

        assertThat(exit).as(out.toString()).isZero();
        assertThat(out.toString()).contains("payments.payment-settled 2.0.0 ACCEPTED")
                .contains("  new major 2: payments.payment-settled.v1 (listed 1.0.0) stays for its readers; left behind on it:"
                        + " product orders.order-status");
    }

    @Test
    void checksAgainstAFolderAsAgainstACommit(@TempDir Path main) throws Exception {
        ProductCommandTest.copyExamples(main);
        bump("1.1.0");
        addField("{\"name\": \"channel\", \"type\": \"string\", \"doc\": \"Where the payment came from.\"},");

        int exit = check(repo.resolve("schemas").toString(), "--against", main.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).contains("spec.value: not BACKWARD_TRANSITIVE compatible with listed versions of"
                + " payments.payment-settled.v1-value: {errorType:'READER_FIELD_MISSING_DEFAULT_VALUE'");
    }

    @Test
    void refusesAnAgainstThatIsNothing() {
        int exit = check(repo.resolve("schemas").toString(), "--against", "no-such-branch");

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).contains("--against: 'no-such-branch' is neither a catalog URL");
    }

    private void bump(String version) throws Exception {
        Files.writeString(repo.resolve(SETTLED), Files.readString(repo.resolve(SETTLED)).replace("version: 1.0.0", "version: " + version));
    }

    private void addField(String field) throws Exception {
        String avsc = Files.readString(repo.resolve(SETTLED_AVSC));
        assertThat(avsc).contains(CURRENCY_FIELD);
        Files.writeString(repo.resolve(SETTLED_AVSC), avsc.replace(CURRENCY_FIELD, CURRENCY_FIELD + "\n    " + field));
    }

    private void git(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(output).isZero();
    }
}
