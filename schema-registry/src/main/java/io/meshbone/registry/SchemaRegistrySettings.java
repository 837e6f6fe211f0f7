package io.meshbone.registry;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

import io.meshbone.http.HttpSecurity;

/**
 * How to run a schema registry: the Kafka cluster, where to listen, the schemas topic and who may call.
 *
 * @param bootstrapServers Kafka {@code bootstrap.servers}
 * @param host             interface to listen on
 * @param port             HTTP port; 0 picks a free one (see {@link SchemaRegistryServer#url()})
 * @param topic            the schemas topic, {@code _schemas} by default
 * @param users            user name to password for HTTP basic auth; empty turns auth off
 * @param kafkaConfig      extra Kafka client properties (security settings and the like)
 * @param maxBodyBytes     largest request body accepted; larger ones answer 422 / 42209
 * @param http             secure mode's users file (authentication and the subject rules), and the further host
 *                         names and origins mutating requests may carry
 * @param advertisedUrl    the URL other instances forward writes to while this one is the writer; empty: {@code http://}
 *                         the host (this machine's name when the host is {@code 0.0.0.0}) and the bound port
 */
public record SchemaRegistrySettings(String bootstrapServers, String host, int port, String topic,
                                     Map<String, String> users, Map<String, Object> kafkaConfig, int maxBodyBytes,
                                     HttpSecurity http, Optional<URI> advertisedUrl) {

    public static final int DEFAULT_PORT = 8081;
    public static final String DEFAULT_TOPIC = "_schemas";

    public SchemaRegistrySettings {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(topic, "topic");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port: expected 0..65535, got " + port);
        }
        if (maxBodyBytes < 1024) {
            throw new IllegalArgumentException("maxBodyBytes: expected at least 1024, got " + maxBodyBytes);
        }
        users = Map.copyOf(users);
        kafkaConfig = Map.copyOf(kafkaConfig);
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(advertisedUrl, "advertisedUrl");
        advertisedUrl.ifPresent(SchemaRegistrySettings::checkAdvertised);
        // Other instances append request paths to it: "http://host:port/" would make them send "//subjects/...".
        advertisedUrl = advertisedUrl.map(url -> "/".equals(url.getRawPath()) ? URI.create(url.toString().replaceFirst("/$", "")) : url);
    }

    private static void checkAdvertised(URI url) {
        if (!"http".equals(url.getScheme()) || url.getHost() == null || url.getRawPath() != null && !url.getRawPath().isEmpty()
                && !url.getRawPath().equals("/")) {
            throw new IllegalArgumentException("advertisedUrl: expected http://host:port, got " + url);
        }
    }

    /** Settings in open mode as far as the users file goes, advertising the bound host and port. */
    public SchemaRegistrySettings(String bootstrapServers, String host, int port, String topic,
                                  Map<String, String> users, Map<String, Object> kafkaConfig, int maxBodyBytes,
                                  HttpSecurity http) {
        this(bootstrapServers, host, port, topic, users, kafkaConfig, maxBodyBytes, http, Optional.empty());
    }

    /** Settings in open mode as far as the users file goes. */
    public SchemaRegistrySettings(String bootstrapServers, String host, int port, String topic,
                                  Map<String, String> users, Map<String, Object> kafkaConfig, int maxBodyBytes) {
        this(bootstrapServers, host, port, topic, users, kafkaConfig, maxBodyBytes, HttpSecurity.open());
    }

    /** Port 8081 on localhost, topic {@code _schemas}, no auth, 4 MiB bodies. */
    public static SchemaRegistrySettings defaults(String bootstrapServers) {
        return new SchemaRegistrySettings(bootstrapServers, "localhost", DEFAULT_PORT, DEFAULT_TOPIC, Map.of(), Map.of(), 4 << 20);
    }

    public SchemaRegistrySettings withHost(String value) {
        return new SchemaRegistrySettings(bootstrapServers, value, port, topic, users, kafkaConfig, maxBodyBytes, http, advertisedUrl);
    }

    public SchemaRegistrySettings withPort(int value) {
        return new SchemaRegistrySettings(bootstrapServers, host, value, topic, users, kafkaConfig, maxBodyBytes, http, advertisedUrl);
    }

    public SchemaRegistrySettings withTopic(String value) {
        return new SchemaRegistrySettings(bootstrapServers, host, port, value, users, kafkaConfig, maxBodyBytes, http, advertisedUrl);
    }

    public SchemaRegistrySettings withUsers(Map<String, String> value) {
        return new SchemaRegistrySettings(bootstrapServers, host, port, topic, value, kafkaConfig, maxBodyBytes, http, advertisedUrl);
    }

    public SchemaRegistrySettings withKafkaConfig(Map<String, Object> value) {
        return new SchemaRegistrySettings(bootstrapServers, host, port, topic, users, value, maxBodyBytes, http, advertisedUrl);
    }

    public SchemaRegistrySettings withMaxBodyBytes(int value) {
        return new SchemaRegistrySettings(bootstrapServers, host, port, topic, users, kafkaConfig, value, http, advertisedUrl);
    }

    /**
     * Secure mode: callers sign in as the users of {@code file} ({@code <name>: <password>} lines, Jetty's
     * {@code HashLoginService} format) and changes follow the subject rules (see the README).
     */
    public SchemaRegistrySettings withUsersFile(Path file) {
        return new SchemaRegistrySettings(bootstrapServers, host, port, topic, users, kafkaConfig, maxBodyBytes,
                http.withUsersFile(file), advertisedUrl);
    }

    /** More host names a mutating request's {@code Host} may carry, beside loopback and the bound host. */
    public SchemaRegistrySettings withAllowedHosts(List<String> names) {
        return new SchemaRegistrySettings(bootstrapServers, host, port, topic, users, kafkaConfig, maxBodyBytes,
                http.withAllowedHosts(names), advertisedUrl);
    }

    /** Origins whose pages may send mutating requests, beside the registry's own. */
    public SchemaRegistrySettings withAllowedOrigins(List<String> origins) {
        return new SchemaRegistrySettings(bootstrapServers, host, port, topic, users, kafkaConfig, maxBodyBytes,
                http.withAllowedOrigins(origins), advertisedUrl);
    }

    /** The URL other instances forward writes to while this instance is the writer (see the README, several instances). */
    public SchemaRegistrySettings withAdvertisedUrl(URI value) {
        return new SchemaRegistrySettings(bootstrapServers, host, port, topic, users, kafkaConfig, maxBodyBytes, http,
                Optional.ofNullable(value));
    }

    /** Reads basic-auth users from a properties file of {@code user=password} lines. */
    public static Map<String, String> usersFromFile(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read users file " + file, e);
        }
        Map<String, String> users = new HashMap<>();
        properties.stringPropertyNames().forEach(name -> users.put(name, properties.getProperty(name)));
        return users;
    }
}
