package io.meshbone.cli.access;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import io.meshbone.platform.security.BasicAuth;

/**
 * HTTP basic credentials read from a Kafka client properties file's {@code basic.auth.user.info=<name>:<password>},
 * the line Confluent's serdes read too. The password never leaves this object except in the header it builds.
 *
 * @param user the user name; its principal is {@code User:<name>}
 */
public record CatalogCredentials(String user, String header) {

    static final String PROPERTY = "basic.auth.user.info";
    // The same user signs in to Kafka (SCRAM) and HTTP, so a file with only the JAAS login will do.
    private static final java.util.regex.Pattern JAAS = java.util.regex.Pattern.compile(
            "username=\"([^\"]+)\"\\s+password=\"([^\"]+)\"");

    /** The credentials in {@code file}: {@code basic.auth.user.info}, else the {@code sasl.jaas.config} login. */
    public static CatalogCredentials read(Path file) {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read credentials file " + file + ": " + e.getMessage(), e);
        }
        String info = properties.getProperty(PROPERTY);
        java.util.regex.Matcher jaas = JAAS.matcher(properties.getProperty("sasl.jaas.config", ""));
        if ((info == null || info.indexOf(':') <= 0) && jaas.find()) {
            info = jaas.group(1) + ":" + jaas.group(2);
        }
        if (info == null || info.indexOf(':') <= 0) {
            throw new IllegalArgumentException("credentials file " + file + " has no " + PROPERTY
                    + "=<name>:<password> line; expected the properties file 'meshbone up --secure' wrote");
        }
        String user = info.substring(0, info.indexOf(':'));
        return new CatalogCredentials(user, BasicAuth.header(info));
    }

    public String principal() {
        return "User:" + user;
    }

    @Override
    public String toString() {
        return "CatalogCredentials[user=" + user + "]";
    }
}
