package io.meshbone.cli.serve;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import io.meshbone.http.HttpSecurity;
import io.meshbone.registry.SchemaRegistryServer;
import io.meshbone.registry.SchemaRegistrySettings;

/**
 * The schema registry on its port; any number of instances serve the same {@code _schemas} topic, forwarding writes
 * to the one that is the writer.
 *
 * @param port          the HTTP port (0 = free port)
 * @param http          the users file (secure mode) and the further names mutating requests may carry
 * @param advertisedUrl where the other instances reach this one while it is the writer; null: the host and port
 */
public record RegistryPart(int port, HttpSecurity http, URI advertisedUrl) implements MeshPart<SchemaRegistryServer> {

    /** In open mode. */
    public RegistryPart(int port) {
        this(port, HttpSecurity.open());
    }

    /** Advertising the host and the bound port. */
    public RegistryPart(int port, HttpSecurity http) {
        this(port, http, null);
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
                .withAllowedHosts(http.allowedHosts()).withAllowedOrigins(http.allowedOrigins()).withAdvertisedUrl(advertisedUrl);
        return SchemaRegistryServer.start(http.usersFile().map(settings::withUsersFile).orElse(settings), context.health());
    }

    @Override
    public Map<String, String> addresses(SchemaRegistryServer started) {
        return Map.of("schema.registry.url", started.url().toString());
    }
}
