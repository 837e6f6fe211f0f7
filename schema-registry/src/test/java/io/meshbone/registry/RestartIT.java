package io.meshbone.registry;

import static io.meshbone.registry.Registries.field;
import static io.meshbone.registry.Registries.fieldWithDefault;
import static io.meshbone.registry.Registries.record;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.meshbone.localkafka.KafkaCluster;
import io.meshbone.localkafka.testing.SharedKafka;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedKafka.class)
class RestartIT {

    @Test
    void aNewInstanceOnTheSameTopicServesIdenticalSubjectsVersionsAndIds(KafkaCluster kafka) {
        String topic = Registries.uniqueTopic();
        JsonNode before;
        int nextId;
        try (SchemaRegistryServer first = Registries.start(kafka, topic)) {
            Http http = new Http(first.url());
            for (int i = 0; i < 5; i++) {
                http.post("/subjects/restart-" + i + "/versions", Http.schemaBody(record("R" + i, field("a", "int"))));
                http.post("/subjects/restart-" + i + "/versions",
                        Http.schemaBody(record("R" + i, field("a", "int"), fieldWithDefault("b", "string", "\"x\""))));
            }
            http.delete("/subjects/restart-4/versions/1");
            http.put("/config/restart-0", "{\"compatibility\":\"NONE\"}");
            http.put("/mode/restart-1", "{\"mode\":\"READONLY\"}");
            nextId = http.post("/subjects/restart-extra/versions", Http.schemaBody(record("Extra", field("z", "long"))))
                    .json().get("id").asInt();
            before = snapshot(http);
        }
        try (SchemaRegistryServer second = Registries.start(kafka, topic)) {
            Http http = new Http(second.url());
            assertThat(snapshot(http)).isEqualTo(before);
            assertThat(http.get("/subjects/restart-extra/versions/1").json().get("id").asInt()).isEqualTo(nextId);
            int newer = http.post("/subjects/restart-new/versions", Http.schemaBody(record("Newer", field("q", "long"))))
                    .json().get("id").asInt();
            assertThat(newer).as("ids keep growing after a restart").isGreaterThan(nextId);
        }
    }

    private static JsonNode snapshot(Http http) {
        var node = Http.JSON.createObjectNode();
        node.set("schemas", http.get("/schemas?deleted=true").json());
        node.set("subjects", http.get("/subjects").json());
        node.set("config", http.get("/config/restart-0").json());
        node.set("mode", http.get("/mode/restart-1").json());
        return node;
    }

    @Test
    void storesStateInACompactedSinglePartitionTopicWithConfluentShapedKeys(KafkaCluster kafka) throws Exception {
        String topic = Registries.uniqueTopic();
        try (SchemaRegistryServer registry = Registries.start(kafka, topic);
             Admin admin = Admin.create(kafka.clientConfig())) {
            new Http(registry.url()).post("/subjects/shape/versions", Http.schemaBody(record("Shape", field("a", "int"))));
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
            assertThat(description.partitions()).hasSize(1);
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            assertThat(admin.describeConfigs(List.of(resource)).all().get().get(resource).get("cleanup.policy").value())
                    .isEqualTo("compact");
        }
        Map<String, Object> config = Map.of("bootstrap.servers", kafka.bootstrapServers(), "isolation.level", "read_committed");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            List<ConsumerRecord<String, String>> records = consumer.poll(Duration.ofSeconds(10)).records(partition);
            assertThat(records).hasSize(1);
            assertThat(records.get(0).key()).isEqualTo("{\"keytype\":\"SCHEMA\",\"subject\":\"shape\",\"version\":1,\"magic\":1}");
            JsonNode value = Http.JSON.readTree(records.get(0).value());
            assertThat(value.get("subject").asText()).isEqualTo("shape");
            assertThat(value.get("deleted").asBoolean()).isFalse();
            assertThat(value.get("schema").asText()).contains("Shape");
        }
    }
}
