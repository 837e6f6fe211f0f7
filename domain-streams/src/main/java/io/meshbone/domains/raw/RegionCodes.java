package io.meshbone.domains.raw;

import java.util.Locale;
import java.util.Map;

/** Normalises the sales regions shops send into the three the orders domain reports on. */
public final class RegionCodes {

    /** What a checkout without a recognisable region is counted under, so its revenue is still reported. */
    public static final String UNKNOWN = "UNKNOWN";

    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("EMEA", "EMEA"), Map.entry("EU", "EMEA"), Map.entry("EUROPE", "EMEA"),
            Map.entry("AMER", "AMER"), Map.entry("AMERICAS", "AMER"), Map.entry("NA", "AMER"), Map.entry("US", "AMER"),
            Map.entry("APAC", "APAC"), Map.entry("ASIA", "APAC"));

    private RegionCodes() {
    }

    /** {@code EMEA}, {@code AMER} or {@code APAC} for {@code raw} in any case and padding, else {@link #UNKNOWN}. */
    public static String normalise(String raw) {
        if (raw == null) {
            return UNKNOWN;
        }
        return ALIASES.getOrDefault(raw.strip().toUpperCase(Locale.ROOT), UNKNOWN);
    }
}
