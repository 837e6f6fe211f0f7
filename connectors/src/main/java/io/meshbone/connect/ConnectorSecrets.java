package io.meshbone.connect;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps a connector's secrets out of its settings: they stay in properties files on the worker's machine and the
 * settings name them as {@code ${file:/path:key}}, which the worker's {@code FileConfigProvider} resolves when it
 * starts the connector, so Connect's REST answers only ever show the placeholder.
 *
 * <p>A placeholder with a relative path ({@code ${file:dashboard-db.properties:password}}, as the bundled configs
 * have) names a file in the secrets folder; a literal value of a secret setting (any {@code *password},
 * {@code *.secret}, {@code sasl.jaas.config} or {@code *basic.auth.user.info}) is moved into
 * {@code <folder>/<connector>.secrets.properties}, readable by its owner only.
 */
public final class ConnectorSecrets {

    private static final Pattern FILE_PLACEHOLDER = Pattern.compile("\\$\\{file:(.+):([^:}]+)}");

    private ConnectorSecrets() {
    }

    /** Whether a setting of this name holds a secret. */
    public static boolean secret(String setting) {
        String name = setting.toLowerCase(Locale.ROOT);
        return name.endsWith("password") || name.endsWith(".secret") || name.endsWith("sasl.jaas.config")
                || name.endsWith("basic.auth.user.info");
    }

    /** {@code connector} with relative placeholders resolved against {@code folder} and literal secrets moved there. */
    public static ConnectorConfig externalize(ConnectorConfig connector, Path folder) {
        Map<String, String> changes = new LinkedHashMap<>();
        Properties moved = new Properties();
        Path file = folder.resolve(connector.name() + ".secrets.properties").toAbsolutePath();
        connector.config().forEach((name, value) -> {
            Matcher placeholder = FILE_PLACEHOLDER.matcher(value);
            if (placeholder.matches() && !Path.of(placeholder.group(1)).isAbsolute()) {
                changes.put(name, "${file:" + folder.resolve(placeholder.group(1)).toAbsolutePath() + ":" + placeholder.group(2) + "}");
            } else if (secret(name) && !value.isEmpty() && !value.startsWith("${")) {
                moved.setProperty(name, value);
                changes.put(name, "${file:" + file + ":" + name + "}");
            }
        });
        if (!moved.isEmpty()) {
            write(file, moved);
        }
        return changes.isEmpty() ? connector : connector.with(changes);
    }

    /** The value a {@code ${file:/path:key}} placeholder stands for, read as the worker would; other values as they are. */
    public static String resolve(String value) {
        Matcher placeholder = value == null ? null : FILE_PLACEHOLDER.matcher(value);
        if (placeholder == null || !placeholder.matches()) {
            return value;
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of(placeholder.group(1)), StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the secrets file " + placeholder.group(1) + ": " + e.getMessage(), e);
        }
        return properties.getProperty(placeholder.group(2));
    }

    private static void write(Path file, Properties secrets) {
        try {
            Files.createDirectories(file.getParent());
            if (!Files.exists(file)) {
                Files.createFile(file);
            }
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
            try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                secrets.store(writer, null);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the secrets file " + file, e);
        }
    }
}
