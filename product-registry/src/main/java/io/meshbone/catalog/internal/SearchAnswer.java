package io.meshbone.catalog.internal;

import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import io.meshbone.http.Call;
import io.meshbone.http.StreamedReply;

/**
 * {@code GET /api/products} as JSON: each hit is its product's summary written once per listing as UTF-8
 * ({@link ProductSummary}) plus its score, handed to the connection as it takes them ({@link StreamedReply}), so an
 * answer naming every product copies bytes into the connection's buffer instead of building a tree of maps or a copy of
 * the whole answer. With {@code limit} or {@code offset} the answer is one page of the ranked hits plus {@code total},
 * the number of hits of the whole query.
 */
final class SearchAnswer {

    private static final byte[] PRODUCTS = "{\"products\":[".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SCORE = ",\"score\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NOTHING = {};
    private static final byte[] COMMA = {','};
    private static final byte[] CLOSE = {'}'};
    private static final int PARTS_PER_HIT = 5;

    /** The hits one answer names, and what ends it: {@code ]}, the {@code total} member when paged, and <code>}</code>. */
    record Page(List<CatalogSearch.Hit> hits, byte[] end) {

        /** The answer's length in bytes. */
        long size() {
            // "{"products":[", the hits with commas between them, then the end.
            long size = PRODUCTS.length + Math.max(hits.size() - 1, 0) + end.length;
            for (CatalogSearch.Hit hit : hits) {
                size += hit.entry().summary().json().length + SCORE.length + digits(hit.score()) + 1;
            }
            return size;
        }

        /**
         * The answer's bytes in order, made as they are drawn: the opening, five parts per hit (a comma, empty before
         * the first; its summary itself, not a copy; the score's name; its digits; the closing brace), then the end.
         */
        Iterator<byte[]> body() {
            int parts = 1 + PARTS_PER_HIT * hits.size() + 1;
            return new Iterator<>() {
                private int next;

                @Override
                public boolean hasNext() {
                    return next < parts;
                }

                @Override
                public byte[] next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    int part = next++;
                    if (part == 0) {
                        return PRODUCTS;
                    }
                    if (part == parts - 1) {
                        return end;
                    }
                    int hit = (part - 1) / PARTS_PER_HIT;
                    return switch ((part - 1) % PARTS_PER_HIT) {
                        case 0 -> hit == 0 ? NOTHING : COMMA;
                        case 1 -> hits.get(hit).entry().summary().json();
                        case 2 -> SCORE;
                        case 3 -> Integer.toString(hits.get(hit).score()).getBytes(StandardCharsets.US_ASCII);
                        default -> CLOSE;
                    };
                }
            };
        }
    }

    private SearchAnswer() {
    }

    /** The page of {@code hits} the call's {@code offset} and {@code limit} ask for; every hit without either. */
    static StreamedReply of(Call call, List<CatalogSearch.Hit> hits) {
        Page page = page(hits, call.query("offset"), call.query("limit"));
        return new StreamedReply(200, "application/json", page.size(), page.body());
    }

    /** The page; {@code offsetText} and {@code limitText} as the query gave them (null: not given). */
    static Page page(List<CatalogSearch.Hit> hits, String offsetText, String limitText) {
        boolean paged = offsetText != null || limitText != null;
        int offset = nonNegative("offset", offsetText, 0);
        int limit = nonNegative("limit", limitText, Integer.MAX_VALUE);
        int from = Math.min(offset, hits.size());
        int to = (int) Math.min((long) from + limit, hits.size());
        String end = paged ? "],\"total\":" + hits.size() + "}" : "]}";
        return new Page(hits.subList(from, to), end.getBytes(StandardCharsets.US_ASCII));
    }

    /** How many decimal digits a score (at least 1) takes. */
    private static int digits(int score) {
        int digits = 1;
        for (int rest = score; rest >= 10; rest /= 10) {
            digits++;
        }
        return digits;
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
            throw CatalogError.badRequest(name + " must be a whole number from 0 to " + Integer.MAX_VALUE + ", got '" + text + "'");
        }
        return value;
    }
}
