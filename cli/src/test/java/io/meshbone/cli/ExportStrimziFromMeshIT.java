package io.meshbone.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import io.meshbone.localkafka.testing.SharedKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code meshbone export strimzi --from-mesh} on the shared embedded mesh, whose listed products are the example contracts. */
@ExtendWith({SharedKafka.class, SharedMesh.class})
class ExportStrimziFromMeshIT {

    @Test
    void writesTheSameTopicsForTheListedProductsAsForTheirContracts(EmbeddedMesh mesh, @TempDir Path dir) throws IOException {
        Path fromMesh = dir.resolve("from-mesh");
        Path fromContracts = dir.resolve("from-contracts");
        StringWriter err = new StringWriter();
        assertThat(run(err, "export", "strimzi", "--from-mesh", "--bootstrap-server", mesh.bootstrapServers(), "-o", fromMesh.toString()))
                .as(err.toString()).isZero();
        assertThat(run(err, "export", "strimzi", "--from", "../schemas", "-o", fromContracts.toString())).as(err.toString()).isZero();

        CrdSchemas crds = new CrdSchemas();
        try (Stream<Path> files = Files.list(fromContracts)) {
            for (Path expected : files.filter(Files::isRegularFile).toList()) {
                Path actual = fromMesh.resolve(expected.getFileName());
                // Other ITs in this JVM may list more products; every example contract must be there, identical.
                assertThat(actual).as(expected.getFileName().toString()).hasSameTextualContentAs(expected);
                assertThat(crds.problems(CrdSchemas.documents(actual).get(0))).isEmpty();
            }
        }
        // A KafkaUser's ACLs cover every listed product, so other ITs' products make them differ: each must exist and be valid.
        try (Stream<Path> users = Files.list(fromContracts.resolve("users"))) {
            for (Path expected : users.toList()) {
                Path actual = fromMesh.resolve("users").resolve(expected.getFileName());
                assertThat(actual).as(expected.getFileName().toString()).exists();
                assertThat(crds.problems(CrdSchemas.documents(actual).get(0))).isEmpty();
            }
        }
    }

    private static int run(StringWriter err, String... args) {
        CommandLine cli = Meshbone.commandLine();
        cli.setOut(new PrintWriter(new StringWriter(), true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }
}
