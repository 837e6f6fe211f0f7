package io.meshbone.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code product plan} offline: against nothing listed and against a folder of listed descriptors. */
class ProductPlanTest {

    private static final String SETTLED = "payments/payment-settled.product.yaml";

    @TempDir
    Path listed;
    @TempDir
    Path work;

    private final StringWriter out = new StringWriter();

    @BeforeEach
    void copyTheExamples() throws Exception {
        ProductCommandTest.copyExamples(listed);
        ProductCommandTest.copyExamples(work);
    }

    private int run(String verb, String... args) {
        CommandLine command = Meshbone.commandLine();
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(out, true));
        List<String> all = new ArrayList<>(List.of("product", verb));
        all.addAll(List.of(args));
        return command.execute(all.toArray(String[]::new));
    }

    @Test
    void plansTheTopicsSubjectsAndAclsOfANewProduct() {
        int exit = run("plan", work.resolve(SETTLED).toString());

        assertThat(exit).as(out.toString()).isZero();
        assertThat(out.toString()).contains("payments.payment-settled 1.0.0 ACCEPTED\n  to list: a new product\n")
                .contains("  + topic payments.payment-settled.v1: partitions 6, replication 1, cleanup.policy=delete,"
                        + " compression.gzip.level=1, compression.type=gzip, max.message.bytes=1048588, retention.ms=2592000000\n")
                .contains("  + topic payments.payment-settled.v1.staging: partitions 6, replication 1, cleanup.policy=delete,")
                .contains("  + topic payments.payment-settled.v1.dlq: partitions 6, replication 1, cleanup.policy=delete,"
                        + " max.message.bytes=1114124, retention.ms=2592000000\n")
                .contains("  + subject payments.payment-settled.v1-value: register version 1\n")
                .contains("  + subject payments.payment-settled.v1.staging-value: register version 1\n")
                .contains("  + acl topic payments.payment-settled.v1.staging: (principal=User:team-payments, host=*,"
                        + " operation=WRITE, permissionType=ALLOW)\n")
                .contains("  + acl topic payments.payment-settled.v1.staging: (principal=User:app-payments, host=*,"
                        + " operation=WRITE, permissionType=ALLOW)\n")
                .contains("  + acl topic payments.payment-settled.v1: (principal=User:gate, host=*, operation=WRITE, permissionType=ALLOW)\n")
                .contains("  + acl topic payments.payment-settled.v1.dlq: (principal=User:gate, host=*, operation=WRITE, permissionType=ALLOW)\n")
                .contains("  + acl topic payments.payment-settled.v1: (principal=User:team-analytics, host=*, operation=READ,"
                        + " permissionType=ALLOW)\n")
                .contains("  + acl topic payments.payment-settled.v1: (principal=User:app-orders, host=*, operation=READ,"
                        + " permissionType=ALLOW)\n")
                .doesNotContain("User:meshbone-gate").doesNotContain("principal=User:meshbone-up")
                .contains("  consumers affected: declared orders, analytics; downstream products none; live groups none\n")
                .endsWith("Plan: 1 product to list, 0 to change, 3 topics to create, 0 to alter, 2 subjects to register,"
                        + " 40 ACLs to grant.\n");
    }

    @Test
    void plansNothingForTheListedContract() {
        int exit = run("plan", work.resolve(SETTLED).toString(), "--against", listed.toString());

        assertThat(exit).as(out.toString()).isZero();
        assertThat(out.toString()).contains("payments.payment-settled 1.0.0 ACCEPTED (unchanged)\n  unchanged: listed 1.0.0")
                .contains("  = topic payments.payment-settled.v1: unchanged\n")
                .contains("  = subject payments.payment-settled.v1-value: unchanged\n")
                .contains("  = acl topic payments.payment-settled.v1: (principal=User:gate, host=*, operation=WRITE, permissionType=ALLOW)\n")
                .doesNotContain("+ acl").doesNotContain("- acl")
                .contains("downstream products orders.order-status;")
                .endsWith("Plan: 0 products to list, 0 to change, 0 topics to create, 0 to alter, 0 subjects to register,"
                        + " 0 ACLs to grant.\n");
    }

    @Test
    void plansTheTopicsToAlterWhenPartitionsAndRetentionGrow() throws Exception {
        edit(SETTLED, "version: 1.0.0", "version: 1.1.0");
        edit(SETTLED, "partitions: 6", "partitions: 12");
        edit(SETTLED, "retention: 30d", "retention: 60d");

        int exit = run("plan", work.resolve(SETTLED).toString(), "--against", listed.toString());

        assertThat(exit).as(out.toString()).isZero();
        assertThat(out.toString()).contains("  to change: listed 1.0.0\n")
                .contains("  ~ topic payments.payment-settled.v1: partitions 6 → 12, retention.ms 2592000000 → 5184000000\n")
                .contains("  ~ topic payments.payment-settled.v1.dlq: partitions 6 → 12\n")
                .contains("  = subject payments.payment-settled.v1-value: unchanged\n")
                .contains("Plan: 0 products to list, 1 to change, 0 topics to create, 3 to alter, 0 subjects to register");
    }

    @Test
    void aNewMajorIsANewTopicGenerationThatNamesWhoItLeavesBehind() throws Exception {
        edit(SETTLED, "version: 1.0.0", "version: 2.0.0");

        int exit = run("plan", work.resolve(SETTLED).toString(), "--against", listed.toString());

        assertThat(exit).as(out.toString()).isZero();
        assertThat(out.toString())
                .contains("  new major 2: payments.payment-settled.v1 (listed 1.0.0) stays for its readers; left behind on it:"
                        + " product orders.order-status, declared consumer orders, declared consumer analytics\n")
                .contains("  + topic payments.payment-settled.v2: partitions 6")
                .contains("  + subject payments.payment-settled.v2-value: register version 1\n")
                .contains("  + acl topic payments.payment-settled.v2: (principal=User:team-orders, host=*, operation=READ,"
                        + " permissionType=ALLOW)\n")
                .contains("  = acl topic payments.payment-settled.v1: (principal=User:team-orders, host=*, operation=READ,"
                        + " permissionType=ALLOW)\n")
                .contains("  - acl topic payments.payment-settled.v1.staging: (principal=User:team-payments, host=*, operation=WRITE,"
                        + " permissionType=ALLOW)\n")
                .doesNotContain("  - acl topic payments.payment-settled.v1: (principal=User:team-orders")
                .contains("Plan: 0 products to list, 1 to change, 3 topics to create, 0 to alter, 2 subjects to register,"
                        + " 40 ACLs to grant, 16 to revoke.\n");
    }

    @Test
    void aFailingDenyPolicyRejectsNamingItAndPlansNothing() throws Exception {
        edit(SETTLED, "version: 1.0.0", "version: 1.1.0");
        edit(SETTLED, "owner: team-payments@example.com", "owner: team-payments");

        int exit = run("plan", work.resolve(SETTLED).toString(), "--against", listed.toString());

        assertThat(exit).as(out.toString()).isEqualTo(1);
        assertThat(out.toString()).contains("payments.payment-settled 1.1.0 REJECTED\n")
                .contains("/payments/payment-settled.product.yaml: policy owner-is-email v1: metadata.owner must be an e-mail address")
                .contains("  nothing would change: the gate would reject it\n")
                .doesNotContain("+ topic")
                .contains("1 would be rejected: nothing applied for it.");
    }

    @Test
    void aWarnPolicyGivenWithPoliciesIsPrintedAndPasses() throws Exception {
        Path policy = work.resolve("big.policy.yaml");
        Files.writeString(policy, """
                apiVersion: meshbone/v1
                kind: Policy
                metadata:
                  name: twelve-partitions
                  owner: mesh
                  description: Products get room to grow.
                spec:
                  rule: 'product.spec.partitions >= 12'
                  effect: warn
                  message: consider 12 partitions.
                """);

        int check = run("check", work.resolve(SETTLED).toString(), "--against", listed.toString(), "--policies", policy.toString());

        assertThat(check).as(out.toString()).isZero();
        assertThat(out.toString()).contains("payments.payment-settled 1.0.0 ACCEPTED (unchanged)\n"
                + "  warning: policy twelve-partitions v1: consider 12 partitions.\n");
    }

    @Test
    void aMissingFileIsAUsageError() {
        int exit = run("plan", work.resolve("nope.product.yaml").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(out.toString()).contains("nope.product.yaml: no such file or folder");
    }

    private void edit(String file, String from, String to) throws Exception {
        Path path = work.resolve(file);
        String text = Files.readString(path);
        assertThat(text).contains(from);
        Files.writeString(path, text.replace(from, to));
    }
}
