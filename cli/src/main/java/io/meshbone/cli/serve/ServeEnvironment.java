package io.meshbone.cli.serve;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The one naming rule of {@code meshbone serve}'s settings: flag {@code --foo-bar} ⇔ environment variable
 * {@code MESHBONE_FOO_BAR} ⇔ {@code --config} file key {@code foo-bar}, and Kafka client settings passed through as
 * {@code MESHBONE_KAFKA_<PROPERTY>} or file key {@code kafka.<property>}.
 *
 * <p>Precedence, applied by {@link ServeDefaults}: flag, then environment variable, then file, then built-in default.
 */
public final class ServeEnvironment {

    /** Every variable of a flag starts so. */
    public static final String PREFIX = "MESHBONE_";
    /** Kafka client settings in the environment start so, as Confluent's images use {@code KAFKA_} and {@code CONNECT_}. */
    public static final String KAFKA_PREFIX = "MESHBONE_KAFKA_";
    /** Kafka client settings in the {@code --config} file start so. */
    public static final String FILE_KAFKA_PREFIX = "kafka.";
    /** Kafka client keys a {@code --config} file may also give bare: those of a principal's credentials file. */
    static final List<String> CREDENTIAL_KEYS = List.of("security.protocol", "sasl.", "ssl.", "basic.auth.");
    /** The variable that names the properties file when {@code --config} is not given. */
    public static final String CONFIG_VARIABLE = "MESHBONE_CONFIG";
    /** Read by the logging configuration: the level of Meshbone's own loggers (default INFO). */
    public static final String LOG_LEVEL_VARIABLE = "MESHBONE_LOG_LEVEL";

    private ServeEnvironment() {
    }

    /** {@code --bootstrap-server} → {@code MESHBONE_BOOTSTRAP_SERVER}. */
    public static String variableFor(String longFlag) {
        return PREFIX + fileKeyFor(longFlag).toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /** {@code --bootstrap-server} → {@code bootstrap-server}. */
    public static String fileKeyFor(String longFlag) {
        if (!longFlag.startsWith("--") || longFlag.length() < 3) {
            throw new IllegalArgumentException("expected a long flag such as --bootstrap-server, got " + longFlag);
        }
        return longFlag.substring(2);
    }

    /**
     * The Kafka client settings a part passes to every Kafka client it makes: file keys {@code kafka.<property>},
     * overridden by variables {@code MESHBONE_KAFKA_<PROPERTY>}, whose name maps to the property as in Confluent's
     * images: lower case, {@code _} → {@code .}, {@code __} → {@code _}, {@code ___} → {@code -}
     * ({@code MESHBONE_KAFKA_SECURITY_PROTOCOL} → {@code security.protocol}).
     */
    public static Map<String, Object> kafkaClientSettings(Map<String, String> env, Properties file) {
        Map<String, Object> settings = new TreeMap<>();
        // A principal's credentials file (<data-dir>/credentials/<name>.properties) serves as --config as it is.
        for (String key : file.stringPropertyNames()) {
            if (CREDENTIAL_KEYS.stream().anyMatch(key::startsWith)) {
                settings.put(key, file.getProperty(key).trim());
            }
        }
        for (String key : file.stringPropertyNames()) {
            if (key.startsWith(FILE_KAFKA_PREFIX) && key.length() > FILE_KAFKA_PREFIX.length()) {
                settings.put(key.substring(FILE_KAFKA_PREFIX.length()), file.getProperty(key).trim());
            }
        }
        env.forEach((name, value) -> {
            if (name.startsWith(KAFKA_PREFIX) && name.length() > KAFKA_PREFIX.length()) {
                settings.put(kafkaProperty(name.substring(KAFKA_PREFIX.length())), value);
            }
        });
        return settings;
    }

    /** {@code SASL_JAAS_CONFIG} → {@code sasl.jaas.config}; {@code ___} → {@code -}, {@code __} → {@code _}. */
    static String kafkaProperty(String variableTail) {
        return variableTail.toLowerCase(Locale.ROOT)
                .replace("___", "\u0001").replace("__", "\u0002").replace('_', '.')
                .replace('\u0001', '-').replace('\u0002', '_');
    }

    /**
     * Every variable {@code meshbone serve} reads, besides the {@code MESHBONE_KAFKA_*} family: one per flag of every
     * {@code serve} part, {@value #CONFIG_VARIABLE} and {@value #LOG_LEVEL_VARIABLE}.
     */
    public static Set<String> variables() {
        Set<String> names = new TreeSet<>(Set.of(CONFIG_VARIABLE, LOG_LEVEL_VARIABLE));
        for (CommandLine part : new CommandLine(new ServeCommand()).getSubcommands().values()) {
            for (OptionSpec option : part.getCommandSpec().options()) {
                if (!option.usageHelp() && !option.versionHelp() && option.longestName().startsWith("--")) {
                    names.add(variableFor(option.longestName()));
                }
            }
        }
        return names;
    }

    /** True when {@code meshbone serve} reads {@code variable}: one of {@link #variables()} or a {@code MESHBONE_KAFKA_*} setting. */
    public static boolean reads(String variable) {
        return variable.startsWith(KAFKA_PREFIX) && variable.length() > KAFKA_PREFIX.length() || variables().contains(variable);
    }

    /** Reads a {@code --config} properties file; a missing or unreadable file is an error naming it. */
    public static Properties load(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException("--config: cannot read properties file " + file + ": " + e.getMessage(), e);
        }
    }
}
