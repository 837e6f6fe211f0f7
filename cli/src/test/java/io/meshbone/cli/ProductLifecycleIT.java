package io.meshbone.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.meshbone.localkafka.testing.SharedKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code product deprecate} and {@code product retire} against the shared embedded mesh: decisions printed, exit codes. */
@ExtendWith({SharedKafka.class, SharedMesh.class})
class ProductLifecycleIT {

    record Run(int exit, String out, String err) {
    }

    private static Run run(EmbeddedMesh mesh, String... verb) {
        List<String> args = new ArrayList<>(List.of(verb));
        args.addAll(List.of("--bootstrap-server", mesh.bootstrapServers(), "--catalog-url", mesh.catalogUrl().toString()));
        CommandLine cli = Meshbone.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void deprecatesThenRetiresAProductPrintingEachDecision(EmbeddedMesh mesh, @TempDir Path dir) throws Exception {
        String domain = "life" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String old = domain + ".old-feed";
        String successor = domain + ".new-feed";
        write(dir, domain, "old-feed");
        write(dir, domain, "new-feed");
        assertThat(run(mesh, "product", "apply", "-f", dir.toString()).exit()).isZero();
        String sunset = LocalDate.now(ZoneOffset.UTC).plusDays(90).toString();

        Run deprecate = run(mesh, "product", "deprecate", old, "--sunset", sunset, "--successor", successor,
                "--reason", "new-feed keys by id");
        assertThat(deprecate.exit()).as(deprecate.out() + deprecate.err()).isZero();
        assertThat(deprecate.out()).contains(old + " 1.0.0 ACCEPTED\n")
                .contains("deprecated: sunset " + sunset + ", successor " + successor);

        Run describe = run(mesh, "product", "describe", old);
        // README: `product describe … | sed -n 3p` is the DEPRECATED line, right under the description.
        assertThat(describe.out().lines().skip(2).findFirst()).as(describe.out())
                .contains("DEPRECATED sunset " + sunset + ", successor " + successor + " (new-feed keys by id)");
        assertThat(describe.out().lines().skip(3).findFirst()).contains("");

        Run refused = run(mesh, "product", "deprecate", successor, "--sunset", "2000-01-01", "--successor", domain + ".nope",
                "--principal", "User:intruder");
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.out()).contains(successor + " 1.0.0 REJECTED")
                .contains("  " + successor + ": principal: User:intruder may not deprecate a product listed by User:meshbone-up")
                .contains("  " + successor + ": sunset: 2000-01-01 is in the past")
                .contains("  " + successor + ": successor: '" + domain + ".nope' names no listed product");

        Run retire = run(mesh, "product", "retire", old);
        assertThat(retire.exit()).as(retire.out() + retire.err()).isZero();
        assertThat(retire.out()).contains(old + " 1.0.0 ACCEPTED");
        Run again = run(mesh, "product", "retire", old);
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.out()).contains(old + " 1.0.0 REJECTED").contains(old + ": name: no listed product of that name to retire");
        Run unknown = run(mesh, "product", "retire", domain + ".never-listed");
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.out()).contains(domain + ".never-listed REJECTED\n");
    }

    @Test
    void deprecateWithoutASunsetIsAUsageError(EmbeddedMesh mesh) {
        Run run = run(mesh, "product", "deprecate", "orders.order-placed", "--successor", "orders.order-status");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--sunset");
    }

    private static void write(Path folder, String domain, String name) throws Exception {
        Files.writeString(folder.resolve(name + ".avsc"), """
                {"type": "record", "name": "Feed", "namespace": "lifecycle.it", "doc": "One entry of a feed.",
                 "fields": [{"name": "id", "type": "string", "doc": "The entry's id."}]}
                """);
        Files.writeString(folder.resolve(name + ".product.yaml"), """
                apiVersion: meshbone/v1
                kind: DataProduct
                metadata:
                  name: %s
                  domain: %s
                  owner: team-lifecycle@example.com
                  description: A feed listed by ProductLifecycleIT.
                spec:
                  version: 1.0.0
                  type: event
                  value: {schema: %s.avsc}
                  compatibility: BACKWARD
                  classification: internal
                  partitions: 1
                  slo: {freshness: 5m}
                """.formatted(name, domain, name));
    }
}
