package io.meshbone.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialStoreTest {

    @TempDir
    Path dataDir;

    @Test
    void writesAKafkaClientPropertiesFilePerPrincipal() throws Exception {
        MeshCredentials gate = CredentialStore.in(dataDir).ensure("gate");

        Path file = dataDir.resolve("credentials/gate.properties");
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        assertThat(properties).containsEntry("security.protocol", "SASL_PLAINTEXT")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required"
                        + " username=\"gate\" password=\"" + gate.password() + "\";")
                .containsEntry("basic.auth.credentials.source", "USER_INFO")
                .containsEntry("basic.auth.user.info", "gate:" + gate.password());
        assertThat(gate.password()).hasSizeGreaterThanOrEqualTo(24);
    }

    @Test
    void keepsPasswordsAcrossRestartsOfTheSameDataDir() {
        List<MeshCredentials> first = CredentialStore.in(dataDir).ensureAll(List.of("admin", "gate"));
        List<MeshCredentials> second = CredentialStore.in(dataDir).ensureAll(List.of("admin", "gate"));

        assertThat(second).isEqualTo(first);
        assertThat(first.get(0).password()).isNotEqualTo(first.get(1).password());
    }

    @Test
    void filesAndFolderAreReadableByTheirOwnerOnly() throws Exception {
        CredentialStore store = CredentialStore.in(dataDir);
        store.ensureAll(List.of("admin"));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.directory()))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file("admin")))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.httpUsersFile()))).isEqualTo("rw-------");
    }

    @Test
    void httpUsersFileListsEveryPrincipalInHashLoginServiceFormat() throws Exception {
        CredentialStore store = CredentialStore.in(dataDir);
        List<MeshCredentials> made = store.ensureAll(List.of("admin", "catalog"));

        assertThat(Files.readAllLines(store.httpUsersFile())).contains(
                "admin: " + made.get(0).password(), "catalog: " + made.get(1).password());
    }

    @Test
    void readsCredentialsBackFromAFileAndNamesTheFileWhenItHasNone() throws Exception {
        CredentialStore store = CredentialStore.in(dataDir);
        MeshCredentials team = store.ensure("team-orders");
        assertThat(CredentialStore.read(store.file("team-orders"))).isEqualTo(team);

        Path empty = Files.writeString(dataDir.resolve("empty.properties"), "security.protocol=SASL_PLAINTEXT\n");
        assertThatThrownBy(() -> CredentialStore.read(empty)).hasMessageContaining(empty.toString())
                .hasMessageContaining("sasl.jaas.config");
    }

    @Test
    void credentialsNeverPrintTheirPassword() {
        MeshCredentials credentials = CredentialStore.in(dataDir).ensure("demo");
        assertThat(credentials.toString()).doesNotContain(credentials.password());
    }
}
