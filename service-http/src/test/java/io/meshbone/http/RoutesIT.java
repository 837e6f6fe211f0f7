package io.meshbone.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RoutesIT {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    /** Words every answer as {@code status text} in plain text, so the tests see what reached the service. */
    private static final Answers PLAIN = new Answers() {
        @Override
        public Reply ok(Object value) {
            return new Reply(200, "text/plain", String.valueOf(value));
        }

        @Override
        public Reply failed(Call call, RuntimeException failure) {
            int status = failure instanceof HttpException http ? http.getCode() : 500;
            return new Reply(status, "text/plain", "failed " + status);
        }

        @Override
        public Reply notFound(Call call) {
            return new Reply(404, "text/plain", "no route to " + call.path());
        }

        @Override
        public Reply methodNotAllowed(Call call, Set<String> allowed) {
            return new Reply(405, "text/plain", call.method() + " not in " + allowed);
        }
    };

    private Server jetty;

    @AfterEach
    void stop() {
        JettyServers.stopQuietly(jetty);
    }

    private URI start(Handler handler) throws Exception {
        jetty = JettyServers.onPort("127.0.0.1", 0);
        jetty.setHandler(handler);
        jetty.setErrorHandler(new JettyErrors((status, message) -> new Reply(status, "text/plain", "jetty " + status)));
        jetty.start();
        return JettyServers.url(jetty, "127.0.0.1");
    }

    private static Routes items() {
        return new Routes(PLAIN, 16).header(HttpHeader.CACHE_CONTROL, "no-store")
                .add("GET", "/items/{name}/parts", call -> call.param("name") + " n=" + call.query("n") + " flag=" + call.flag("flag"))
                .add("POST", "/items/{name}/parts", call -> call.body().length);
    }

    private static HttpResponse<String> send(URI base, String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    // RegistryFuzzIT found it: a body the endpoint never read, still in flight when the answer went out, made Jetty
    // drop the kept-alive connection after answering, and a client that reused it got no answer to its next request.
    @Test
    void anAnswerThatLeavesTheBodyUnreadClosesTheConnectionAndSaysSo() throws Exception {
        URI base = start(items().handler());
        for (String head : List.of("PUT /items/x/parts", "GET /items/x/parts", "POST /nowhere", "POST /items/x/parts")) {
            String length = head.startsWith("POST /items") ? "17" : "2";
            try (Socket socket = new Socket(base.getHost(), base.getPort())) {
                socket.setSoTimeout(10_000);
                // The headers announce a body that is not sent before the answer comes back.
                socket.getOutputStream().write((head + " HTTP/1.1\r\nHost: x\r\nContent-Length: " + length + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                String answer = head(socket);
                assertThat(answer).as(head).containsIgnoringCase("Connection: close");
            }
        }
        assertThat(send(base, "POST", "/items/x/parts", "0123456789").headers().firstValue("Connection")).as("a read body").isEmpty();
    }

    /** The status line and headers of the answer on {@code socket}. */
    private static String head(Socket socket) throws java.io.IOException {
        StringBuilder head = new StringBuilder();
        java.io.InputStream in = socket.getInputStream();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.append((char) b);
        }
        return head.toString();
    }

    @Test
    void routesByTemplateThenMethodWithDecodedPathParametersAndTheFirstQueryValue() throws Exception {
        URI base = start(items().handler());
        HttpResponse<String> answer = send(base, "GET", "/items/a%20b+c%3Bd/parts?n=1&n=2&flag=TRUE", null);
        assertThat(answer.body()).isEqualTo("a b+c;d n=1 flag=true");
        assertThat(answer.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(send(base, "GET", "/items/x/parts/", null).body()).as("trailing slash").isEqualTo("x n=null flag=false");
        assertThat(send(base, "POST", "/items/x/parts", "0123456789").body()).isEqualTo("10");
    }

    @Test
    void unknownPathsAndMethodsAndBadInputReachTheServiceToWord() throws Exception {
        URI base = start(items().handler());
        HttpResponse<String> missing = send(base, "GET", "/items/x", null);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).isEqualTo("no route to /items/x");
        HttpResponse<String> wrongMethod = send(base, "DELETE", "/items/x/parts", null);
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.body()).isEqualTo("DELETE not in [GET, POST]");
        assertThat(wrongMethod.headers().firstValue("Allow")).contains("GET, POST");
        assertThat(send(base, "POST", "/items/x/parts", "x".repeat(17)).body()).isEqualTo("failed 413");
        assertThat(send(base, "GET", "/items/x/parts?n=%E9", null).body()).isEqualTo("failed 400");
        assertThat(send(base, "GET", "/items/%2e%2e%2F/parts", null).body()).as("Jetty's own error").isEqualTo("jetty 400");
    }

    @Test
    void anOtherHandlerGetsWhatNoRouteTakesBeforeNotFound() throws Exception {
        Handler.Abstract hello = new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                if (!request.getHttpURI().getPath().equals("/hello")) {
                    return false;
                }
                new Reply(200, "text/plain", "hi").send(response, HttpFields.EMPTY, callback);
                return true;
            }
        };
        URI base = start(items().handler(hello));
        assertThat(send(base, "GET", "/hello", null).body()).isEqualTo("hi");
        assertThat(send(base, "GET", "/items/x/parts", null).statusCode()).isEqualTo(200);
        assertThat(send(base, "GET", "/bye", null).body()).isEqualTo("no route to /bye");
    }

    @Test
    void basicAuthRefusesMissingWrongAndUnreadableCredentialsWithAChallenge() throws Exception {
        URI base = start(BasicAuthentication.protect(items().handler(), "test-realm", Map.of("alice", "s3cret")));
        String good = "Basic " + Base64.getEncoder().encodeToString("alice:s3cret".getBytes(StandardCharsets.UTF_8));
        String wrong = "Basic " + Base64.getEncoder().encodeToString("alice:nope".getBytes(StandardCharsets.UTF_8));
        for (String[] headers : new String[][] {{}, {"Authorization", wrong}, {"Authorization", "Basic !!!"}, {"Authorization", "Bearer x"}}) {
            HttpResponse<String> refused = send(base, "GET", "/items/x/parts", null, headers);
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.body()).isEqualTo("jetty 401");
            assertThat(refused.headers().firstValue("WWW-Authenticate")).contains("Basic realm=\"test-realm\", charset=\"UTF-8\"");
        }
        assertThat(send(base, "GET", "/items/x/parts", null, "Authorization", good).statusCode()).isEqualTo(200);
    }

    @Test
    void aStreamedReplyIsWrittenAsItIsMadeWithItsLengthAndAFailingOneDropsTheConnection() throws Exception {
        byte[] line = "0123456789abcdef\n".getBytes(StandardCharsets.US_ASCII);
        int lines = 200_000;
        URI base = start(new Routes(PLAIN, 16).header(HttpHeader.CACHE_CONTROL, "no-store")
                .add("GET", "/big", call -> new StreamedReply(200, "text/plain", (long) line.length * lines,
                        Stream.concat(Stream.of(new byte[0], new byte[85_000]), Stream.generate(() -> line).limit(lines - 85_000 / line.length))
                                .iterator()))
                .add("GET", "/broken", call -> new StreamedReply(200, "text/plain", 10_000_000,
                        Stream.concat(Stream.generate(() -> new byte[64 * 1024]).limit(100), Stream.<byte[]>generate(() -> {
                            throw new IllegalStateException("the body failed half way");
                        })).iterator()))
                .handler());
        HttpResponse<String> big = send(base, "GET", "/big", null);
        assertThat(big.statusCode()).isEqualTo(200);
        assertThat(big.headers().firstValue("Content-Length")).contains(Long.toString((long) line.length * lines));
        assertThat(big.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(big.body()).hasSize(line.length * lines).startsWith("\0\0\0").endsWith("abcdef\n0123456789abcdef\n");
        assertThatThrownBy(() -> send(base, "GET", "/broken", null)).as("a body cut short is not a complete answer")
                .isInstanceOf(java.io.IOException.class);
        assertThat(send(base, "GET", "/big", null).body()).as("the server goes on answering").hasSize(line.length * lines);
    }

    @Test
    void clientsThatDoNotReadAStreamedReplyHoldNoThreadOfTheServer() throws Exception {
        byte[] chunk = new byte[64 * 1024];
        long size = 256L * chunk.length;
        jetty = new Server(new QueuedThreadPool(8, 2));
        ServerConnector connector = new ServerConnector(jetty, 1, 1);
        connector.setHost("127.0.0.1");
        jetty.addConnector(connector);
        jetty.setHandler(new Routes(PLAIN, 16)
                .add("GET", "/huge", call -> new StreamedReply(200, "application/octet-stream", size,
                        Stream.generate(() -> chunk).limit(256).iterator()))
                .add("GET", "/small", call -> "small")
                .handler());
        jetty.start();
        URI base = JettyServers.url(jetty, "127.0.0.1");
        List<Socket> stalled = new java.util.ArrayList<>();
        try {
            // More stalled answers than the pool has threads: each fills its socket's buffers and waits for a reader.
            for (int i = 0; i < 12; i++) {
                Socket socket = new Socket();
                socket.setReceiveBufferSize(4096);
                socket.connect(new java.net.InetSocketAddress(base.getHost(), base.getPort()));
                socket.getOutputStream().write("GET /huge HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                stalled.add(socket);
            }
            HttpResponse<String> small = CLIENT.send(HttpRequest.newBuilder(base.resolve("/small"))
                    .timeout(java.time.Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(small.body()).isEqualTo("small");
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
    }
}
