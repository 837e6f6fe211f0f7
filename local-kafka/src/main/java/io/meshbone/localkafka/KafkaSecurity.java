package io.meshbone.localkafka;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * How a secure {@link LocalKafka} authenticates: SCRAM-SHA-512 over SASL_PLAINTEXT on client
 * listeners, with {@code User:admin} as its only super user.
 *
 * @param adminPassword the admin's password, from the characters {@code [A-Za-z0-9._~-]} (they
 *                      need no quoting in a JAAS line nor in Kafka's format-time SCRAM argument)
 */
public record KafkaSecurity(String adminPassword) {

    /** The only super user of a secure cluster. */
    public static final String ADMIN = "admin";
    public static final String PROTOCOL = "SASL_PLAINTEXT";
    public static final String MECHANISM = "SCRAM-SHA-512";

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._~-]{8,}");
    private static final Pattern SAFE_CHARS = Pattern.compile("[A-Za-z0-9._~-]+");

    public KafkaSecurity {
        if (adminPassword == null || !SAFE.matcher(adminPassword).matches()) {
            throw new IllegalArgumentException(
                    "adminPassword: expected 8 or more characters of [A-Za-z0-9._~-]");
        }
    }

    /** The client properties with which {@code user} authenticates to a secure cluster. */
    public static Map<String, Object> clientConfig(String user, String password) {
        return Map.of(
                "security.protocol", PROTOCOL,
                "sasl.mechanism", MECHANISM,
                "sasl.jaas.config", scramJaas(user, password));
    }

    /** The admin's client properties. */
    public Map<String, Object> adminClientConfig() {
        return clientConfig(ADMIN, adminPassword);
    }

    /** The {@code sasl.jaas.config} line with which {@code user} logs in by SCRAM. */
    public static String scramJaas(String user, String password) {
        requireSafe("user", user);
        requireSafe("password", password);
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                + user + "\" password=\"" + password + "\";";
    }

    private static void requireSafe(String what, String value) {
        if (value == null || !SAFE_CHARS.matcher(value).matches()) {
            throw new IllegalArgumentException(what + ": expected characters of [A-Za-z0-9._~-] only");
        }
    }

    // A record's generated toString would print the password wherever settings are logged.
    @Override
    public String toString() {
        return "KafkaSecurity[admin=" + ADMIN + ", adminPassword=[hidden]]";
    }
}
