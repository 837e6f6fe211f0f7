package io.meshbone.platform.security;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One principal's name and password, and the client properties they make: SASL/SCRAM-SHA-512 for Kafka and
 * Confluent's basic-auth keys for the schema registry and the catalog.
 */
public record MeshCredentials(String name, String password) {

    public static final String SECURITY_PROTOCOL = "security.protocol";
    public static final String SASL_MECHANISM = "sasl.mechanism";
    public static final String SASL_JAAS_CONFIG = "sasl.jaas.config";
    public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
    public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";

    // Characters that need no quoting in a JAAS line, a user:password pair or a properties file.
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._~-]+");

    public MeshCredentials {
        if (name == null || !SAFE.matcher(name).matches()) {
            throw new IllegalArgumentException("name: expected characters of [A-Za-z0-9._~-], got '" + name + "'");
        }
        if (password == null || !SAFE.matcher(password).matches()) {
            throw new IllegalArgumentException("password of " + name + ": expected characters of [A-Za-z0-9._~-]");
        }
    }

    /** {@code User:<name>}. */
    public String principal() {
        return MeshPrincipals.kafkaPrincipal(name);
    }

    /** The Kafka client properties with which this principal logs in. */
    public Map<String, Object> kafkaClientConfig() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put(SECURITY_PROTOCOL, "SASL_PLAINTEXT");
        config.put(SASL_MECHANISM, "SCRAM-SHA-512");
        config.put(SASL_JAAS_CONFIG, "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                + name + "\" password=\"" + password + "\";");
        return config;
    }

    /** Kafka's properties plus the registry client's basic auth: what the principal's credentials file holds. */
    public Map<String, Object> clientConfig() {
        Map<String, Object> config = kafkaClientConfig();
        config.put(BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO");
        config.put(BASIC_AUTH_USER_INFO, userInfo());
        return config;
    }

    /** {@code name:password}, for HTTP basic auth. */
    public String userInfo() {
        return name + ":" + password;
    }

    // The generated toString would print the password wherever a value is logged.
    @Override
    public String toString() {
        return "MeshCredentials[name=" + name + ", password=[hidden]]";
    }
}
