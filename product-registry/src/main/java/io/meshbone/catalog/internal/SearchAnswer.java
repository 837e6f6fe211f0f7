package io.meshbone.catalog.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.meshbone.http.Call;
import io.meshbone.http.StreamedReply;

/**
 * {@code GET /api/products} as JSON: each hit is its product's summary written once per listing as UTF-8
 * ({@link ProductSummary}) plus its score, written straight to the connection, so an answer naming every product copies
 * bytes into the connection's buffer instead of building a tree of maps or a copy of the whole answer. With
 * {@code limit} or {@code offset} the answer is one page of the ranked hits plus {@code total}, the number of hits of
 * the whole query.
 */
final class SearchAnswer {

    private static final byte[] PRODUCTS = "{\"products\":[".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SCORE = ",\"score\":".getBytes(StandardCharsets.US_ASCII);

    /** The hits one answer names, and its {@code total} member (empty without paging). */
    record Page(List<CatalogSearch.Hit> hits, byte[] total) {

        /** The answer's length in bytes. */
        long size() {
            // "{"products":[", the hits with commas between them, "]", the total and "}".
            long size = PRODUCTS.length + Math.max(hits.size() - 1, 0) + 1 + total.length + 1;
            for (CatalogSearch.Hit hit : hits) {
                size += hit.entry().summary().json().length + SCORE.length + digits(hit.score()) + 1;
            }
            return size;
        }

        void writeTo(OutputStream out) throws IOException {
            byte[] score = new byte[10];
            out.write(PRODUCTS);
            for (int i = 0; i < hits.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(hits.get(i).entry().summary().json());
                out.write(SCORE);
                int digits = digits(hits.get(i).score());
                int rest = hits.get(i).score();
                for (int at = digits - 1; at >= 0; at--) {
                    score[at] = (byte) ('0' + rest % 10);
                    rest /= 10;
                }
                out.write(score, 0, digits);
                out.write('}');
            }
            out.write(']');
            out.write(total);
            out.write('}');
        }
    }

    private SearchAnswer() {
    }

    /** The page of {@code hits} the call's {@code offset} and {@code limit} ask for; every hit without either. */
    static StreamedReply of(Call call, List<CatalogSearch.Hit> hits) {
        Page page = page(hits, call.query("offset"), call.query("limit"));
        return new StreamedReply(200, "application/json", page.size(), page::writeTo);
    }

    /** The page; {@code offsetText} and {@code limitText} as the query gave them (null: not given). */
    static Page page(List<CatalogSearch.Hit> hits, String offsetText, String limitText) {
        boolean paged = offsetText != null || limitText != null;
        int offset = nonNegative("offset", offsetText, 0);
        int limit = nonNegative("limit", limitText, Integer.MAX_VALUE);
        int from = Math.min(offset, hits.size());
        int to = (int) Math.min((long) from + limit, hits.size());
        byte[] total = paged ? (",\"total\":" + hits.size()).getBytes(StandardCharsets.US_ASCII) : new byte[0];
        return new Page(hits.subList(from, to), total);
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
            throw CatalogError.badRequest(name + " must be a whole number from 0 to " + Integer.MAX_VALUE + ", got " + value);
        }
        return value;
    }
}
