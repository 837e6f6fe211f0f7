package io.meshbone.registry.internal;

import java.util.List;

import io.meshbone.http.Call;

/** {@code offset}/{@code limit} paging: offset 0 and limit -1 (everything) unless the query says otherwise. */
final class Pages {

    private Pages() {
    }

    static <T> List<T> slice(List<T> items, Call call) {
        int offset = Math.max(0, intQuery(call, "offset", 0));
        int limit = intQuery(call, "limit", -1);
        if (offset >= items.size()) {
            return List.of();
        }
        int end = limit < 0 ? items.size() : (int) Math.min(items.size(), (long) offset + limit);
        return items.subList(offset, end);
    }

    private static int intQuery(Call call, String name, int fallback) {
        String value = call.query(name);
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw Errors.badRequestJson("Query parameter '" + name + "' must be an integer, got '" + value + "'");
        }
    }
}
