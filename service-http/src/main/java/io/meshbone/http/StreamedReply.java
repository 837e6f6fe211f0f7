package io.meshbone.http;

import java.nio.ByteBuffer;
import java.util.Iterator;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.IteratingCallback;

/**
 * An answer written to the connection while it is made, for bodies too large to build in memory first (a search naming
 * ten thousand products is megabytes): the body is a sequence of byte arrays, drawn only as the connection takes the
 * bytes before them, and packed into one 64 KiB buffer per call. Writing does not hold a thread: a client that reads
 * slowly costs its buffer until the connection's idle timeout, not a thread of the server's pool. Its length is known
 * before it is written and sent as {@code Content-Length}. An endpoint returns it like a {@link Reply}; anything that
 * can fail should fail before it is returned, since the status goes out with the first bytes (a failure while drawing
 * the body drops the connection).
 *
 * @param status        HTTP status
 * @param contentType   the {@code Content-Type} header, sent as given
 * @param contentLength exactly the number of bytes {@code body} holds
 * @param body          the body's bytes, in order; its arrays are not changed after they are drawn
 */
public record StreamedReply(int status, String contentType, long contentLength, Iterator<byte[]> body) implements AnyReply {

    private static final int BUFFER_BYTES = 64 * 1024;

    @Override
    public void send(Response response, HttpFields headers, Callback callback) {
        response.setStatus(status);
        response.getHeaders().add(headers);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, contentLength);
        new Writer(response, callback).iterate();
    }

    /** Fills the buffer, writes it, and fills it again once Jetty says the write is done. */
    private final class Writer extends IteratingCallback {

        private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);
        private final Response response;
        private final Callback done;
        private byte[] current = new byte[0];
        private int offset;
        private boolean last;

        Writer(Response response, Callback done) {
            this.response = response;
            this.done = done;
        }

        @Override
        protected Action process() {
            if (last) {
                return Action.SUCCEEDED;
            }
            buffer.clear();
            while (buffer.hasRemaining() && (offset < current.length || body.hasNext())) {
                if (offset == current.length) {
                    current = body.next();
                    offset = 0;
                }
                int length = Math.min(buffer.remaining(), current.length - offset);
                buffer.put(current, offset, length);
                offset += length;
            }
            last = offset == current.length && !body.hasNext();
            buffer.flip();
            response.write(last, buffer, this);
            return Action.SCHEDULED;
        }

        @Override
        protected void onCompleteSuccess() {
            done.succeeded();
        }

        @Override
        protected void onCompleteFailure(Throwable failure) {
            done.failed(failure);
        }
    }
}
