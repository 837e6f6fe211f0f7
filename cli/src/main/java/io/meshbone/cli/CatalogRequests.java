package io.meshbone.cli;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.meshbone.platform.control.Decision;
import io.meshbone.platform.control.MeshJson;
import io.meshbone.platform.control.ProductRequest;

/**
 * Control-plane requests sent through the catalog, signed in: in secure mode the catalog is the only writer of the
 * request topics, and it asks the gate as the principal that signed in.
 */
final class CatalogRequests {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final String catalogUrl;
    private final Credentials credentials;

    CatalogRequests(String catalogUrl, Credentials credentials) {
        this.catalogUrl = catalogUrl.replaceAll("/$", "");
        this.credentials = credentials;
    }

    /** The gate's decision on a product apply; throws when the catalog had none in time or refused the call. */
    Decision apply(ProductRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("descriptor", request.descriptor());
        body.put("files", request.files());
        body.put("descriptorPath", request.descriptorPath());
        return post("/api/products", body);
    }

    /** The gate's decision on a policy document. */
    Decision applyPolicy(String documentPath, String document) {
        return post("/api/policies", Map.of("document", document, "documentPath", documentPath));
    }

    /** The gate's decision on a deprecate or retire request, asked as the signed-in principal (not the request's). */
    Decision lifecycle(ProductRequest request) {
        String path = "/api/products/" + URLEncoder.encode(request.descriptorPath(), StandardCharsets.UTF_8);
        if (request.action() == ProductRequest.Action.RETIRE) {
            return post(path + "/retire", Map.of());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sunset", request.deprecate().sunset());
        body.put("successor", request.deprecate().successor());
        body.put("reason", request.deprecate().reason());
        return post(path + "/deprecate", body);
    }

    private Decision post(String path, Map<String, Object> body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(catalogUrl + path)).timeout(Duration.ofSeconds(90))
                    .header("Content-Type", "application/json").header("Authorization", credentials.authorization())
                    .POST(HttpRequest.BodyPublishers.ofString(MeshJson.write(body))).build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200 || response.statusCode() == 422) {
                return MeshJson.read(response.body(), Decision.class);
            }
            JsonNode error = MeshJson.tree(response.body());
            String message = error == null ? "" : error.path("message").asText("");
            throw new IllegalStateException("the catalog at " + catalogUrl + " answered " + response.statusCode()
                    + (message.isEmpty() ? "" : ": " + message));
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach the catalog at " + catalogUrl + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
