package io.meshbone.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The request guard and the users file on a real Jetty, with raw requests so that Host and Origin are the test's own. */
class RequestGuardIT {

    private static final Answers PLAIN = new Answers() {
        @Override
        public Reply ok(Object value) {
            return new Reply(200, "text/plain", String.valueOf(value));
        }

        @Override
        public Reply failed(Call call, RuntimeException failure) {
            return new Reply(failure instanceof HttpException http ? http.getCode() : 500, "text/plain", "failed");
        }

        @Override
        public Reply notFound(Call call) {
            return new Reply(404, "text/plain", "none");
        }

        @Override
        public Reply methodNotAllowed(Call call, Set<String> allowed) {
            return new Reply(405, "text/plain", "no");
        }
    };

    private Server jetty;

    @AfterEach
    void stop() {
        if (jetty != null) {
            JettyServers.stopQuietly(jetty);
        }
    }

    private int start(Handler handler) throws Exception {
        jetty = JettyServers.onPort("127.0.0.1", 0);
        RequestRules rules = RequestRules.of(Set.of("application/json"), "127.0.0.1", List.of("catalog.example"),
                List.of("https://portal.example"));
        jetty.setHandler(new RequestGuard(handler, rules, (status, message) -> new Reply(status, "text/plain", "refused " + status)));
        jetty.setErrorHandler(new JettyErrors((status, message) -> new Reply(status, "text/plain", "jetty " + status)));
        jetty.start();
        return JettyServers.url(jetty, "127.0.0.1").getPort();
    }

    private static Handler echo() {
        return new Routes(PLAIN, 1 << 10)
                .add("GET", "/who", call -> call.principal().orElse("nobody"))
                .add("POST", "/who", call -> call.principal().orElse("nobody") + " sent " + call.body().length)
                .add("DELETE", "/who", call -> "deleted")
                .handler();
    }

    @Test
    void refusesCrossSiteAndUntypedMutationsAndLetsJsonFromItsOwnNamesThrough() throws Exception {
        int port = start(echo());
        String json = "{\"a\":1}";
        assertThat(raw(port, "POST", "localhost:" + port, null, "application/json", json)).startsWith("HTTP/1.1 200").endsWith("nobody sent 7");
        assertThat(raw(port, "POST", "127.0.0.1:" + port, "http://127.0.0.1:" + port, "application/json; charset=utf-8", json))
                .as("the service's own page").startsWith("HTTP/1.1 200");
        assertThat(raw(port, "POST", "catalog.example", "https://portal.example", "application/json", json))
                .as("configured name and origin").startsWith("HTTP/1.1 200");
        assertThat(raw(port, "POST", "[::1]:" + port, null, "APPLICATION/JSON", json)).startsWith("HTTP/1.1 200");
        assertThat(raw(port, "DELETE", "localhost", null, null, null)).as("no body, no type needed").startsWith("HTTP/1.1 200");

        assertThat(raw(port, "POST", "localhost", null, "text/plain", json)).startsWith("HTTP/1.1 415").endsWith("refused 415");
        assertThat(raw(port, "POST", "localhost", null, "application/x-www-form-urlencoded", "a=1")).startsWith("HTTP/1.1 415");
        assertThat(raw(port, "POST", "localhost", null, null, json)).as("a body without a type").startsWith("HTTP/1.1 415");
        assertThat(raw(port, "POST", "localhost", "https://evil.example", "application/json", json)).startsWith("HTTP/1.1 403");
        assertThat(raw(port, "POST", "localhost", "http://localhost:1", "application/json", json)).as("another port").startsWith("HTTP/1.1 403");
        assertThat(raw(port, "POST", "localhost", "null", "application/json", json)).startsWith("HTTP/1.1 403");
        assertThat(raw(port, "POST", "evil.example:" + port, null, "application/json", json)).as("a rebound name").startsWith("HTTP/1.1 403");
        assertThat(raw(port, "PUT", "evil.example", null, null, null)).startsWith("HTTP/1.1 403");
        assertThat(raw(port, "GET", "evil.example", "https://evil.example", "text/plain", null)).as("reads are not guarded")
                .startsWith("HTTP/1.1 200");
    }

    @Test
    void theUsersFileSignsCallersInAsKafkaPrincipals(@TempDir Path dir) throws Exception {
        Path users = Files.writeString(dir.resolve("http-users.properties"), "team-orders: s3cret\nadmin: adm1n\n");
        int port = start(BasicAuthentication.protect(echo(), "test-realm", users));
        assertThat(raw(port, "GET", "localhost", null, null, null, "team-orders:s3cret")).endsWith("User:team-orders");
        assertThat(raw(port, "POST", "localhost", null, "application/json", "{}", "admin:adm1n")).endsWith("User:admin sent 2");
        String wrong = raw(port, "GET", "localhost", null, null, null, "team-orders:nope");
        assertThat(wrong).startsWith("HTTP/1.1 401").contains("WWW-Authenticate: Basic realm=\"test-realm\"").endsWith("jetty 401");
        assertThat(raw(port, "GET", "localhost", null, null, null)).startsWith("HTTP/1.1 401");
    }

    @Test
    void aMissingUsersFileIsRefusedByName(@TempDir Path dir) {
        Path missing = dir.resolve("nope.properties");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> BasicAuthentication.protect(echo(), "r", missing))
                .hasMessageContaining(missing.toString());
    }

    private static String raw(int port, String method, String host, String origin, String contentType, String body, String... user)
            throws IOException {
        StringBuilder head = new StringBuilder(method + " /who HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n");
        if (origin != null) {
            head.append("Origin: ").append(origin).append("\r\n");
        }
        if (contentType != null) {
            head.append("Content-Type: ").append(contentType).append("\r\n");
        }
        if (user.length > 0) {
            head.append("Authorization: Basic ")
                    .append(Base64.getEncoder().encodeToString(user[0].getBytes(StandardCharsets.UTF_8))).append("\r\n");
        }
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (body != null) {
            head.append("Content-Length: ").append(bytes.length).append("\r\n");
        }
        head.append("\r\n");
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
    }
}
