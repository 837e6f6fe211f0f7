package io.meshbone.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * One HTTP answer: status, content type and body text, sent as UTF-8.
 *
 * @param status      HTTP status
 * @param contentType the {@code Content-Type} header, sent as given
 * @param body        the body text
 */
public record Reply(int status, String contentType, String body) {

    void send(Response response, HttpFields headers, Callback callback) {
        response.setStatus(status);
        response.getHeaders().add(headers);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    }
}
