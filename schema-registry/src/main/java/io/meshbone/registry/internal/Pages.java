package io.meshbone.registry.internal;

import java.util.List;

/** {@code offset}/{@code limit} paging: offset 0 and limit -1 (everything) unless the query says otherwise. */
final class Pages {

    private Pages() {
    }

    static <T> List<T> slice(List<T> items, Call call) {
        int offset = Math.max(0, call.intQuery("offset", 0));
        int limit = call.intQuery("limit", -1);
        if (offset >= items.size()) {
            return List.of();
        }
        int end = limit < 0 ? items.size() : (int) Math.min(items.size(), (long) offset + limit);
        return items.subList(offset, end);
    }
}
