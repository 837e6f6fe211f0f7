package io.meshbone.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.meshbone.localkafka.testing.SharedKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code product check} and {@code product plan} against the shared embedded mesh: the mesh's own policies, the
 * registry's versions, the catalog's listings. Policies here are scoped to a tag of this test's own, so other tests on
 * the shared mesh never meet them.
 */
@ExtendWith({SharedKafka.class, SharedMesh.class})
class ProductPlanIT {

    record Run(int exit, String out) {
        List<String> reasons() {
            return out.lines().filter(line -> line.startsWith("  ") && !line.startsWith("  [")).toList();
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
    void checkRejectsAContractFailingAListedMeshWideDenyPolicyNamingIt(EmbeddedMesh mesh, @TempDir Path dir) throws Exception {
        String tag = unique("tag");
        String policy = unique("deny");
        applyPolicy(mesh, dir, policy, tag, "product.spec.partitions >= 3", "deny", "tagged products need three partitions.");
        Path descriptor = write(dir, unique("plan"), "thing", tag, "1.0.0", List.of(), List.of());

        Run check = await().atMost(Duration.ofSeconds(30)).until(() -> checkAgainst(mesh, descriptor), r -> r.exit() == 1);
        Run apply = run("product", "apply", "-f", descriptor.toString(), "--bootstrap-server", mesh.bootstrapServers());

        assertThat(check.out()).contains(descriptor + ": policy " + policy + " v1: tagged products need three partitions.");
        assertThat(apply.exit()).as(apply.out()).isEqualTo(1);
        assertThat(check.reasons()).containsExactlyElementsOf(apply.reasons().stream()
                .filter(line -> !line.contains("applying")).toList());
    }

    @Test
    void checkPassesAContractFailingAWarnPolicyPrintingTheWarning(EmbeddedMesh mesh, @TempDir Path dir) throws Exception {
        String tag = unique("tag");
        String policy = unique("warn");
        applyPolicy(mesh, dir, policy, tag, "product.spec.partitions >= 3", "warn", "consider three partitions.");
        Path descriptor = write(dir, unique("plan"), "thing", tag, "1.0.0", List.of(), List.of());

        Run check = await().atMost(Duration.ofSeconds(30)).until(() -> checkAgainst(mesh, descriptor),
                r -> r.out().contains("warning: policy " + policy));

        Run apply = run("product", "apply", "-f", descriptor.toString(), "--bootstrap-server", mesh.bootstrapServers());

        String warned = " 1.0.0 ACCEPTED\n  warning: policy " + policy + " v1: consider three partitions.\n";
        assertThat(check.exit()).as(check.out()).isZero();
        assertThat(check.out()).contains(warned);
        assertThat(apply.exit()).as(apply.out()).isZero();
        assertThat(apply.out()).contains(warned);
    }

    @Test
    void plansANewProductsTopicsAndSubjectsThenNothingOnceItIsListed(EmbeddedMesh mesh, @TempDir Path dir) throws Exception {
        String domain = unique("plan");
        Path descriptor = write(dir, domain, "thing", unique("tag"), "1.0.0", List.of(), List.of("analytics"));

        Run plan = run("product", "plan", descriptor.toString(), "--against", mesh.catalogUrl().toString());

        assertThat(plan.exit()).as(plan.out()).isZero();
        assertThat(plan.out()).contains(domain + ".thing 1.0.0 ACCEPTED\n  to list: a new product\n")
                .contains("  + topic " + domain + ".thing.v1: partitions 1, replication 1, cleanup.policy=delete")
                .contains("  + topic " + domain + ".thing.v1.staging: partitions 1")
                .contains("  + topic " + domain + ".thing.v1.dlq: partitions 1")
                .contains("  + subject " + domain + ".thing.v1-value: register version 1\n")
                .contains("  + subject " + domain + ".thing.v1.staging-value: register version 1\n")
                .contains("  + acl topic " + domain + ".thing.v1: (principal=User:team-analytics, host=*, operation=READ, permissionType=ALLOW)")
                .contains("  + acl topic " + domain + ".thing.v1.staging: (principal=User:team-" + domain
                        + ", host=*, operation=WRITE, permissionType=ALLOW)")
                .contains("  + acl topic " + domain + ".thing.v1: (principal=User:gate, host=*, operation=WRITE, permissionType=ALLOW)")
                .contains("Plan: 1 product to list, 0 to change, 3 topics to create, 0 to alter, 2 subjects to register, 36 ACLs to grant.");

        apply(mesh, descriptor);
        Run again = await().atMost(Duration.ofSeconds(30))
                .until(() -> run("product", "plan", descriptor.toString(), "--against", mesh.catalogUrl().toString()),
                        r -> r.out().contains("(unchanged)"));

        assertThat(again.exit()).as(again.out()).isZero();
        assertThat(again.out()).contains("  unchanged: listed 1.0.0, nothing to apply\n")
                .contains("  = topic " + domain + ".thing.v1: unchanged\n")
                .contains("  = subject " + domain + ".thing.v1-value: unchanged (version 1)\n")
                .contains("  = subject " + domain + ".thing.v1.staging-value: unchanged (version 1)\n")
                .contains("  = acl topic " + domain + ".thing.v1: (principal=User:gate, host=*, operation=WRITE, permissionType=ALLOW)")
                .contains("Plan: 0 products to list, 0 to change, 0 topics to create, 0 to alter, 0 subjects to register, 0 ACLs to grant.");
    }

    @Test
    void planAndCheckNameWhoANewMajorWouldLeaveBehind(EmbeddedMesh mesh, @TempDir Path dir) throws Exception {
        String domain = unique("plan");
        String tag = unique("tag");
        Path source = write(Files.createDirectories(dir.resolve("source")), domain, "source", tag, "1.0.0", List.of(), List.of("analytics"));
        Path reader = write(Files.createDirectories(dir.resolve("reader")), domain, "reader", tag, "1.0.0",
                List.of(domain + ".source"), List.of());
        apply(mesh, source);
        apply(mesh, reader);
        Files.writeString(source, Files.readString(source).replace("version: 1.0.0", "version: 2.0.0"));
        String behind = "  new major 2: " + domain + ".source.v1 (listed 1.0.0) stays for its readers; left behind on it: product "
                + domain + ".reader, declared consumer analytics\n";

        Run plan = await().atMost(Duration.ofSeconds(30))
                .until(() -> run("product", "plan", source.toString(), "--against", mesh.catalogUrl().toString()),
                        r -> r.out().contains("product " + domain + ".reader"));
        Run check = checkAgainst(mesh, source);

        assertThat(plan.exit()).as(plan.out()).isZero();
        assertThat(plan.out()).contains(domain + ".source 2.0.0 ACCEPTED\n" + behind)
                .contains("  + topic " + domain + ".source.v2: partitions 1")
                .contains("  + subject " + domain + ".source.v2-value: register version 1\n")
                .contains("  consumers affected: declared analytics; downstream products " + domain + ".reader; live groups none\n");
        assertThat(check.exit()).as(check.out()).isZero();
        assertThat(check.out()).contains(domain + ".source 2.0.0 ACCEPTED\n" + behind);
    }

    private static Run checkAgainst(EmbeddedMesh mesh, Path descriptor) {
        return run("product", "check", descriptor.toString(), "--against", mesh.catalogUrl().toString());
    }

    private static void apply(EmbeddedMesh mesh, Path descriptor) {
        Run apply = run("product", "apply", "-f", descriptor.toString(), "--bootstrap-server", mesh.bootstrapServers());
        assertThat(apply.exit()).as(apply.out()).isZero();
    }

    private static void applyPolicy(EmbeddedMesh mesh, Path dir, String name, String tag, String rule, String effect,
                                    String message) throws Exception {
        Path document = dir.resolve(name + ".policy.yaml");
        Files.writeString(document, """
                apiVersion: meshbone/v1
                kind: Policy
                metadata:
                  name: %s
                  owner: mesh
                  description: A policy of ProductPlanIT.
                spec:
                  scope: {tags: [%s]}
                  rule: '%s'
                  effect: %s
                  message: %s
                """.formatted(name, tag, rule, effect, message));
        Run apply = run("policy", "apply", "-f", document.toString(), "--bootstrap-server", mesh.bootstrapServers());
        assertThat(apply.exit()).as(apply.out()).isZero();
    }

    private static String unique(String prefix) {
        // Lower-kebab name parts: letters and digits; the UUID's hex digits all qualify.
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private static Path write(Path folder, String domain, String name, String tag, String version, List<String> inputs,
                              List<String> consumers) throws Exception {
        Files.writeString(folder.resolve(name + ".avsc"), """
                {"type": "record", "name": "Thing", "namespace": "plan.it", "doc": "A thing.",
                 "fields": [{"name": "id", "type": "string", "doc": "The thing's id."}]}
                """);
        Path descriptor = folder.resolve(name + ".product.yaml");
        Files.writeString(descriptor, """
                apiVersion: meshbone/v1
                kind: DataProduct
                metadata:
                  name: %s
                  domain: %s
                  owner: team-plan@example.com
                  description: A product planned by ProductPlanIT.
                  tags: [%s]
                spec:
                  version: %s
                  type: event
                  value: {schema: %s.avsc}
                  compatibility: BACKWARD
                  classification: internal
                  partitions: 1
                  slo: {freshness: 5m}
                  inputs: %s
                  consumers: %s
                """.formatted(name, domain, tag, version, name, inputs, consumers));
        return descriptor;
    }
}
