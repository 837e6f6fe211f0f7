package io.meshbone.platform.mesh;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.databind.JsonNode;
import io.meshbone.platform.control.Deprecation;
import io.meshbone.platform.control.MeshJson;
import io.meshbone.platform.security.BasicAuth;

/**
 * Where a data product lives, as the catalog answers {@code GET /api/products/{name}}.
 *
 * @param name              the product name, {@code <domain>.<product>}
 * @param bootstrapServers  the Kafka cluster
 * @param topic             the governed product topic consumers read
 * @param stagingTopic      the topic producers write to
 * @param dlqTopic          where the gate puts records it rejects
 * @param schemaRegistryUrl the registry holding the product's schemas
 * @param keyField          the value field the key is made of, or null when the key has its own Avro schema
 * @param keySubject        the product's key subject ({@code <topic>-key}) when the key has its own Avro schema, else null
 * @param deprecation       the product's announced sunset and successor when its owner deprecated it, else null
 */
public record ProductAddress(String name, String bootstrapServers, String topic, String stagingTopic, String dlqTopic,
                             String schemaRegistryUrl, String keyField, String keySubject, Deprecation deprecation) {

    /** The address of a product that is not deprecated. */
    public ProductAddress(String name, String bootstrapServers, String topic, String stagingTopic, String dlqTopic,
                          String schemaRegistryUrl, String keyField, String keySubject) {
        this(name, bootstrapServers, topic, stagingTopic, dlqTopic, schemaRegistryUrl, keyField, keySubject, null);
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** Asks the catalog at {@code catalogUrl} for {@code name}'s address on the catalog's own cluster. */
    public static ProductAddress resolve(String catalogUrl, String name) {
        return resolve(catalogUrl, name, null);
    }

    /**
     * The same, signing in to the catalog with {@code userInfo} ({@code user:password}, as in
     * {@code basic.auth.user.info}) when not null: a secure mesh's catalog answers only signed-in callers.
     */
    public static ProductAddress resolve(String catalogUrl, String name, String userInfo) {
        return from(name, fetch(catalogUrl, name, userInfo), null, false);
    }

    /**
     * The address to read {@code name} from in {@code region}: a cluster there when the catalog's {@code servedOn}
     * lists one (isolated deployment), else the catalog's own cluster.
     */
    public static ProductAddress resolveForReading(String catalogUrl, String name, String region) {
        return from(name, fetch(catalogUrl, name, null), region, false);
    }

    /** {@link #resolveForReading(String, String, String)} with the catalog and region of {@code settings}, signed in with its user info. */
    public static ProductAddress resolveForReading(MeshClientSettings settings, String name) {
        return from(name, fetch(settings.catalogUrl(), name, settings.catalogUserInfo()), settings.region(), false);
    }

    /** The address to publish {@code name} at: its home cluster, where its gate runs (the catalog's cluster if one). */
    public static ProductAddress resolveForPublishing(String catalogUrl, String name) {
        return from(name, fetch(catalogUrl, name, null), null, true);
    }

    /** {@link #resolveForPublishing(String, String)} with the catalog of {@code settings}, signed in with its user info. */
    public static ProductAddress resolveForPublishing(MeshClientSettings settings, String name) {
        return from(name, fetch(settings.catalogUrl(), name, settings.catalogUserInfo()), null, true);
    }

    static ProductAddress from(String name, JsonNode body, String region, boolean home) {
        JsonNode a = body.path("address");
        String bootstrapServers = a.path("bootstrapServers").asText();
        for (JsonNode cluster : body.path("servedOn")) {
            boolean chosen = home ? cluster.path("home").asBoolean(false)
                    : region != null && region.equals(cluster.path("region").asText());
            if (chosen) {
                bootstrapServers = cluster.path("bootstrapServers").asText();
                break;
            }
        }
        return new ProductAddress(name, bootstrapServers, a.path("topic").asText(),
                a.path("stagingTopic").asText(), a.path("dlqTopic").asText(), a.path("schemaRegistryUrl").asText(),
                a.path("keyField").isTextual() ? a.path("keyField").asText() : null,
                a.path("subjects").path("key").isTextual() ? a.path("subjects").path("key").asText() : null,
                deprecation(body.path("deprecation")));
    }

    // A catalog older than deprecations answers without the field; one that cannot be read is not a reason to fail.
    private static Deprecation deprecation(JsonNode d) {
        if (!d.isObject()) {
            return null;
        }
        try {
            return new Deprecation(LocalDate.parse(d.path("sunset").asText()), d.path("successor").asText(null),
                    d.path("reason").asText(null), d.path("at").isTextual() ? Instant.parse(d.path("at").asText()) : null,
                    d.path("by").asText(null));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static JsonNode fetch(String catalogUrl, String name, String userInfo) {
        URI uri = URI.create(catalogUrl + "/api/products/" + URLEncoder.encode(name, StandardCharsets.UTF_8));
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET();
            if (userInfo != null) {
                request.header("Authorization", BasicAuth.header(userInfo));
            }
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = MeshJson.tree(response.body());
            if (response.statusCode() != 200) {
                throw new IllegalArgumentException("catalog " + catalogUrl + " cannot resolve '" + name + "': "
                        + body.path("message").asText("HTTP " + response.statusCode()));
            }
            return body;
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach the catalog at " + catalogUrl + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking the catalog for " + name, e);
        }
    }
}
