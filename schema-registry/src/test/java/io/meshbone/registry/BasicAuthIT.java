package io.meshbone.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.meshbone.localkafka.KafkaCluster;
import io.meshbone.localkafka.testing.SharedKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedKafka.class)
class BasicAuthIT {

    @Test
    void rejectsMissingOrWrongCredentialsWith401AndAcceptsAKnownUser(KafkaCluster kafka) {
        SchemaRegistrySettings settings = SchemaRegistrySettings.defaults(kafka.bootstrapServers()).withHost("127.0.0.1")
                .withPort(0).withTopic(Registries.uniqueTopic()).withUsers(Map.of("alice", "s3cret"));
        try (SchemaRegistryServer registry = SchemaRegistryServer.start(settings)) {
            Http anonymous = new Http(registry.url());
            Http.Answer refused = anonymous.get("/subjects");
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.errorCode()).isEqualTo(401);
            assertThat(anonymous.withBasicAuth("alice", "wrong").get("/subjects").status()).isEqualTo(401);
            assertThat(anonymous.withBasicAuth("mallory", "s3cret").get("/subjects").status()).isEqualTo(401);
            assertThat(anonymous.withBasicAuth("alice", "s3cret").get("/subjects").status()).isEqualTo(200);
        }
    }
}
