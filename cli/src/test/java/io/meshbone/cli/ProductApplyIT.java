package io.meshbone.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.meshbone.localkafka.testing.SharedKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code product apply -f DIR} against the shared embedded mesh: folders, input order, one batch of decisions. */
@ExtendWith({SharedKafka.class, SharedMesh.class})
class ProductApplyIT {

    record Run(int exit, String out, String err) {
    }

    private static Run apply(EmbeddedMesh mesh, String... paths) {
        List<String> args = new ArrayList<>(List.of("product", "apply"));
        for (String path : paths) {
            args.addAll(List.of("-f", path));
        }
        args.addAll(List.of("--bootstrap-server", mesh.bootstrapServers()));
        CommandLine cli = Meshbone.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void appliesAFolderWithInputsBeforeTheProductsThatReadThem(EmbeddedMesh mesh, @TempDir Path dir) throws Exception {
        String domain = domain();
        // File order puts the reader first; the gate would reject it if it came before its input.
        write(dir, domain, "a-reader", List.of(domain + ".z-source"), "1.0.0");
        write(Files.createDirectories(dir.resolve("nested")), domain, "z-source", List.of(), "1.0.0");
        // Build output and hidden folders are not applied: these would be rejected (duplicates of other names).
        write(Files.createDirectories(dir.resolve("target")), domain, "a-reader", List.of(), "0.0.1");
        write(Files.createDirectories(dir.resolve(".hidden")), domain, "z-source", List.of(), "0.0.1");

        Run run = apply(mesh, dir.toString());

        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("[1/2] applying ").contains("[2/2] applying ").doesNotContain("[1/4]");
        int source = run.out().indexOf(domain + ".z-source 1.0.0 ACCEPTED");
        int reader = run.out().indexOf(domain + ".a-reader 1.0.0 ACCEPTED");
        assertThat(source).as(run.out()).isNotNegative();
        assertThat(reader).as(run.out()).isGreaterThan(source);

        Run again = apply(mesh, dir.toString());
        assertThat(again.exit()).isZero();
        assertThat(again.out()).contains(domain + ".a-reader 1.0.0 ACCEPTED (unchanged)")
                .contains(domain + ".z-source 1.0.0 ACCEPTED (unchanged)");
    }

    @Test
    void exitsOneWhenAnyOfTheBatchIsRejectedAndStillListsTheOthers(EmbeddedMesh mesh, @TempDir Path dir) throws Exception {
        String domain = domain();
        write(dir, domain, "good", List.of(), "1.0.0");
        Path bad = write(dir, domain, "bad", List.of(domain + ".missing"), "1.0.0");

        Run run = apply(mesh, dir.resolve("good.product.yaml").toString(), bad.toString());

        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.out()).contains(domain + ".good 1.0.0 ACCEPTED").containsPattern("bad\\.product\\.yaml .*REJECTED")
                .contains("spec.inputs[0]: '" + domain + ".missing' names no known product");
    }

    private static String domain() {
        // Domain names are lower-kebab letters and digits; the UUID's hex digits all qualify.
        return "apply" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private static Path write(Path folder, String domain, String name, List<String> inputs, String version) throws Exception {
        Files.writeString(folder.resolve(name + ".avsc"), """
                {"type": "record", "name": "Thing", "namespace": "apply.it", "doc": "A thing.",
                 "fields": [{"name": "id", "type": "string", "doc": "The thing's id."}]}
                """);
        Path descriptor = folder.resolve(name + ".product.yaml");
        Files.writeString(descriptor, """
                apiVersion: meshbone/v1
                kind: DataProduct
                metadata:
                  name: %s
                  domain: %s
                  owner: team-apply@example.com
                  description: A product applied by ProductApplyIT.
                spec:
                  version: %s
                  type: event
                  value: {schema: %s.avsc}
                  compatibility: BACKWARD
                  classification: internal
                  partitions: 1
                  slo: {freshness: 5m}
                %s""".formatted(name, domain, version, name, inputs.isEmpty() ? "" : "  inputs: " + inputs + "\n"));
        return descriptor;
    }
}
