package io.meshbone.platform.contract.internal;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

import org.apache.commons.text.similarity.LevenshteinDistance;

/** Suggests the closest allowed word for a misspelt one, by Levenshtein distance. */
public final class DidYouMean {

    private DidYouMean() {
    }

    /** The allowed word closest to {@code typed}, if it is close enough to be a plausible typo. */
    public static Optional<String> suggest(String typed, Collection<String> allowed) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : allowed) {
            int distance = distance(typed.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        // A typo changes a few characters: 'retension' -> 'retention', but not 'foo' -> 'key',
        // and not 'orders.order-placed' -> 'orders.order-status'.
        int tolerated = Math.min(3, Math.max(1, typed.length() / 3));
        return best != null && bestDistance <= tolerated ? Optional.of(best) : Optional.empty();
    }

    static int distance(String a, String b) {
        return LevenshteinDistance.getDefaultInstance().apply(a, b);
    }
}
