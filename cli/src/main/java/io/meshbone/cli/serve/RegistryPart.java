package io.meshbone.cli.serve;

import java.util.HashMap;
import java.util.Map;

import io.meshbone.http.HttpSecurity;
import io.meshbone.registry.SchemaRegistryServer;
import io.meshbone.registry.SchemaRegistrySettings;

/**
 * The schema registry on its port; any number of instances serve the same {@code _schemas} topic.
 *
 * @param port the HTTP port (0 = free port)
 * @param http the users file (secure mode) and the further names mutating requests may carry
 */
public record RegistryPart(int port, HttpSecurity http) implements MeshPart<SchemaRegistryServer> {

    /** In open mode. */
    public RegistryPart(int port) {
        this(port, HttpSecurity.open());
    }

    @Override
    public String name() {
        return "registry";
    }

    @Override
    public SchemaRegistryServer start(PartContext context) {
        Map<String, Object> kafka = new HashMap<>(context.clientConfig());
        kafka.remove("bootstrap.servers");
        SchemaRegistrySettings settings = SchemaRegistrySettings.defaults(context.bootstrapServers())
                .withHost(context.host()).withPort(port).withKafkaConfig(kafka)
                .withAllowedHosts(http.allowedHosts()).withAllowedOrigins(http.allowedOrigins());
        return SchemaRegistryServer.start(http.usersFile().map(settings::withUsersFile).orElse(settings), context.health());
    }

    @Override
    public Map<String, String> addresses(SchemaRegistryServer started) {
        return Map.of("schema.registry.url", started.url().toString());
    }
}
