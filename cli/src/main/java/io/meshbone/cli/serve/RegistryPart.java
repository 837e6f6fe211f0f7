package io.meshbone.cli.serve;

import java.util.HashMap;
import java.util.Map;

import io.meshbone.registry.SchemaRegistryServer;
import io.meshbone.registry.SchemaRegistrySettings;

/** The schema registry on its port; any number of instances serve the same {@code _schemas} topic. */
public record RegistryPart(int port) implements MeshPart<SchemaRegistryServer> {

    @Override
    public String name() {
        return "registry";
    }

    @Override
    public SchemaRegistryServer start(PartContext context) {
        Map<String, Object> kafka = new HashMap<>(context.clientConfig());
        kafka.remove("bootstrap.servers");
        return SchemaRegistryServer.start(SchemaRegistrySettings.defaults(context.bootstrapServers())
                .withHost(context.host()).withPort(port).withKafkaConfig(kafka), context.health());
    }

    @Override
    public Map<String, String> addresses(SchemaRegistryServer started) {
        return Map.of("schema.registry.url", started.url().toString());
    }
}
