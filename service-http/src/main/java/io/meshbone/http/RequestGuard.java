package io.meshbone.http;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Refuses a mutating request that breaks the service's {@link RequestRules}, before anything else sees it: a body
 * without one of its content types answers 415, a foreign {@code Host} or {@code Origin} 403.
 *
 * <p>A browser sends a cross-site {@code text/plain}, form or untyped POST without asking first (no CORS preflight);
 * the content type stops the first two, the {@code Origin} that browsers add to every cross-site POST stops all of
 * them, and the {@code Host} check stops a page whose own name was rebound to this machine's address. A request
 * without a body (a {@code DELETE} from curl) may omit the content type.
 */
public final class RequestGuard extends Handler.Wrapper {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final RequestRules rules;
    private final BiFunction<Integer, String, Reply> words;

    /** {@code handler} behind {@code rules}; {@code words} turns a refusal's status and message into the service's reply. */
    public RequestGuard(Handler handler, RequestRules rules, BiFunction<Integer, String, Reply> words) {
        super(handler);
        this.rules = rules;
        this.words = words;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Optional<Reply> refusal = SAFE.contains(request.getMethod()) ? Optional.empty() : refusal(request);
        if (refusal.isEmpty()) {
            return super.handle(request, response, callback);
        }
        if (hasBody(request.getHeaders())) {
            // The body stays unread: Jetty closes the connection after the answer, so say so.
            response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
        }
        refusal.get().send(response, HttpFields.EMPTY, callback);
        return true;
    }

    private Optional<Reply> refusal(Request request) {
        HttpFields headers = request.getHeaders();
        String host = headers.get(HttpHeader.HOST);
        if (host == null || !rules.hosts().contains(RequestRules.hostName(hostOf(host)))) {
            return Optional.of(words.apply(403, "Host '" + host + "' is not a name of this service; "
                    + "a " + request.getMethod() + " must be addressed to one of " + rules.hosts()));
        }
        String origin = headers.get(HttpHeader.ORIGIN);
        if (origin != null && !ownOrigin(origin, Request.getLocalPort(request)) && !rules.origins().contains(origin.toLowerCase(Locale.ROOT))) {
            return Optional.of(words.apply(403, "Origin '" + origin + "' may not send a " + request.getMethod()
                    + " to this service; only its own pages and the configured origins " + rules.origins() + " may"));
        }
        String contentType = headers.get(HttpHeader.CONTENT_TYPE);
        if (contentType == null ? hasBody(headers) : !rules.contentTypes().contains(mediaType(contentType))) {
            return Optional.of(words.apply(415, "Content type '" + (contentType == null ? "" : contentType)
                    + "' is not supported; send the body as one of " + rules.contentTypes()));
        }
        return Optional.empty();
    }

    /** An origin on one of the service's host names and on the port this request came in on. */
    private boolean ownOrigin(String origin, int localPort) {
        try {
            URI uri = URI.create(origin);
            if (uri.getHost() == null || uri.getScheme() == null) {
                return false;
            }
            int port = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
            return "http".equalsIgnoreCase(uri.getScheme()) && port == localPort
                    && rules.hosts().contains(RequestRules.hostName(uri.getHost()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** {@code example.com:8081} → {@code example.com}; {@code [::1]:8081} → {@code [::1]}. */
    private static String hostOf(String hostHeader) {
        String value = hostHeader.trim();
        if (value.startsWith("[")) {
            int end = value.indexOf(']');
            return end < 0 ? value : value.substring(0, end + 1);
        }
        int colon = value.indexOf(':');
        return colon < 0 ? value : value.substring(0, colon);
    }

    private static String mediaType(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    private static boolean hasBody(HttpFields headers) {
        return headers.getLongField(HttpHeader.CONTENT_LENGTH) > 0 || headers.contains(HttpHeader.TRANSFER_ENCODING);
    }
}
