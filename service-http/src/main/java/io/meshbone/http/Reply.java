package io.meshbone.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * One HTTP answer: status, content type and body bytes. Most answers are text and use the constructor taking a
 * {@code String} (sent as UTF-8); an answer already held as UTF-8 bytes is sent as it is, without a copy.
 *
 * @param status      HTTP status
 * @param contentType the {@code Content-Type} header, sent as given
 * @param body        the body, not copied: the caller does not change it after handing it over
 */
public record Reply(int status, String contentType, byte[] body) implements AnyReply {

    /** An answer whose body is {@code text}, sent as UTF-8. */
    public Reply(int status, String contentType, String text) {
        this(status, contentType, text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void send(Response response, HttpFields headers, Callback callback) {
        response.setStatus(status);
        response.getHeaders().add(headers);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
