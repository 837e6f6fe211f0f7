package io.meshbone.domains.raw;

import java.util.Locale;
import java.util.Map;

/** Normalises the currency codes shops and providers send into ISO 4217 codes. */
public final class CurrencyCodes {

    private static final Map<String, String> SYMBOLS = Map.of("€", "EUR", "$", "USD", "US$", "USD", "£", "GBP",
            "¥", "JPY", "CHF", "CHF", "FR.", "CHF");

    private CurrencyCodes() {
    }

    /** The upper-case ISO code for {@code raw}: trimmed, upper-cased, common symbols mapped; blank stays blank. */
    public static String normalise(String raw) {
        if (raw == null) {
            return "";
        }
        String code = raw.strip().toUpperCase(Locale.ROOT);
        return SYMBOLS.getOrDefault(code, code);
    }
}
