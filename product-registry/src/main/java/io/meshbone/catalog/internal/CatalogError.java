package io.meshbone.catalog.internal;

import java.util.List;
import java.util.Map;

/** An HTTP error the catalog answers with: a status, a message, and optional extra JSON fields. */
public final class CatalogError extends RuntimeException {

    private final int status;
    private final Map<String, Object> extra;

    public CatalogError(int status, String message, Map<String, Object> extra) {
        super(message);
        this.status = status;
        this.extra = Map.copyOf(extra);
    }

    static CatalogError badRequest(String message) {
        return new CatalogError(400, message, Map.of());
    }

    static CatalogError notFound(String message) {
        return new CatalogError(404, message, Map.of());
    }

    static CatalogError unknownProduct(String name, List<String> closest) {
        return new CatalogError(404, "No product named '" + name + "'"
                + (closest.isEmpty() ? "" : "; did you mean " + String.join(", ", closest) + "?"), Map.of("closest", closest));
    }

    public int status() {
        return status;
    }

    public Map<String, Object> extra() {
        return extra;
    }
}
