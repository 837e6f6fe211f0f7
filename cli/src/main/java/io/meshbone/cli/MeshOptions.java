package io.meshbone.cli;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import io.meshbone.platform.control.MeshJson;
import io.meshbone.platform.mesh.MeshClientSettings;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/** The options every verb that talks to a running mesh takes, and the catalog calls they share. */
final class MeshOptions {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Option(names = "--bootstrap-server", defaultValue = "${env:MESHBONE_BOOTSTRAP_SERVER:-localhost:9092}",
            description = "Kafka bootstrap servers. Default: ${DEFAULT-VALUE}.")
    String bootstrapServer;

    @Option(names = "--registry-url", defaultValue = "${env:MESHBONE_REGISTRY_URL:-http://localhost:8081}",
            description = "Schema registry URL. Default: ${DEFAULT-VALUE}.")
    String registryUrl;

    @Option(names = "--catalog-url", defaultValue = "${env:MESHBONE_CATALOG_URL:-http://localhost:8080}",
            description = "Catalog URL. Default: ${DEFAULT-VALUE}.")
    String catalogUrl;

    @Option(names = "--credentials", paramLabel = "FILE", defaultValue = "${env:MESHBONE_CREDENTIALS}",
            description = "A principal's credentials file (<data-dir>/credentials/<name>.properties from 'up --secure'): "
                    + "its Kafka settings reach every Kafka client, its basic.auth.user.info signs in to the catalog, and "
                    + "control-plane requests go through the catalog as that principal. Default: $MESHBONE_CREDENTIALS, else none.")
    Path credentialsFile;

    private boolean kafkaReached;
    private Credentials credentials;

    /** The credentials file's contents, when one was given. */
    Optional<Credentials> credentials() {
        if (credentialsFile != null && credentials == null) {
            credentials = Credentials.read(credentialsFile);
        }
        return Optional.ofNullable(credentials);
    }

    /** Every setting of {@code --credentials} (Kafka's and the registry client's {@code basic.auth.*}), empty without one. */
    Map<String, Object> credentialSettings() {
        return credentials().map(Credentials::allSettings).orElse(Map.of());
    }

    /** Kafka client settings for {@code --bootstrap-server}, once the cluster there has answered (see {@link KafkaReachability}). */
    Map<String, Object> clientConfig() {
        Map<String, Object> config = new HashMap<>();
        credentials().ifPresent(c -> config.putAll(c.kafkaSettings()));
        config.put("bootstrap.servers", bootstrapServer);
        if (!kafkaReached) {
            KafkaReachability.require(bootstrapServer, config);
            kafkaReached = true;
        }
        return config;
    }

    /**
     * Settings for {@code MeshConsumer}/{@code MeshProducer}: the catalog's address of each product, except where
     * {@code --bootstrap-server} or {@code --registry-url} was given (on the command line or in the environment).
     */
    MeshClientSettings clientSettings(ParseResult parsed) {
        MeshClientSettings settings = MeshClientSettings.of(catalogUrl);
        for (Map.Entry<String, Object> setting : credentialSettings().entrySet()) {
            settings = settings.with(setting.getKey(), setting.getValue());
        }
        if (given(parsed, "--bootstrap-server", "MESHBONE_BOOTSTRAP_SERVER")) {
            settings = settings.with("bootstrap.servers", bootstrapServer);
        }
        if (given(parsed, "--registry-url", "MESHBONE_REGISTRY_URL")) {
            settings = settings.with("schema.registry.url", registryUrl);
        }
        return settings;
    }

    /** True when {@code option} was typed, or its environment variable is set: the user chose it. */
    static boolean given(ParseResult parsed, String option, String environmentVariable) {
        String env = System.getenv(environmentVariable);
        return parsed.hasMatchedOption(option) || env != null && !env.isBlank();
    }

    /** GETs a catalog path; a non-200 answer becomes an exception carrying the catalog's message. */
    JsonNode catalog(String path) {
        URI uri = URI.create(catalogUrl.replaceAll("/$", "") + path);
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET();
            credentials().flatMap(Credentials::userInfo).ifPresent(info -> request.header("Authorization",
                    credentials.authorization()));
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = MeshJson.tree(response.body());
            if (response.statusCode() == 401) {
                throw new IllegalArgumentException("the catalog at " + catalogUrl + " refused the credentials (401)"
                        + (credentialsFile == null ? "; sign in with --credentials FILE (or MESHBONE_CREDENTIALS)" : ""));
            }
            if (response.statusCode() != 200) {
                throw new IllegalArgumentException(body.path("message").asText("HTTP " + response.statusCode()));
            }
            return body;
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach the catalog at " + catalogUrl + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    JsonNode product(String name) {
        return catalog("/api/products/" + URLEncoder.encode(name, StandardCharsets.UTF_8));
    }
}
