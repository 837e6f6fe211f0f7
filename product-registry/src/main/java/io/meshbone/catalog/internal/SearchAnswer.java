package io.meshbone.catalog.internal;

import java.util.List;

import io.meshbone.http.Call;
import io.meshbone.http.Reply;

/**
 * {@code GET /api/products} as JSON text: each hit is its product's summary written once per listing
 * ({@link ProductSummary}) plus its score, so an answer naming every product copies text instead of building and
 * writing a tree of maps. With {@code limit} or {@code offset} the answer is one page of the ranked hits plus
 * {@code total}, the number of hits of the whole query.
 */
final class SearchAnswer {

    private SearchAnswer() {
    }

    /** The page of {@code hits} the call's {@code offset} and {@code limit} ask for; every hit without either. */
    static Reply of(Call call, List<CatalogSearch.Hit> hits) {
        return new Reply(200, "application/json", json(hits, call.query("offset"), call.query("limit")));
    }

    /** The answer's text; {@code offsetText} and {@code limitText} as the query gave them (null: not given). */
    static String json(List<CatalogSearch.Hit> hits, String offsetText, String limitText) {
        boolean paged = offsetText != null || limitText != null;
        int offset = nonNegative("offset", offsetText, 0);
        int limit = nonNegative("limit", limitText, Integer.MAX_VALUE);
        int from = Math.min(offset, hits.size());
        int to = (int) Math.min((long) from + limit, hits.size());
        List<CatalogSearch.Hit> page = hits.subList(from, to);
        StringBuilder out = new StringBuilder(32 + page.stream().mapToInt(h -> h.entry().summary().json().length() + 16).sum());
        out.append("{\"products\":[");
        for (int i = 0; i < page.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            page.get(i).entry().summary().appendHit(out, page.get(i).score());
        }
        out.append(']');
        if (paged) {
            out.append(",\"total\":").append(hits.size());
        }
        out.append('}');
        return out.toString();
    }

    /** A paging parameter: absent or empty is {@code fallback}; anything but a whole number from 0 is a 400 naming it. */
    private static int nonNegative(String name, String text, int fallback) {
        if (text == null || text.isEmpty()) {
            return fallback;
        }
        int value;
        try {
            value = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw CatalogError.badRequest(name + " must be a whole number from 0 to " + Integer.MAX_VALUE + ", got '" + text + "'");
        }
        if (value < 0) {
            throw CatalogError.badRequest(name + " must be a whole number from 0 to " + Integer.MAX_VALUE + ", got " + value);
        }
        return value;
    }
}
