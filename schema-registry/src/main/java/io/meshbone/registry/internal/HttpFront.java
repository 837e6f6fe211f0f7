package io.meshbone.registry.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Jetty handler in front of the router: authentication, body limits, dispatch, and error bodies.
 *
 * <p>Every answer is JSON with content type {@code application/vnd.schemaregistry.v1+json}; every
 * error body carries {@code error_code} and {@code message}. Request content types are not
 * enforced: Confluent's v1, unversioned and plain JSON types, and octet-stream, all parse as JSON.
 */
public final class HttpFront extends Handler.Abstract {

    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final Logger log = LoggerFactory.getLogger(HttpFront.class);

    private final Router router;
    private final BasicAuth auth;
    private final int maxBodyBytes;

    public HttpFront(Router router, java.util.Map<String, String> users, int maxBodyBytes) {
        this.router = router;
        this.auth = new BasicAuth(users);
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = 200;
        String body;
        try {
            if (!auth.allows(request.getHeaders().get(HttpHeader.AUTHORIZATION))) {
                response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Basic realm=\"meshbone-schema-registry\"");
                throw Errors.unauthorized();
            }
            List<String> segments = Call.segments(request.getHttpURI().getPath());
            Router.Match match = router.match(request.getMethod(), segments);
            Call call = new Call(match.params(), Call.parseQuery(request.getHttpURI().getQuery()), readBody(request));
            Object result = match.endpoint().handle(call);
            body = result instanceof Router.RawJson raw ? raw.text() : Json.write(result);
        } catch (RestError e) {
            status = e.status();
            body = error(e.errorCode(), e.getMessage());
            if (status >= 500) {
                log.error("{} {} failed: {}", request.getMethod(), request.getHttpURI().getPath(), e.getMessage(), e.getCause());
            }
        } catch (RuntimeException e) {
            status = 500;
            body = error(50001, "Internal error: " + e.getClass().getSimpleName());
            log.error("{} {} failed", request.getMethod(), request.getHttpURI().getPath(), e);
        }
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, CONTENT_TYPE);
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
        return true;
    }

    private byte[] readBody(Request request) {
        long declared = request.getLength();
        if (declared > maxBodyBytes) {
            throw Errors.schemaTooLarge(maxBodyBytes);
        }
        try (InputStream in = Content.Source.asInputStream(request)) {
            byte[] bytes = in.readNBytes(maxBodyBytes + 1);
            if (bytes.length > maxBodyBytes) {
                throw Errors.schemaTooLarge(maxBodyBytes);
            }
            return bytes;
        } catch (IOException e) {
            throw Errors.badRequestJson("Cannot read the request body: " + e.getMessage());
        }
    }

    private static String error(int code, String message) {
        ObjectNode node = Json.object();
        node.put("error_code", code);
        node.put("message", message);
        return Json.write(node);
    }
}
