package io.meshbone.platform.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client's retry, failover and auth behaviour against a real HTTP server on loopback that answers from a script. */
class SchemaRegistryClientRetryIT {

    private HttpServer server;
    private final Deque<Integer> script = new ArrayDeque<>();
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private String base;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " auth="
                    + exchange.getRequestHeaders().getFirst("Authorization"));
            Integer status;
            synchronized (script) {
                status = script.isEmpty() ? 200 : script.poll();
            }
            String body = status == 200 ? "{\"id\":42,\"schema\":\"\\\"string\\\"\",\"compatibilityLevel\":\"FULL\"}"
                    : "{\"error_code\":" + (status == 422 ? 42201 : status * 100 + 1) + ",\"message\":\"scripted " + status + "\"}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/vnd.schemaregistry.v1+json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private SchemaRegistryClient client(String urls, int retries) {
        return new SchemaRegistryClient(SchemaRegistryClientSettings.of(urls)
                .withRetries(retries, Duration.ofMillis(10), Duration.ofMillis(40)));
    }

    private void script(Integer... statuses) {
        synchronized (script) {
            script.addAll(List.of(statuses));
        }
    }

    @Test
    void retries408And429And5xxThenSucceeds() {
        script(503, 429, 408, 500);
        assertThat(client(base, 4).register("s", "\"string\"")).isEqualTo(42);
        assertThat(seen).hasSize(5);
    }

    @Test
    void givesUpAfterMaxRetriesWithTheLastError() {
        script(502, 502, 502);
        assertThatThrownBy(() -> client(base, 2).register("s", "\"string\""))
                .isInstanceOf(SchemaRegistryException.class)
                .satisfies(e -> assertThat(((SchemaRegistryException) e).status()).isEqualTo(502));
        assertThat(seen).hasSize(3);
    }

    @Test
    void neverRetriesAClientError() {
        script(422);
        assertThatThrownBy(() -> client(base, 5).register("s", "\"string\""))
                .isInstanceOf(SchemaRegistryException.class)
                .satisfies(e -> assertThat(((SchemaRegistryException) e).errorCode()).isEqualTo(42201));
        assertThat(seen).hasSize(1);
    }

    @Test
    void failsOverFromAnUnreachableUrlToTheNextOne() throws IOException {
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            deadPort = socket.getLocalPort();
        }
        SchemaRegistryClient client = client("http://127.0.0.1:" + deadPort + "," + base, 1);
        assertThat(client.schemaById(42)).isEqualTo("\"string\"");
        assertThat(client.compatibility("s")).isEqualTo("FULL");
        assertThat(seen).hasSize(2);
    }

    @Test
    void cachesSchemasByIdAndIdsBySubjectAndSchema() {
        SchemaRegistryClient client = client(base, 0);
        client.register("s", "\"string\"");
        client.register("s", "\"string\"");
        client.schemaById(42);
        client.schemaById(42);
        assertThat(seen).hasSize(1);
    }

    @Test
    void keepsOnlyTheMostRecentlyUsedEntriesUpToTheCacheCapacity() {
        SchemaRegistryClient client = new SchemaRegistryClient(SchemaRegistryClientSettings.of(base).withCacheCapacity(2));
        client.schemaById(1);
        client.schemaById(2);
        client.schemaById(1); // cached; 2 is now the least recently used
        client.schemaById(3); // drops 2
        client.schemaById(1);
        client.schemaById(2);
        assertThat(seen).extracting(s -> s.substring(0, s.indexOf(" auth=")))
                .containsExactly("GET /schemas/ids/1", "GET /schemas/ids/2", "GET /schemas/ids/3", "GET /schemas/ids/2");
    }

    @Test
    void sendsBasicAuthFromSettingsOrFromTheUrl() {
        new SchemaRegistryClient(SchemaRegistryClientSettings.of(base).withUserInfo("alice:pw")).schemaById(1);
        new SchemaRegistryClient(SchemaRegistryClientSettings.of(base.replace("http://", "http://bob:pw2@"))).schemaById(2);
        assertThat(seen.get(0)).endsWith("auth=Basic YWxpY2U6cHc=");
        assertThat(seen.get(1)).startsWith("GET /schemas/ids/2").endsWith("auth=Basic Ym9iOnB3Mg==");
    }
}
