package io.meshbone.cli.check;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import io.meshbone.platform.control.MeshJson;

/**
 * GETs JSON from a catalog, signed in as {@link SignIn} says; a 401 or 403 becomes a one-line error naming
 * {@code --credentials}, any other non-200 answer an exception carrying the catalog's message.
 */
public final class CatalogGet {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private CatalogGet() {
    }

    /** The product page {@code GET /api/products/{name}} of the catalog at {@code catalogUrl}. */
    public static JsonNode product(String catalogUrl, SignIn signIn, String name) {
        return get(catalogUrl, signIn, "/api/products/" + URLEncoder.encode(name, StandardCharsets.UTF_8));
    }

    /**
     * The {@code address} of the first listed product (bootstrap servers, registry URL): where the catalog's products
     * live; empty when nothing is listed.
     */
    public static Optional<JsonNode> address(String catalogUrl, SignIn signIn) {
        Iterator<JsonNode> products = get(catalogUrl, signIn, "/api/products").path("products").elements();
        return products.hasNext()
                ? Optional.of(product(catalogUrl, signIn, products.next().path("name").asText()).path("address"))
                : Optional.empty();
    }

    public static JsonNode get(String catalogUrl, SignIn signIn, String path) {
        URI uri = URI.create(catalogUrl.replaceAll("/$", "") + path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET();
        signIn.authorization().ifPresent(header -> request.header("Authorization", header));
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 401 || response.statusCode() == 403) {
                throw signIn.refused("the catalog at " + catalogUrl, response.statusCode(),
                        "GET " + path + message(response.body()));
            }
            JsonNode body = MeshJson.tree(response.body());
            if (response.statusCode() != 200) {
                throw new IllegalArgumentException(uri + ": " + body.path("message").asText("HTTP " + response.statusCode()));
            }
            return body;
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach the catalog at " + catalogUrl + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** {@code ": <message>"} of a JSON error body, or nothing. */
    private static String message(String body) {
        try {
            JsonNode tree = MeshJson.tree(body);
            String message = tree == null ? "" : tree.path("message").asText("");
            return message.isEmpty() ? "" : ": " + message;
        } catch (IOException e) {
            return "";
        }
    }
}
