package io.meshbone.connect;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meshbone.platform.security.BasicAuth;

/** A client for Kafka Connect's REST API: apply, list, inspect and delete connectors. */
public final class ConnectClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final Optional<String> authorization;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The status of one connector and its tasks, as {@code GET /connectors?expand=status} reports it. */
    public record ConnectorStatus(String name, String type, String state, List<String> taskStates) {
    }

    public ConnectClient(URI base) {
        this(base, Optional.empty());
    }

    /**
     * A client that signs in to a secure worker with HTTP basic auth; {@code userInfo} is {@code user:password}, as in
     * a credentials file's {@code basic.auth.user.info}.
     */
    public ConnectClient(URI base, Optional<String> userInfo) {
        String text = base.toString();
        this.base = URI.create(text.endsWith("/") ? text : text + "/");
        this.authorization = userInfo.map(BasicAuth::header);
    }

    /**
     * Creates the connector or updates its settings ({@code PUT /connectors/{name}/config}); true if it was created.
     *
     * <p>A worker that is still joining its group answers 409 (rebalance in progress): that is retried for up to
     * 30 seconds; any other refusal is a {@link ConnectClientException} at once.
     */
    public boolean apply(ConnectorConfig connector) {
        return afterRebalance(() -> send("PUT", "connectors/" + encode(connector.name()) + "/config",
                JSON.valueToTree(connector.config()).toString())).statusCode() == 201;
    }

    /** Sends a request, retrying the 409 (rebalance in progress) of a worker still joining for up to 30 seconds. */
    private static HttpResponse<String> afterRebalance(Supplier<HttpResponse<String>> request) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                return request.get();
            } catch (ConnectClientException e) {
                if (e.status() != 409 || System.nanoTime() > deadline) {
                    throw e;
                }
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectClientException(0, "Interrupted while waiting for Kafka Connect to finish rebalancing", e);
        }
    }

    /** Every connector with its state and its tasks' states, sorted by name. */
    public List<ConnectorStatus> list() {
        JsonNode body = json(send("GET", "connectors?expand=status", null));
        List<ConnectorStatus> out = new ArrayList<>();
        body.fields().forEachRemaining(e -> out.add(status(e.getKey(), e.getValue().path("status"))));
        out.sort((a, b) -> a.name().compareTo(b.name()));
        return out;
    }

    /** One connector's status ({@code GET /connectors/{name}/status}). */
    public ConnectorStatus status(String name) {
        return status(name, json(send("GET", "connectors/" + encode(name) + "/status", null)));
    }

    /**
     * A connector's settings ({@code GET /connectors/{name}/config}); empty when there is no such connector. A worker
     * still joining its group is waited for, as in {@link #apply}.
     */
    public Optional<Map<String, String>> config(String name) {
        try {
            Map<String, String> config = new TreeMap<>();
            json(afterRebalance(() -> send("GET", "connectors/" + encode(name) + "/config", null))).fields()
                    .forEachRemaining(e -> config.put(e.getKey(), e.getValue().asText()));
            return Optional.of(config);
        } catch (ConnectClientException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Deletes a connector; its offsets stay in the offsets topic. */
    public void delete(String name) {
        send("DELETE", "connectors/" + encode(name), null);
    }

    private static ConnectorStatus status(String name, JsonNode status) {
        List<String> tasks = new ArrayList<>();
        status.path("tasks").forEach(t -> tasks.add(t.path("state").asText()));
        return new ConnectorStatus(name, status.path("type").asText(""), status.path("connector").path("state").asText(""),
                tasks);
    }

    private HttpResponse<String> send(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        authorization.ifPresent(value -> request.header("Authorization", value));
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            String why = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            throw new ConnectClientException(0, "Kafka Connect at " + base + " is not reachable: " + why, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectClientException(0, "Interrupted while calling Kafka Connect at " + base, e);
        }
        if (response.statusCode() >= 300) {
            String message = response.body();
            try {
                message = JSON.readTree(response.body()).path("message").asText(message);
            } catch (IOException notJson) {
                // The raw body is the best message there is.
            }
            throw new ConnectClientException(response.statusCode(), method + " " + path + ": " + message, null);
        }
        return response;
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new ConnectClientException(response.statusCode(), "Kafka Connect answered with invalid JSON", e);
        }
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
