package io.meshbone.localkafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;

import io.meshbone.localkafka.testing.SharedSecureKafka;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A kept data dir changes mode the way a user expects: one first run open restarts secure with the admin able to log
 * in and its topics still there; one run secure refuses to start open, naming the dir.
 */
class DataDirSecurityIT {

    @Test
    void openDataDirRestartsSecureAndRefusesToGoBackOpen(@TempDir Path dataDir) throws Exception {
        LocalKafkaSettings open = LocalKafkaSettings.defaults().withDataDir(dataDir);
        assertThat(DataDirSecurity.of(dataDir)).isEqualTo(DataDirSecurity.NEW);
        try (LocalKafka kafka = LocalKafka.start(open); Admin admin = Admin.create(kafka.adminClientConfig())) {
            admin.createTopics(List.of(new NewTopic("kept-across-modes", 1, (short) 1))).all().get();
        }
        assertThat(DataDirSecurity.of(dataDir)).isEqualTo(DataDirSecurity.OPEN);
        assertThat(Files.readString(dataDir.resolve(DataDirSecurity.FILE)).trim()).isEqualTo("open");
        // A dir from before the mode file (or without it) is judged by its format: no admin credential, so open.
        Files.delete(dataDir.resolve(DataDirSecurity.FILE));
        assertThat(DataDirSecurity.of(dataDir)).isEqualTo(DataDirSecurity.OPEN);

        String password = SharedSecureKafka.randomPassword();
        try (LocalKafka kafka = LocalKafka.start(open.withSecurity(password));
             Admin admin = Admin.create(kafka.adminClientConfig())) {
            assertThat(kafka.adminClientConfig()).containsEntry("security.protocol", "SASL_PLAINTEXT");
            assertThat(admin.listTopics().names().get()).contains("kept-across-modes");
            assertThat(DataDirSecurity.of(dataDir)).isEqualTo(DataDirSecurity.SECURE);

            try (Admin intruder = Admin.create(kafka.clientConfig(KafkaSecurity.ADMIN, "not-the-password"))) {
                assertThatThrownBy(() -> intruder.describeCluster().nodes().get())
                        .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(SaslAuthenticationException.class);
            }
        }

        assertThatThrownBy(() -> LocalKafka.start(open))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(dataDir.toString()).hasMessageContaining("was set up secure");
        assertThat(DataDirSecurity.of(dataDir)).isEqualTo(DataDirSecurity.SECURE);

        // Once secure, it restarts secure with the same password without another conversion.
        try (LocalKafka kafka = LocalKafka.start(open.withSecurity(password));
             Admin admin = Admin.create(kafka.adminClientConfig())) {
            assertThat(admin.listTopics().names().get()).contains("kept-across-modes");
        }
    }

    @Test
    void secureDataDirWithoutItsModeFileIsJudgedByItsFormat() {
        // Temporary data dirs get no mode file: the admin's credential among the format-time records tells.
        LocalKafka secure = SharedSecureKafka.acquire();
        try {
            assertThat(Files.exists(secure.dataDir().resolve(DataDirSecurity.FILE))).isFalse();
            assertThat(DataDirSecurity.of(secure.dataDir())).isEqualTo(DataDirSecurity.SECURE);
        } finally {
            SharedSecureKafka.release();
        }
    }

    @Test
    void unreadableModeFileIsNamed(@TempDir Path dataDir) throws Exception {
        Files.writeString(dataDir.resolve(DataDirSecurity.FILE), "sort-of\n");
        assertThatThrownBy(() -> DataDirSecurity.of(dataDir))
                .hasMessageContaining(dataDir.resolve(DataDirSecurity.FILE).toString())
                .hasMessageContaining("expected 'open' or 'secure', got 'sort-of'");
    }
}
