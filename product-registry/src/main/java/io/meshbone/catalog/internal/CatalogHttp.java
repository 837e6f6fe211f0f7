package io.meshbone.catalog.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import io.meshbone.platform.control.MeshJson;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Jetty handler of the catalog: the web page's files, {@code /metrics}, and the JSON API with JSON errors. */
public final class CatalogHttp extends Handler.Abstract {

    private static final Logger log = LoggerFactory.getLogger(CatalogHttp.class);
    private static final int MAX_BODY = 1 << 20;
    private static final String WEB = "meshbone/catalog/web/";
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8", "svg", "image/svg+xml");

    private final CatalogApi api;

    public CatalogHttp(CatalogApi api) {
        this.api = api;
    }

    /** One request as the API sees it. */
    public record Call(String method, String path, Map<String, String> query, byte[] body) {
    }

    /** A reply: status, content type and body text. */
    public record Reply(int status, String contentType, String body) {
        static Reply json(int status, Object value) {
            try {
                return new Reply(status, "application/json", MeshJson.write(value));
            } catch (IOException e) {
                throw new IllegalStateException("cannot write JSON", e);
            }
        }
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = request.getHttpURI().getPath();
        Reply reply;
        try {
            if (!path.startsWith("/api/") && !path.equals("/metrics")) {
                reply = file(path);
            } else {
                reply = api.handle(new Call(request.getMethod(), path, query(request.getHttpURI().getQuery()), body(request)));
            }
        } catch (CatalogError e) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", e.status());
            body.put("message", e.getMessage());
            body.putAll(e.extra());
            reply = Reply.json(e.status(), body);
        } catch (RuntimeException e) {
            log.error("{} {} failed", request.getMethod(), path, e);
            reply = Reply.json(500, Map.of("status", 500, "message", "Internal error: " + e.getClass().getSimpleName()));
        }
        response.setStatus(reply.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, reply.contentType());
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(reply.body().getBytes(StandardCharsets.UTF_8)), callback);
        return true;
    }

    private static Reply file(String path) {
        String name = path.equals("/") || path.isEmpty() ? "index.html" : path.substring(1);
        if (name.contains("..") || name.contains("/")) {
            throw CatalogError.notFound("No page " + path);
        }
        try (InputStream in = CatalogHttp.class.getClassLoader().getResourceAsStream(WEB + name)) {
            if (in == null) {
                throw CatalogError.notFound("No page " + path);
            }
            String ext = name.substring(name.lastIndexOf('.') + 1);
            return new Reply(200, TYPES.getOrDefault(ext, "application/octet-stream"),
                    new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + name, e);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        try {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                params.putIfAbsent(name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        } catch (IllegalArgumentException e) {
            throw CatalogError.badRequest("Malformed query string: " + e.getMessage());
        }
        return params;
    }

    private static byte[] body(Request request) {
        if (request.getLength() > MAX_BODY) {
            throw new CatalogError(413, "Request body larger than " + MAX_BODY + " bytes", Map.of());
        }
        try (InputStream in = Content.Source.asInputStream(request)) {
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                throw new CatalogError(413, "Request body larger than " + MAX_BODY + " bytes", Map.of());
            }
            return bytes;
        } catch (IOException e) {
            throw CatalogError.badRequest("Cannot read the request body: " + e.getMessage());
        }
    }
}
