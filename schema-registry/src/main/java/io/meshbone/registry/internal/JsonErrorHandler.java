package io.meshbone.registry.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/** Errors Jetty raises before our handler runs (bad URIs, oversized headers) also answer {@code {error_code, message}}. */
public final class JsonErrorHandler extends ErrorHandler {

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus() <= 0 ? 500 : response.getStatus();
        String message = "HTTP " + status + " " + HttpStatus.getMessage(status);
        String body = Json.write(Json.object().put("error_code", status).put("message", message));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, HttpFront.CONTENT_TYPE);
        // Jetty gives up on the connection after such errors; say so, so clients do not reuse it.
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
        return true;
    }
}
