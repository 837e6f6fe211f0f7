package io.meshbone.http;

import java.io.IOException;
import java.io.InputStream;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.security.AuthenticationState;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.URIUtil;

/** One request as an endpoint sees it: the method, the path parameters of its route, the query, and the body. */
public final class Call {

    private final Request request;
    private final Map<String, String> params;
    private final int maxBodyBytes;
    private Fields query;
    private byte[] body;
    private boolean bodyReadToTheEnd;

    Call(Request request, Map<String, String> params, int maxBodyBytes) {
        this.request = request;
        this.params = params;
        this.maxBodyBytes = maxBodyBytes;
    }

    public String method() {
        return request.getMethod();
    }

    /**
     * Who made the call, as a Kafka principal ({@code User:team-orders} for basic-auth user {@code team-orders});
     * empty when the service runs without authentication (open mode).
     */
    public Optional<String> principal() {
        Principal user = AuthenticationState.getUserPrincipal(request);
        return user == null ? Optional.empty() : Optional.of("User:" + user.getName());
    }

    /** The path as the client sent it, still percent-encoded. */
    public String path() {
        return request.getHttpURI().getPath();
    }

    /** The query string as the client sent it, still percent-encoded; null without one. */
    public String rawQuery() {
        return request.getHttpURI().getQuery();
    }

    /** The value of a request header, or null when the request has none. */
    public String header(String name) {
        return request.getHeaders().get(name);
    }

    /** A parameter of the route's path template, percent-decoded ({@code +} stays a plus, as in any path). */
    public String param(String name) {
        String value = params.get(name);
        return value == null ? null : URIUtil.decodePath(value);
    }

    /** The first value of a query parameter, or null; a malformed query string throws Jetty's 400. */
    public String query(String name) {
        return query().getValue(name);
    }

    public String query(String name, String fallback) {
        String value = query(name);
        return value == null ? fallback : value;
    }

    /** Every value of a repeated query parameter ({@code ?key=a&key=b}), in order; empty when absent. */
    public List<String> queryValues(String name) {
        return query().getValuesOrEmpty(name);
    }

    public Set<String> queryNames() {
        return query().getNames();
    }

    /** A boolean query flag: true only for {@code true} (any case), as JAX-RS reads a {@code boolean} parameter. */
    public boolean flag(String name) {
        return Boolean.parseBoolean(query(name));
    }

    /** The request body, read once; larger than the routes' limit throws Jetty's 413, unreadable its 400. */
    public byte[] body() {
        if (body == null) {
            body = readBody();
        }
        return body;
    }

    /** Whether the request announced a body that this call has not read to its end. */
    boolean bodyLeftUnread() {
        if (bodyReadToTheEnd) {
            return false;
        }
        HttpFields headers = request.getHeaders();
        return headers.getLongField(HttpHeader.CONTENT_LENGTH) > 0 || headers.contains(HttpHeader.TRANSFER_ENCODING);
    }

    private Fields query() {
        if (query == null) {
            query = Request.extractQueryParameters(request);
        }
        return query;
    }

    private byte[] readBody() {
        if (request.getLength() > maxBodyBytes) {
            throw tooLarge();
        }
        try (InputStream in = Content.Source.asInputStream(request)) {
            byte[] bytes = in.readNBytes(maxBodyBytes + 1);
            if (bytes.length > maxBodyBytes) {
                throw tooLarge();
            }
            bodyReadToTheEnd = true;
            return bytes;
        } catch (IOException e) {
            throw new HttpException.RuntimeException(400, "Cannot read the request body: " + e.getMessage());
        }
    }

    private HttpException.RuntimeException tooLarge() {
        return new HttpException.RuntimeException(413, "Request body larger than " + maxBodyBytes + " bytes");
    }
}
