package io.meshbone.platform.security;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Hides secrets in what gets printed: the values of secret settings, and the user info of URLs. */
public final class Secrets {

    /** What a hidden value prints as, as Kafka's {@code Password} does. */
    public static final String HIDDEN = "[hidden]";

    private static final Pattern URL_USER_INFO = Pattern.compile("(\\b[a-zA-Z][a-zA-Z0-9+.-]*://)[^/@\\s]+@");

    private Secrets() {
    }

    /** Whether a setting's value is a secret: passwords, JAAS lines, user info, keys and tokens. */
    public static boolean isSecret(String key) {
        String name = key.toLowerCase(Locale.ROOT);
        return name.contains("password") || name.contains("jaas") || name.contains("user.info")
                || name.contains("secret") || name.contains("token") || name.endsWith(".key");
    }

    /** The settings with every secret value hidden and every URL's user info masked. */
    public static Map<String, Object> masked(Map<String, ?> settings) {
        Map<String, Object> masked = new LinkedHashMap<>();
        settings.forEach((key, value) -> masked.put(key, isSecret(key) ? HIDDEN
                : value == null ? null : maskUrls(String.valueOf(value))));
        return masked;
    }

    /** {@code http://user:pass@host:8081} → {@code http://[hidden]@host:8081}, in any text. */
    public static String maskUrls(String text) {
        return text == null ? null : URL_USER_INFO.matcher(text).replaceAll("$1" + Matcher.quoteReplacement(HIDDEN) + "@");
    }
}
