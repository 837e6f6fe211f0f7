package io.meshbone.cli;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;

/** What the scale benchmarks share: waiting, timing, heap after GC and the catalog's search latency. */
final class Bench {

    private static final int QUERIES = 1_000;
    /** The page size of the paged searches. */
    static final int PAGE = 50;
    private static final Duration PATIENCE = Duration.ofMinutes(30);

    private Bench() {
    }

    /**
     * Latency of {@value #QUERIES} {@code GET /api/products?q=} calls: a product name 6 in 10, a tag 3 in 10, and 1 in
     * 10 a word every product's description has (answering all {@code n}).
     */
    static double[] search(HttpClient http, URI base, int n) throws Exception {
        return search(http, base, n, "");
    }

    /** The same {@value #QUERIES} searches, each asking for the first page of {@value #PAGE} hits. */
    static double[] searchPaged(HttpClient http, URI base, int n) throws Exception {
        return search(http, base, n, "&limit=" + PAGE);
    }

    private static double[] search(HttpClient http, URI base, int n, String paging) throws Exception {
        Random random = new Random(42);
        double[] millis = new double[QUERIES];
        for (int i = 0; i < QUERIES; i++) {
            int product = 1 + random.nextInt(n);
            String q = switch (i % 10) {
                case 0 -> "parcel";
                case 1, 2, 3 -> "warehouse-" + product;
                default -> String.format("p%05d", product);
            };
            long t = System.nanoTime();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("/api/products?q="
                    + URLEncoder.encode(q, StandardCharsets.UTF_8) + paging)).build(), HttpResponse.BodyHandlers.ofString());
            millis[i] = (System.nanoTime() - t) / 1e6;
            if (response.statusCode() != 200) {
                throw new IllegalStateException("search " + q + " answered " + response.statusCode());
            }
        }
        return millis;
    }

    /** How many products of the bench domain the catalog lists. */
    static int count(HttpClient http, URI base) throws Exception {
        String body = http.send(HttpRequest.newBuilder(base.resolve("/api/products?domain=" + BenchProducts.DOMAIN)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        int count = 0;
        for (int at = body.indexOf("\"name\""); at >= 0; at = body.indexOf("\"name\"", at + 1)) {
            count++;
        }
        return count;
    }

    static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    static double percentile(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    static void await(String what, Check check) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!check.holds()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("gave up waiting until " + what);
            }
            Thread.sleep(100);
        }
    }

    interface Check {
        boolean holds() throws Exception;
    }
}
