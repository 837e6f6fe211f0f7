package io.meshbone.catalog.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.meshbone.http.Answers;
import io.meshbone.http.Call;
import io.meshbone.http.Reply;
import io.meshbone.platform.control.MeshJson;
import org.eclipse.jetty.http.HttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The catalog's wording: every answer JSON, every error {@code {"status": …, "message": "…"}} plus its extra fields. */
final class CatalogAnswers implements Answers {

    private static final Logger log = LoggerFactory.getLogger(CatalogAnswers.class);

    static Reply json(int status, Object value) {
        try {
            return new Reply(status, "application/json", MeshJson.write(value));
        } catch (IOException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    @Override
    public Reply ok(Object value) {
        return json(200, value);
    }

    @Override
    public Reply failed(Call call, RuntimeException failure) {
        if (failure instanceof CatalogError error) {
            return error(error);
        }
        if (failure instanceof HttpException http) {
            return error(new CatalogError(http.getCode(), http.getReason(), Map.of()));
        }
        log.error("{} {} failed", call.method(), call.path(), failure);
        return json(500, Map.of("status", 500, "message", "Internal error: " + failure.getClass().getSimpleName()));
    }

    @Override
    public Reply notFound(Call call) {
        String path = call.path();
        boolean api = path.startsWith("/api/") || path.equals("/metrics");
        return error(CatalogError.notFound(api ? "No endpoint " + call.method() + " " + path : "No page " + path));
    }

    @Override
    public Reply methodNotAllowed(Call call, Set<String> allowed) {
        return error(new CatalogError(405, "Method " + call.method() + " not allowed on " + call.path() + "; use "
                + String.join(" or ", allowed), Map.of()));
    }

    static Reply error(CatalogError error) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", error.status());
        body.put("message", error.getMessage());
        body.putAll(error.extra());
        return json(error.status(), body);
    }
}
