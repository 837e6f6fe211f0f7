package io.meshbone.registry.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Matches a method and path against the registered path templates such as {@code /subjects/{subject}/versions}. */
public final class Router {

    /** An endpoint: answers a call with a JSON-serialisable value, or a {@link RawJson}. */
    @FunctionalInterface
    public interface Endpoint {
        Object handle(Call call);
    }

    /** A body that is already JSON text (the schema itself, as Confluent's {@code /schema} endpoints answer). */
    public record RawJson(String text) {
    }

    private record Route(String method, String[] parts, Endpoint endpoint) {
    }

    /** A matched route with its path parameters. */
    record Match(Endpoint endpoint, Map<String, String> params) {
    }

    private final List<Route> routes = new ArrayList<>();

    Router add(String method, String template, Endpoint endpoint) {
        routes.add(new Route(method, template.equals("/") ? new String[0] : template.substring(1).split("/"), endpoint));
        return this;
    }

    Match match(String method, List<String> segments) {
        boolean pathKnown = false;
        for (Route route : routes) {
            Map<String, String> params = bind(route.parts(), segments);
            if (params != null) {
                pathKnown = true;
                if (route.method().equals(method)) {
                    return new Match(route.endpoint(), params);
                }
            }
        }
        throw pathKnown ? Errors.methodNotAllowed() : Errors.notFound();
    }

    private static Map<String, String> bind(String[] parts, List<String> segments) {
        if (parts.length != segments.size()) {
            return null;
        }
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (part.startsWith("{")) {
                params.put(part.substring(1, part.length() - 1), segments.get(i));
            } else if (!part.equals(segments.get(i))) {
                return null;
            }
        }
        return params;
    }
}
