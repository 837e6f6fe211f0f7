package io.meshbone.http;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * An answer written to the connection while it is made, for bodies too large to build in memory first (a search naming
 * ten thousand products is megabytes): the body never exists as one array, so answering it costs a buffer, not its
 * size, however many such calls run at once. Its length is known before it is written and sent as
 * {@code Content-Length}. An endpoint returns it like a {@link Reply}; anything that can fail must fail before it is
 * returned, since the status is sent with the first bytes.
 *
 * @param status        HTTP status
 * @param contentType   the {@code Content-Type} header, sent as given
 * @param contentLength exactly the number of bytes {@code body} writes
 * @param body          writes the body
 */
public record StreamedReply(int status, String contentType, long contentLength, Body body) {

    /** Writes a body to the connection. */
    @FunctionalInterface
    public interface Body {

        void writeTo(OutputStream out) throws IOException;
    }

    private static final int BUFFER_BYTES = 64 * 1024;

    void send(Response response, HttpFields headers, Callback callback) {
        response.setStatus(status);
        response.getHeaders().add(headers);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, contentLength);
        // Blocking writes from the handler's thread, which Jetty allows for a blocking handler like Routes'.
        try (OutputStream out = new BufferedOutputStream(Content.Sink.asOutputStream(response), BUFFER_BYTES)) {
            body.writeTo(out);
        } catch (IOException | RuntimeException e) {
            // The status and part of the body may be out already: all that is left is to drop the connection.
            callback.failed(e);
            return;
        }
        callback.succeeded();
    }
}
