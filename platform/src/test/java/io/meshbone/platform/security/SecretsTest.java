package io.meshbone.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import io.meshbone.platform.mesh.MeshClientSettings;
import io.meshbone.platform.registry.SchemaRegistryClientSettings;
import org.junit.jupiter.api.Test;

class SecretsTest {

    private static final String PASSWORD = "s3cr3t-Pa55word-xyz";

    @Test
    void masksTheUserInfoOfEveryUrlInAText() {
        assertThat(Secrets.maskUrls("http://gate:" + PASSWORD + "@localhost:8081,https://a:b@r2:8081/x"))
                .isEqualTo("http://[hidden]@localhost:8081,https://[hidden]@r2:8081/x");
        assertThat(Secrets.maskUrls("http://localhost:8081")).isEqualTo("http://localhost:8081");
    }

    @Test
    void hidesSecretSettingsAndKeepsTheOthers() {
        Map<String, Object> masked = Secrets.masked(Map.of(
                "sasl.jaas.config", "ScramLoginModule required username=\"gate\" password=\"" + PASSWORD + "\";",
                "basic.auth.user.info", "gate:" + PASSWORD,
                "schema.registry.url", "http://gate:" + PASSWORD + "@localhost:8081",
                "security.protocol", "SASL_PLAINTEXT"));
        assertThat(masked.toString()).doesNotContain(PASSWORD);
        assertThat(masked).containsEntry("security.protocol", "SASL_PLAINTEXT")
                .containsEntry("sasl.jaas.config", Secrets.HIDDEN);
    }

    @Test
    void clientSettingsPrintNoPassword() {
        SchemaRegistryClientSettings registry = SchemaRegistryClientSettings.of("http://gate:" + PASSWORD + "@localhost:8081",
                Map.of("basic.auth.credentials.source", "USER_INFO", "basic.auth.user.info", "gate:" + PASSWORD));
        assertThat(registry.userInfo()).isEqualTo("gate:" + PASSWORD);
        assertThat(registry.withRetries(1, Duration.ZERO, Duration.ZERO).toString()).doesNotContain(PASSWORD);

        MeshClientSettings mesh = MeshClientSettings.of("http://localhost:8080")
                .with("sasl.jaas.config", "password=\"" + PASSWORD + "\"");
        assertThat(mesh.toString()).doesNotContain(PASSWORD);
    }
}
