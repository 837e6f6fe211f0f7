package io.meshbone.http;

import java.util.function.BiFunction;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The errors Jetty answers itself (a malformed URI, oversized headers, a failed authentication), worded
 * by the service: {@code words} gets the status and Jetty's message and gives the reply.
 */
public final class JettyErrors extends ErrorHandler {

    private final BiFunction<Integer, String, Reply> words;

    public JettyErrors(BiFunction<Integer, String, Reply> words) {
        this.words = words;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus() <= 0 ? 500 : response.getStatus();
        Reply reply = words.apply(status, (String) request.getAttribute(ERROR_MESSAGE));
        if (request.getAttribute(ERROR_EXCEPTION) != null) {
            // Jetty gives up on the connection after an error it raised; say so, so clients do not reuse it.
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        }
        reply.send(response, HttpFields.EMPTY, callback);
        return true;
    }
}
