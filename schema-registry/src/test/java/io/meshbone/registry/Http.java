package io.meshbone.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A plain HTTP caller for the registry tests: real requests on loopback, answers as text and JSON. */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final URI base;
    private final String authorization;
    private final String origin;

    Http(URI base) {
        this(base, null, null);
    }

    private Http(URI base, String authorization, String origin) {
        this.base = base;
        this.authorization = authorization;
        this.origin = origin;
    }

    Http withBasicAuth(String user, String password) {
        return new Http(base, "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)),
                origin);
    }

    /** Requests as a browser page of {@code value} sends them, with an {@code Origin} header. */
    Http withOrigin(String value) {
        return new Http(base, authorization, value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
    }

    /** One answer: status, content type, body text and the body parsed as JSON (null if it is not JSON). */
    record Answer(int status, String contentType, String body, JsonNode json) {

        int errorCode() {
            return json.path("error_code").asInt();
        }
    }

    Answer get(String path) {
        return send("GET", path, null, "application/vnd.schemaregistry.v1+json");
    }

    Answer delete(String path) {
        return send("DELETE", path, null, "application/vnd.schemaregistry.v1+json");
    }

    Answer post(String path, String body) {
        return send("POST", path, body, "application/vnd.schemaregistry.v1+json");
    }

    Answer put(String path, String body) {
        return send("PUT", path, body, "application/vnd.schemaregistry.v1+json");
    }

    Answer send(String method, String path, String body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (origin != null) {
            request.header("Origin", origin);
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), parse(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A {@code RegisterSchemaRequest} body carrying this Avro schema text. */
    static String schemaBody(String avro) {
        return JSON.createObjectNode().put("schema", avro).toString();
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }
}
