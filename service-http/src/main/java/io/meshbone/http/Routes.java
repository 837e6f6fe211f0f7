package io.meshbone.http;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.http.pathmap.UriTemplatePathSpec;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.PathMappingsHandler;
import org.eclipse.jetty.util.Callback;

/**
 * A service's endpoints on Jetty's {@link PathMappingsHandler}: each path template, such as
 * {@code /subjects/{subject}/versions}, is one {@link UriTemplatePathSpec} whose handler picks the
 * endpoint by method.
 *
 * <pre>{@code
 * Handler handler = new Routes(answers, 1 << 20)
 *         .add("GET", "/subjects/{subject}/versions", call -> versions(call.param("subject")))
 *         .handler();
 * }</pre>
 * A path no template matches answers {@link Answers#notFound}, a method its template lacks
 * {@link Answers#methodNotAllowed} (with an {@code Allow} header). A template also matches its
 * path with a trailing slash.
 */
public final class Routes {

    private final PathMappingsHandler mappings = new PathMappingsHandler();
    private final Map<String, Map<String, Endpoint>> byTemplate = new HashMap<>();
    private final HttpFields.Mutable headers = HttpFields.build();
    private final Answers answers;
    private final int maxBodyBytes;

    /** Routes whose calls read at most {@code maxBodyBytes} of request body, answering in the words of {@code answers}. */
    public Routes(Answers answers, int maxBodyBytes) {
        this.answers = answers;
        this.maxBodyBytes = maxBodyBytes;
    }

    public Routes add(String method, String template, Endpoint endpoint) {
        byTemplate.computeIfAbsent(template, this::map).put(method, endpoint);
        return this;
    }

    /** A header every reply of these routes carries. */
    public Routes header(HttpHeader name, String value) {
        headers.put(name, value);
        return this;
    }

    /** The handler: the routes, else not found. */
    public Handler handler() {
        return new Handler.Sequence(mappings, new NotFound());
    }

    /** The handler: the routes, else {@code otherwise} (say, a {@code ResourceHandler}), else not found. */
    public Handler handler(Handler otherwise) {
        return new Handler.Sequence(mappings, otherwise, new NotFound());
    }

    private Map<String, Endpoint> map(String template) {
        Map<String, Endpoint> methods = new LinkedHashMap<>();
        List<String> declarations = new ArrayList<>(List.of(template));
        if (!template.endsWith("/")) {
            declarations.add(template + "/");
        }
        for (String declaration : declarations) {
            UriTemplatePathSpec spec = new UriTemplatePathSpec(declaration);
            mappings.addMapping(spec, new Methods(spec, methods));
        }
        return methods;
    }

    private void answer(Call call, Function<Call, AnyReply> answer, Response response, Callback callback) {
        AnyReply reply;
        try {
            reply = answer.apply(call);
        } catch (RuntimeException e) {
            reply = answers.failed(call, e);
        }
        if (call.bodyLeftUnread()) {
            // Jetty drops the connection after answering when a body is still unread (or arriving); say so, so that a
            // client does not send its next request on a connection that is about to close.
            response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
        }
        reply.send(response, headers, callback);
    }

    /** One template's endpoints by method. */
    private final class Methods extends Handler.Abstract {

        private final UriTemplatePathSpec spec;
        private final Map<String, Endpoint> byMethod;

        Methods(UriTemplatePathSpec spec, Map<String, Endpoint> byMethod) {
            this.spec = spec;
            this.byMethod = byMethod;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            Call call = new Call(request, spec.getPathParams(Request.getPathInContext(request)), maxBodyBytes);
            Endpoint endpoint = byMethod.get(request.getMethod());
            if (endpoint == null) {
                response.getHeaders().put(new HttpField(HttpHeader.ALLOW, String.join(", ", byMethod.keySet())));
                answer(call, c -> answers.methodNotAllowed(c, byMethod.keySet()), response, callback);
            } else {
                answer(call, c -> {
                    Object result = endpoint.handle(c);
                    return result instanceof AnyReply reply ? reply : answers.ok(result);
                }, response, callback);
            }
            return true;
        }
    }

    /** The last resort: no route and no other handler took the call. */
    private final class NotFound extends Handler.Abstract {

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            answer(new Call(request, Map.of(), maxBodyBytes), answers::notFound, response, callback);
            return true;
        }
    }
}
