package io.meshbone.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import io.meshbone.localkafka.LocalKafka;
import io.meshbone.localkafka.testing.SharedSecureKafka;
import io.meshbone.platform.security.CredentialStore;
import io.meshbone.platform.security.MeshCredentials;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AccessControlEntryFilter;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.ResourcePatternFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code meshbone credentials create} on the shared secure cluster, as compose's one-shot credentials service runs it. */
@ExtendWith(SharedSecureKafka.class)
class CredentialsCreateIT {

    @TempDir
    Path dataDir;

    @Test
    void writesRegistersAndGrantsEveryPrincipalTwiceAlike(LocalKafka kafka) throws Exception {
        CredentialsCommand.Create create = new CredentialsCommand.Create();
        create.dataDir = dataDir;
        create.bootstrapServer = kafka.bootstrapServers();
        create.adminPassword = adminPassword(kafka);
        assertThat(create.call()).isZero();
        CredentialStore store = CredentialStore.in(dataDir);
        MeshCredentials registry = CredentialStore.read(store.file("registry"));
        assertThat(CredentialStore.read(store.file("admin")).password()).isEqualTo(create.adminPassword);
        assertThat(Files.readString(store.httpUsersFile())).contains("registry: " + registry.password());

        // A second run (a compose restart) keeps the files and registers the same passwords again.
        assertThat(create.call()).isZero();
        assertThat(CredentialStore.read(store.file("registry")).password()).isEqualTo(registry.password());

        Map<String, Object> asRegistry = new HashMap<>(registry.kafkaClientConfig());
        asRegistry.put("bootstrap.servers", kafka.bootstrapServers());
        try (Admin admin = Admin.create(asRegistry)) {
            assertThat(admin.describeCluster().clusterId().get()).isNotBlank();
        }
        try (Admin admin = Admin.create(kafka.adminClientConfig())) {
            AclBindingFilter registryAcls = new AclBindingFilter(ResourcePatternFilter.ANY,
                    new AccessControlEntryFilter(registry.principal(), null, AclOperation.ANY, AclPermissionType.ANY));
            assertThat(admin.describeAcls(registryAcls).values().get()).isNotEmpty();
        }
    }

    private static String adminPassword(LocalKafka kafka) throws Exception {
        Path file = Files.createTempFile("admin", ".properties");
        try {
            Files.writeString(file, "sasl.jaas.config=" + kafka.adminClientConfig().get("sasl.jaas.config") + "\n");
            return CredentialStore.read(file).password();
        } finally {
            Files.delete(file);
        }
    }
}
