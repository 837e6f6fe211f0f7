package io.meshbone.registry;

import io.meshbone.localkafka.KafkaCluster;
import io.meshbone.localkafka.testing.TestTopics;

/** Starts registries for tests: loopback, a free port, and a schemas topic no other test uses. */
final class Registries {

    private Registries() {
    }

    static String uniqueTopic() {
        return TestTopics.unique("_schemas");
    }

    static SchemaRegistryServer start(KafkaCluster kafka, String topic) {
        return SchemaRegistryServer.start(SchemaRegistrySettings.defaults(kafka.bootstrapServers())
                .withHost("127.0.0.1").withPort(0).withTopic(topic));
    }

    /** A record schema {@code name} with the given fields, each {@code {"name":…,"type":…}} JSON. */
    static String record(String name, String... fields) {
        return "{\"type\":\"record\",\"name\":\"" + name + "\",\"namespace\":\"io.meshbone.test\",\"fields\":["
                + String.join(",", fields) + "]}";
    }

    static String field(String name, String type) {
        return "{\"name\":\"" + name + "\",\"type\":\"" + type + "\"}";
    }

    static String fieldWithDefault(String name, String type, String defaultJson) {
        return "{\"name\":\"" + name + "\",\"type\":\"" + type + "\",\"default\":" + defaultJson + "}";
    }
}
