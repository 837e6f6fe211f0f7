package io.meshbone.registry.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** One HTTP request as the endpoints see it: decoded path parameters, query parameters and the body. */
public final class Call {

    private final Map<String, String> pathParams;
    private final Map<String, String> query;
    private final byte[] body;

    Call(Map<String, String> pathParams, Map<String, String> query, byte[] body) {
        this.pathParams = pathParams;
        this.query = query;
        this.body = body;
    }

    String path(String name) {
        return pathParams.get(name);
    }

    /** A boolean query flag: true only for {@code true} (any case), as JAX-RS reads a {@code boolean} parameter. */
    boolean flag(String name) {
        String value = query.get(name);
        return value != null && Boolean.parseBoolean(value);
    }

    String query(String name, String fallback) {
        return query.getOrDefault(name, fallback);
    }

    int intQuery(String name, int fallback) {
        String value = query.get(name);
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw Errors.badRequestJson("Query parameter '" + name + "' must be an integer, got '" + value + "'");
        }
    }

    JsonNode json() {
        return Json.readRequest(body);
    }

    static Map<String, String> parseQuery(String raw) {
        Map<String, String> params = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq), true);
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1), true);
            params.putIfAbsent(name, value);
        }
        return params;
    }

    static String decode(String text, boolean plusIsSpace) {
        return URLDecoder.decode(plusIsSpace ? text : text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    static List<String> segments(String rawPath) {
        return java.util.Arrays.stream(rawPath.split("/")).filter(s -> !s.isEmpty()).map(s -> decode(s, false)).toList();
    }
}
