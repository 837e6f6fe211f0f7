package io.meshbone.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

import io.meshbone.platform.security.BasicAuth;

/**
 * A principal's credentials file, as {@code up --secure} writes to {@code <data-dir>/credentials/<name>.properties}: Kafka
 * client settings plus {@code basic.auth.user.info=<name>:<password>} for the mesh's HTTP APIs.
 *
 * @param file     where it was read from, for messages
 * @param settings every property of the file
 */
record Credentials(Path file, Map<String, String> settings) {

    static final String USER_INFO = "basic.auth.user.info";

    Credentials {
        settings = Map.copyOf(settings);
    }

    static Credentials read(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("--credentials: cannot read " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> settings = new TreeMap<>();
        properties.stringPropertyNames().forEach(name -> settings.put(name, properties.getProperty(name).trim()));
        return new Credentials(file, settings);
    }

    /** {@code user:password} for HTTP basic auth, if the file has it. */
    Optional<String> userInfo() {
        return Optional.ofNullable(settings.get(USER_INFO)).filter(info -> info.contains(":"));
    }

    /** The {@code Authorization} header value, or a clear error when the file holds no HTTP credentials. */
    String authorization() {
        String info = userInfo().orElseThrow(() -> new IllegalArgumentException(
                "--credentials: " + file + " has no " + USER_INFO + "=<name>:<password>"));
        return BasicAuth.header(info);
    }

    /** Every setting of the file: Kafka's and the registry client's ({@code basic.auth.*}). */
    Map<String, Object> allSettings() {
        return new TreeMap<>(settings);
    }

    /** The Kafka client settings of the file: everything but the HTTP ones ({@code basic.auth.*}). */
    Map<String, Object> kafkaSettings() {
        Map<String, Object> kafka = new TreeMap<>();
        settings.forEach((name, value) -> {
            if (!name.startsWith("basic.auth.")) {
                kafka.put(name, value);
            }
        });
        return kafka;
    }

    @Override
    public String toString() {
        return "Credentials[" + file + "]";
    }
}
