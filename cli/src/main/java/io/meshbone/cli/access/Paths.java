package io.meshbone.cli.access;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Path segments for the catalog's URLs. */
final class Paths {

    private Paths() {
    }

    /** {@code text} percent-encoded as one path segment ({@code :} kept, spaces as {@code %20}). */
    static String segment(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20").replace("%3A", ":");
    }
}
