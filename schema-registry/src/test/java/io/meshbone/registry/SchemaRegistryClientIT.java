package io.meshbone.registry;

import static io.meshbone.registry.Registries.field;
import static io.meshbone.registry.Registries.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

import io.meshbone.localkafka.KafkaCluster;
import io.meshbone.platform.registry.CompatibilityResult;
import io.meshbone.platform.registry.RegisteredSchema;
import io.meshbone.platform.registry.SchemaRegistryClient;
import io.meshbone.platform.registry.SchemaRegistryClientSettings;
import io.meshbone.platform.registry.SchemaRegistryException;
import io.meshbone.localkafka.testing.SharedKafka;
import io.meshbone.localkafka.testing.TestTopics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Our client against our server, both real, with basic auth on and a dead URL in front for failover. */
@ExtendWith(SharedKafka.class)
class SchemaRegistryClientIT {

    private static SchemaRegistryServer registry;
    private static SchemaRegistryClient client;

    @BeforeAll
    static void start(KafkaCluster kafka) throws IOException {
        registry = SchemaRegistryServer.start(SchemaRegistrySettings.defaults(kafka.bootstrapServers()).withHost("127.0.0.1")
                .withPort(0).withTopic(Registries.uniqueTopic()).withUsers(Map.of("app", "pw")));
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            deadPort = socket.getLocalPort();
        }
        client = new SchemaRegistryClient(SchemaRegistryClientSettings.of("http://127.0.0.1:" + deadPort + "," + registry.url())
                .withUserInfo("app:pw"));
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    @Test
    void registersLooksUpAndReadsSchemasThroughAFailedOverUrl() {
        String subject = TestTopics.unique("client") + "-value";
        String v1 = record("Client", field("a", "string"));
        int id = client.register(subject, v1);
        RegisteredSchema found = client.lookup(subject, v1);
        assertThat(found.id()).isEqualTo(id);
        assertThat(found.version()).isEqualTo(1);
        assertThat(client.latest(subject).schema()).isEqualTo(v1);
        assertThat(client.version(subject, 1).id()).isEqualTo(id);
        assertThat(client.schemaById(id)).isEqualTo(v1);
        assertThat(client.subjects()).contains(subject);
    }

    @Test
    void reportsIncompatibilityWithReasonsAndRefusesTheRegistration() {
        String subject = TestTopics.unique("client-compat") + "-value";
        client.register(subject, record("Compat", field("a", "string")));
        String breaking = record("Compat", field("a", "string"), field("b", "int"));
        CompatibilityResult result = client.testCompatibility(subject, breaking);
        assertThat(result.compatible()).isFalse();
        assertThat(String.join("\n", result.messages())).contains("'b'", "no default value");
        assertThatThrownBy(() -> client.register(subject, breaking)).isInstanceOf(SchemaRegistryException.class)
                .satisfies(e -> assertThat(((SchemaRegistryException) e).status()).isEqualTo(409));
    }

    @Test
    void setsCompatibilityForASubjectThatDoesNotExistYetAsKafkajsDoes() {
        String subject = TestTopics.unique("client-config") + "-value";
        assertThatThrownBy(() -> new SchemaRegistryClient(SchemaRegistryClientSettings.of(registry.url().toString())
                .withUserInfo("app:pw")).version(subject, 1))
                .isInstanceOf(SchemaRegistryException.class)
                .satisfies(e -> assertThat(((SchemaRegistryException) e).errorCode()).isEqualTo(40401));
        assertThat(client.compatibility(subject)).isEqualTo(client.globalCompatibility());
        assertThat(client.setCompatibility(subject, "FORWARD")).isEqualTo("FORWARD");
        assertThat(client.compatibility(subject)).isEqualTo("FORWARD");
    }

    @Test
    void failsWith401WithoutCredentials() {
        SchemaRegistryClient anonymous = new SchemaRegistryClient(SchemaRegistryClientSettings.of(registry.url().toString()));
        assertThatThrownBy(anonymous::subjects).isInstanceOf(SchemaRegistryException.class)
                .satisfies(e -> assertThat(((SchemaRegistryException) e).status()).isEqualTo(401));
    }
}
