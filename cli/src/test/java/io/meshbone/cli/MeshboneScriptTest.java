package io.meshbone.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./meshbone} script at the repository root, run by bash in a copy of the repository's layout with
 * {@code mvn} and {@code java} stubs that note their calls: it rebuilds the jar only when what the jar is built
 * from changed.
 */
class MeshboneScriptTest {

    private static final Instant SOURCES = Instant.parse("2026-12-01T10:00:00Z");
    private static final Instant JAR = SOURCES.plusSeconds(60);
    private static final Instant EDITED = JAR.plusSeconds(60);

    @TempDir
    Path root;

    @TempDir
    Path bin;

    @BeforeEach
    void repository() throws IOException {
        Files.copy(Path.of("../meshbone"), root.resolve("meshbone"));
        write("pom.xml", "<project><modules>\n    <module>schemas</module>\n    <module>cli</module>\n</modules></project>\n");
        write("schemas/pom.xml", "<project/>");
        write("schemas/src/main/resources/meshbone/products/index", "orders/revenue-by-hour.product.yaml\n");
        write("schemas/orders/revenue-by-hour.product.yaml",
                "spec:\n  key: {schema: revenue-by-hour-key.avsc}\n  value: {schema: revenue-by-hour.avsc}\n");
        write("schemas/orders/revenue-by-hour.avsc", "{}");
        write("schemas/orders/revenue-by-hour-key.avsc", "{}");
        write("cli/pom.xml", "<project/>");
        write("cli/src/main/java/Main.java", "class Main {}");
        write("cli/src/test/java/MainTest.java", "class MainTest {}");
        write("policies/owner-is-email.policy.yaml", "name: owner-is-email");
        write("connectors/config/dashboard-sink.json", "{}");
        try (var files = Files.walk(root)) {
            for (Path path : files.toList()) {
                Files.setLastModifiedTime(path, FileTime.from(SOURCES));
            }
        }
        write("cli/target/meshbone.jar", "");
        Files.setLastModifiedTime(root.resolve("cli/target/meshbone.jar"), FileTime.from(JAR));
        stub("mvn");
        stub("java");
    }

    @Test
    void runsTheJarWithoutBuildingWhenNothingChanged() throws Exception {
        assertThat(run()).containsExactly("java");
    }

    @Test
    void aNewContractItsAppAndTestSourcesNeedNoNewJar() throws Exception {
        edit("schemas/payments/refund-issued.product.yaml");
        edit("schemas/payments/refund-issued.avsc");
        edit("refund-issued-app/src/main/java/com/example/payments/RefundIssuedApp.java");
        edit("cli/src/test/java/MainTest.java");

        assertThat(run()).containsExactly("java");
    }

    @Test
    void aPasswordConnectApplyMovedBesideTheConfigsNeedsNoNewJar() throws Exception {
        edit("connectors/config/dashboard-sink.secrets.properties");
        Files.setLastModifiedTime(root.resolve("connectors/config"), FileTime.from(EDITED));

        assertThat(run()).containsExactly("java");
    }

    @Test
    void anEditedExampleContractOrItsKeySchemaRebuildsTheJar() throws Exception {
        edit("schemas/orders/revenue-by-hour-key.avsc");
        assertThat(run()).containsExactly("mvn", "java");

        Files.setLastModifiedTime(root.resolve("schemas/orders/revenue-by-hour-key.avsc"), FileTime.from(SOURCES));
        edit("schemas/orders/revenue-by-hour.product.yaml");
        assertThat(run()).containsExactly("mvn", "java");
    }

    @Test
    void anEditedModuleSourcePolicyOrConnectorConfigRebuildsTheJar() throws Exception {
        for (String file : List.of("cli/src/main/java/Main.java", "policies/owner-is-email.policy.yaml",
                "connectors/config/dashboard-sink.json", "schemas/pom.xml")) {
            edit(file);
            assertThat(run()).as(file).containsExactly("mvn", "java");
            Files.setLastModifiedTime(root.resolve(file), FileTime.from(SOURCES));
        }
    }

    @Test
    void aDeletedModuleSourceRebuildsTheJar() throws Exception {
        Files.delete(root.resolve("cli/src/main/java/Main.java"));

        assertThat(run()).containsExactly("mvn", "java");
    }

    /** Runs {@code ./meshbone version} and answers the stubs called, in order. */
    private List<String> run() throws Exception {
        Path calls = root.resolve("calls");
        Files.deleteIfExists(calls);
        ProcessBuilder builder = new ProcessBuilder("bash", root.resolve("meshbone").toString(), "version")
                .redirectErrorStream(true).redirectOutput(root.resolve("output").toFile());
        builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        builder.environment().put("MESHBONE_SCRIPT_CALLS", calls.toString());
        Process process = builder.start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(Files.readString(root.resolve("output"))).isZero();
        return Files.exists(calls) ? Files.readAllLines(calls) : List.of();
    }

    private void edit(String file) throws IOException {
        Path path = root.resolve(file);
        if (!Files.exists(path)) {
            write(file, "edited");
        }
        Files.setLastModifiedTime(path, FileTime.from(EDITED));
    }

    private void write(String file, String text) throws IOException {
        Path path = root.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text, StandardCharsets.UTF_8);
    }

    private void stub(String command) throws IOException {
        Path path = bin.resolve(command);
        Files.writeString(path, "#!/usr/bin/env bash\necho " + command + " >> \"$MESHBONE_SCRIPT_CALLS\"\n");
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
