package io.meshbone.platform.text;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * "Did you mean …?": the known words closest to a misspelt one, by Levenshtein distance (commons-text),
 * ignoring case. One threshold for the whole mesh — descriptor lint, the catalog's 404s and the CLI's
 * unknown names all suggest the same words for the same typo.
 */
public final class DidYouMean {

    private DidYouMean() {
    }

    /** The known word closest to {@code typed}, if it is close enough to be a plausible typo. */
    public static Optional<String> suggest(String typed, Collection<String> known) {
        return closest(typed, known, 1).stream().findFirst();
    }

    /**
     * Up to {@code limit} known words within {@link #tolerance} of {@code typed}, closest first; words at the
     * same distance keep the order of {@code known}.
     */
    public static List<String> closest(String typed, Collection<String> known, int limit) {
        int tolerated = tolerance(typed);
        String lower = typed.toLowerCase(Locale.ROOT);
        return known.stream()
                .map(candidate -> Map.entry(candidate, distance(lower, candidate.toLowerCase(Locale.ROOT))))
                .filter(e -> e.getValue() <= tolerated)
                .sorted(Comparator.comparingInt(Map.Entry::getValue))
                .limit(limit).map(Map.Entry::getKey).toList();
    }

    /**
     * How many edits still count as a typo of {@code typed}: a third of its length, at least 1 and at most 3.
     * 'retension' -> 'retention' and 'orders.order-plaecd' -> 'orders.order-placed' are typos; 'foo' -> 'key'
     * and 'orders.order-placed' -> 'orders.order-status' are not.
     */
    public static int tolerance(String typed) {
        return Math.min(3, Math.max(1, typed.length() / 3));
    }

    /** The Levenshtein distance between two words, case counting. */
    public static int distance(String a, String b) {
        return LevenshteinDistance.getDefaultInstance().apply(a, b);
    }
}
