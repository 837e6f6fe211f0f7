package io.meshbone.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectorSecretsTest {

    @Test
    void movesLiteralSecretsIntoAnOwnerOnlyFileAndLeavesPlaceholders(@TempDir Path dir) throws Exception {
        ConnectorConfig sink = new ConnectorConfig("sink", Map.of("connection.password", "pw", "connection.url", "jdbc:x",
                "producer.override.sasl.jaas.config", "jaas", "already", "${file:/etc/x.properties:k}"));
        ConnectorConfig stored = ConnectorSecrets.externalize(sink, dir);
        Path file = dir.resolve("sink.secrets.properties").toAbsolutePath();
        assertThat(stored.config()).containsEntry("connection.password", "${file:" + file + ":connection.password}")
                .containsEntry("producer.override.sasl.jaas.config", "${file:" + file + ":producer.override.sasl.jaas.config}")
                .containsEntry("connection.url", "jdbc:x").containsEntry("already", "${file:/etc/x.properties:k}");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(ConnectorSecrets.resolve(stored.config().get("connection.password"))).isEqualTo("pw");
        assertThat(ConnectorSecrets.resolve("plain")).isEqualTo("plain");
    }

    @Test
    void readsARelativePlaceholderFromTheSecretsFolder(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("db.properties"), "password=s3cret\n");
        ConnectorConfig stored = ConnectorSecrets.externalize(new ConnectorConfig("c",
                Map.of("database.password", "${file:db.properties:password}")), dir);
        assertThat(stored.config().get("database.password")).isEqualTo("${file:" + dir.resolve("db.properties").toAbsolutePath() + ":password}");
        assertThat(ConnectorSecrets.resolve(stored.config().get("database.password"))).isEqualTo("s3cret");
        assertThat(Files.exists(dir.resolve("c.secrets.properties"))).as("nothing literal to move").isFalse();
    }

    @Test
    void aMissingSecretsFileIsNamed(@TempDir Path dir) {
        Path missing = dir.resolve("nope.properties");
        assertThatThrownBy(() -> ConnectorSecrets.resolve("${file:" + missing + ":password}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(missing.toString());
    }

    @Test
    void theBundledConfigsHoldNoPassword() {
        for (String file : new String[] {"dashboard-sink.json", "orders-cdc-source.json"}) {
            ConnectorConfig.bundled(file).config().forEach((name, value) -> {
                if (ConnectorSecrets.secret(name)) {
                    assertThat(value).as(file + " " + name).startsWith("${file:");
                }
            });
        }
    }
}
