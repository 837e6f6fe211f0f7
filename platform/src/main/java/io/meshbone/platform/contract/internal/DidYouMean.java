package io.meshbone.platform.contract.internal;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

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
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
