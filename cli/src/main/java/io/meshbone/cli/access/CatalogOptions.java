package io.meshbone.cli.access;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meshbone.platform.control.MeshJson;
import picocli.CommandLine.Option;

/**
 * The options of the verbs that change access and ownership through the catalog's REST API, and the calls they make:
 * signed in with {@code --credentials} (secure mode), or naming {@code --principal} (open mode).
 */
public final class CatalogOptions {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    // The gate answers within its own 60 s timeout; the catalog's 504 comes before this one.
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(90);

    @Option(names = {"--catalog", "--catalog-url"}, paramLabel = "URL",
            defaultValue = "${env:MESHBONE_CATALOG_URL:-http://localhost:8080}",
            description = "Catalog URL. Default: ${DEFAULT-VALUE}.")
    String catalogUrl;

    @Option(names = "--credentials", paramLabel = "FILE", defaultValue = "${env:MESHBONE_CREDENTIALS}",
            description = "Kafka client properties file with basic.auth.user.info=<name>:<password> to sign in with"
                    + " (secure mode); env MESHBONE_CREDENTIALS.")
    Path credentials;

    @Option(names = "--principal", defaultValue = "${env:MESHBONE_PRINCIPAL:-User:meshbone-up}",
            description = "Who acts, in open mode (without --credentials). Default: ${DEFAULT-VALUE}.")
    String principal;

    /** Who acts: the signed-in principal with {@code --credentials}, else {@code --principal}. */
    public String actingPrincipal() {
        return credentials != null ? CatalogCredentials.read(credentials).principal() : principal;
    }

    /** GETs a catalog path; a non-200 answer becomes an exception carrying the catalog's message. */
    public JsonNode get(String path) {
        Answer answer = send(HttpRequest.newBuilder(uri(path)).GET());
        if (answer.status() != 200) {
            throw new IllegalArgumentException(answer.message());
        }
        return answer.body();
    }

    /**
     * POSTs {@code fields} as JSON (with {@code principal} in open mode) and returns the answer: 200 and 422 carry the
     * gate's decision; any other status becomes an exception carrying the catalog's message.
     */
    public JsonNode post(String path, Map<String, Object> fields) {
        ObjectNode body = MeshJson.object();
        fields.forEach((name, value) -> {
            if (value instanceof Boolean flag) {
                body.put(name, flag);
            } else if (value != null) {
                body.put(name, value.toString());
            }
        });
        if (credentials == null) {
            body.put("principal", principal);
        }
        try {
            Answer answer = send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(MeshJson.write(body))));
            if (answer.status() != 200 && answer.status() != 422) {
                throw new IllegalArgumentException(answer.message());
            }
            return answer.body();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write the request body", e);
        }
    }

    private URI uri(String path) {
        return URI.create(catalogUrl.replaceAll("/$", "") + path);
    }

    private Answer send(HttpRequest.Builder request) {
        if (credentials != null) {
            request.header("Authorization", CatalogCredentials.read(credentials).header());
        }
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(CALL_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body;
            try {
                body = MeshJson.tree(response.body());
            } catch (IOException e) {
                body = MeshJson.object();
            }
            return new Answer(response.statusCode(), body == null ? MeshJson.object() : body);
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach the catalog at " + catalogUrl + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private record Answer(int status, JsonNode body) {
        String message() {
            String text = body.path("message").asText("");
            return (status == 401 ? "the catalog refused the credentials (401)" : "the catalog answered " + status)
                    + (text.isEmpty() ? "" : ": " + text);
        }
    }
}
