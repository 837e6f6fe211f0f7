package io.meshbone.catalog.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.meshbone.http.Call;
import io.meshbone.http.Reply;

/**
 * {@code GET /api/products} as JSON: each hit is its product's summary written once per listing as UTF-8
 * ({@link ProductSummary}) plus its score, so an answer naming every product copies bytes instead of building and
 * writing a tree of maps. With {@code limit} or {@code offset} the answer is one page of the ranked hits plus
 * {@code total}, the number of hits of the whole query.
 */
final class SearchAnswer {

    private static final byte[] PRODUCTS = "{\"products\":[".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SCORE = ",\"score\":".getBytes(StandardCharsets.US_ASCII);

    private SearchAnswer() {
    }

    /** The page of {@code hits} the call's {@code offset} and {@code limit} ask for; every hit without either. */
    static Reply of(Call call, List<CatalogSearch.Hit> hits) {
        return new Reply(200, "application/json", json(hits, call.query("offset"), call.query("limit")));
    }

    /** The answer as UTF-8; {@code offsetText} and {@code limitText} as the query gave them (null: not given). */
    static byte[] json(List<CatalogSearch.Hit> hits, String offsetText, String limitText) {
        boolean paged = offsetText != null || limitText != null;
        int offset = nonNegative("offset", offsetText, 0);
        int limit = nonNegative("limit", limitText, Integer.MAX_VALUE);
        int from = Math.min(offset, hits.size());
        int to = (int) Math.min((long) from + limit, hits.size());
        List<CatalogSearch.Hit> page = hits.subList(from, to);
        byte[] total = paged ? (",\"total\":" + hits.size()).getBytes(StandardCharsets.US_ASCII) : new byte[0];
        // Sized exactly, then filled: an answer naming every product is one array, not a builder, a String and its bytes.
        // Commas between hits, then "]", the total and "}".
        int size = PRODUCTS.length + Math.max(page.size() - 1, 0) + 1 + total.length + 1;
        for (CatalogSearch.Hit hit : page) {
            size += hit.entry().summary().json().length + SCORE.length + digits(hit.score()) + 1;
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        out.put(PRODUCTS);
        for (int i = 0; i < page.size(); i++) {
            if (i > 0) {
                out.put((byte) ',');
            }
            out.put(page.get(i).entry().summary().json()).put(SCORE);
            putDigits(out, page.get(i).score());
            out.put((byte) '}');
        }
        out.put((byte) ']').put(total).put((byte) '}');
        return out.array();
    }

    /** How many decimal digits a score (at least 1) takes. */
    private static int digits(int score) {
        int digits = 1;
        for (int rest = score; rest >= 10; rest /= 10) {
            digits++;
        }
        return digits;
    }

    private static void putDigits(ByteBuffer out, int score) {
        int end = out.position() + digits(score);
        int rest = score;
        for (int at = end - 1; at >= out.position(); at--) {
            out.put(at, (byte) ('0' + rest % 10));
            rest /= 10;
        }
        out.position(end);
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
