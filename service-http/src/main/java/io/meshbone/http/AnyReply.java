package io.meshbone.http;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** What an endpoint may answer with as it is: a {@link Reply} held whole, or a {@link StreamedReply} written as made. */
sealed interface AnyReply permits Reply, StreamedReply {

    /** Sends the status, {@code headers} and the body, completing {@code callback} when done. */
    void send(Response response, HttpFields headers, Callback callback);
}
