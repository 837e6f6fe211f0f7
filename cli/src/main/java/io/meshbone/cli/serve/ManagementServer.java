package io.meshbone.cli.serve;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.meshbone.http.Answers;
import io.meshbone.http.Call;
import io.meshbone.http.JettyServers;
import io.meshbone.http.Reply;
import io.meshbone.http.Routes;
import io.meshbone.platform.control.MeshJson;
import io.meshbone.platform.health.HealthRegistry;
import io.meshbone.platform.health.PartHealth;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.server.Server;

/**
 * A {@code serve} process's management port: {@code GET /metrics} (Prometheus text), {@code GET /health/live}
 * (200 while the process runs) and {@code GET /health/ready} (200 once every part reports RUNNING, else 503; both
 * with the parts as JSON), for orchestrators' probes and scrapers.
 */
public final class ManagementServer implements AutoCloseable {

    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final Server jetty;
    private final URI url;

    private ManagementServer(Server jetty, URI url) {
        this.jetty = jetty;
        this.url = url;
    }

    /** Serves {@code meters} and {@code health} on {@code host:port} (0 picks a free port). */
    public static ManagementServer start(String host, int port, PrometheusMeterRegistry meters, HealthRegistry health) {
        Server jetty = JettyServers.onPort(host, port);
        jetty.setHandler(new Routes(new JsonAnswers(), 1024)
                .add("GET", "/metrics", call -> new Reply(200, PROMETHEUS_TEXT, meters.scrape()))
                .add("GET", "/health/live", call -> JsonAnswers.json(200, body("UP", health)))
                .add("GET", "/health/ready", call -> ready(health)
                        ? JsonAnswers.json(200, body("UP", health)) : JsonAnswers.json(503, body("DOWN", health)))
                .handler());
        try {
            jetty.start();
        } catch (Exception e) {
            JettyServers.stopQuietly(jetty);
            throw new IllegalStateException("cannot start the management server on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        return new ManagementServer(jetty, JettyServers.url(jetty, host));
    }

    /** True when the process has parts and every one of them runs. */
    static boolean ready(HealthRegistry health) {
        List<PartHealth> parts = health.parts();
        return !parts.isEmpty() && parts.stream().allMatch(part -> part.state() == PartHealth.State.RUNNING);
    }

    private static Map<String, Object> body(String status, HealthRegistry health) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("parts", health.parts().stream().map(ManagementServer::part).toList());
        return body;
    }

    private static Map<String, Object> part(PartHealth part) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("part", part.part());
        view.put("state", part.state().name());
        if (part.reason() != null) {
            view.put("reason", part.reason());
        }
        if (part.lag() != null) {
            view.put("lag", part.lag());
        }
        view.put("since", part.since().toString());
        return view;
    }

    /** The base URL, with the port actually bound. */
    public URI url() {
        return url;
    }

    @Override
    public void close() {
        JettyServers.stopQuietly(jetty);
    }

    /** Every answer JSON; errors {@code {"status": …, "message": "…"}}. */
    private static final class JsonAnswers implements Answers {

        static Reply json(int status, Object value) {
            try {
                return new Reply(status, "application/json", MeshJson.write(value));
            } catch (IOException e) {
                throw new IllegalStateException("cannot write JSON", e);
            }
        }

        @Override
        public Reply ok(Object value) {
            return json(200, value);
        }

        @Override
        public Reply failed(Call call, RuntimeException failure) {
            int status = failure instanceof HttpException http ? http.getCode() : 500;
            return json(status, Map.of("status", status, "message", String.valueOf(failure.getMessage())));
        }

        @Override
        public Reply notFound(Call call) {
            return json(404, Map.of("status", 404, "message", "No endpoint " + call.method() + " " + call.path()
                    + "; the management port serves GET /metrics, /health/live and /health/ready"));
        }

        @Override
        public Reply methodNotAllowed(Call call, Set<String> allowed) {
            return json(405, Map.of("status", 405, "message", "Method " + call.method() + " not allowed on " + call.path()
                    + "; use " + String.join(" or ", allowed)));
        }
    }
}
