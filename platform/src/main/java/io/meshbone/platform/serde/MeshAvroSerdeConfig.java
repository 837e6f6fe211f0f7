package io.meshbone.platform.serde;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.meshbone.platform.registry.SchemaRegistryClientSettings;
import io.meshbone.platform.security.Secrets;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Avro serde settings, under the names Confluent's serializers use. */
public final class MeshAvroSerdeConfig extends AbstractConfig {

    private static final Logger log = LoggerFactory.getLogger(MeshAvroSerdeConfig.class);

    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    public static final String USE_LATEST_VERSION = "use.latest.version";
    public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";
    public static final String KEY_SUBJECT_NAME_STRATEGY = "key.subject.name.strategy";
    public static final String VALUE_SUBJECT_NAME_STRATEGY = "value.subject.name.strategy";
    public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
    public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
    public static final String MAX_SCHEMAS_PER_SUBJECT = "max.schemas.per.subject";

    private static final ConfigDef.Validator STRATEGY = ConfigDef.LambdaValidator.with((name, value) -> {
        if (value != null) {
            SubjectNameStrategy.of(value.toString());
        }
    }, () -> "one of " + SubjectNameStrategy.names());

    static final ConfigDef CONFIG = new ConfigDef()
            .define(SCHEMA_REGISTRY_URL, Type.LIST, List.of(), Importance.HIGH,
                    "Comma-separated schema registry URLs; the client fails over from one to the next. "
                            + "Credentials may be given in the URL (user:password@host) with basic.auth.credentials.source=URL.")
            .define(AUTO_REGISTER_SCHEMAS, Type.BOOLEAN, true, Importance.MEDIUM,
                    "Register the record's schema under its subject when serializing; if false, it must already be registered.")
            .define(USE_LATEST_VERSION, Type.BOOLEAN, false, Importance.MEDIUM,
                    "Serialize with the subject's latest registered schema instead of the record's own (implies no auto-registration).")
            .define(SPECIFIC_AVRO_READER, Type.BOOLEAN, false, Importance.MEDIUM,
                    "Deserialize into the generated SpecificRecord class named by the writer schema instead of GenericRecord.")
            .define(KEY_SUBJECT_NAME_STRATEGY, Type.STRING, "TopicNameStrategy", STRATEGY, Importance.MEDIUM,
                    "Subject naming for keys: TopicNameStrategy, RecordNameStrategy or TopicRecordNameStrategy "
                            + "(Confluent's fully qualified io.confluent.kafka.serializers.subject.* names are accepted).")
            .define(VALUE_SUBJECT_NAME_STRATEGY, Type.STRING, "TopicNameStrategy", STRATEGY, Importance.MEDIUM,
                    "Subject naming for values; same choices as key.subject.name.strategy.")
            .define(BASIC_AUTH_CREDENTIALS_SOURCE, Type.STRING, "URL", ConfigDef.ValidString.in("URL", "USER_INFO"),
                    Importance.MEDIUM, "Where basic-auth credentials come from: URL (user info of schema.registry.url) "
                            + "or USER_INFO (basic.auth.user.info).")
            .define(BASIC_AUTH_USER_INFO, Type.PASSWORD, null, Importance.MEDIUM,
                    "user:password for basic auth, used when basic.auth.credentials.source=USER_INFO.")
            .define(MAX_SCHEMAS_PER_SUBJECT, Type.INT, SchemaRegistryClientSettings.DEFAULT_CACHE_CAPACITY,
                    ConfigDef.Range.atLeast(1), Importance.LOW,
                    "How many entries each of the registry client's caches (schema by id, id by subject and schema) "
                            + "keeps; the least recently used are dropped first and fetched again when needed.");

    private final List<String> urls;
    private final boolean autoRegister;
    private final boolean useLatestVersion;
    private final boolean specificReader;
    private final SubjectNameStrategy keyStrategy;
    private final SubjectNameStrategy valueStrategy;
    private final String userInfo;
    private final int cacheCapacity;

    public MeshAvroSerdeConfig(Map<String, ?> props) {
        // Kafka's own logging would print the URLs with their user:password@; this logs them masked.
        super(CONFIG, props, false);
        log.debug("{} values: {}", getClass().getSimpleName(), new TreeMap<>(Secrets.masked(values())));
        this.urls = getList(SCHEMA_REGISTRY_URL);
        this.useLatestVersion = getBoolean(USE_LATEST_VERSION);
        this.autoRegister = getBoolean(AUTO_REGISTER_SCHEMAS) && !useLatestVersion;
        this.specificReader = getBoolean(SPECIFIC_AVRO_READER);
        this.keyStrategy = SubjectNameStrategy.of(getString(KEY_SUBJECT_NAME_STRATEGY));
        this.valueStrategy = SubjectNameStrategy.of(getString(VALUE_SUBJECT_NAME_STRATEGY));
        Password password = getPassword(BASIC_AUTH_USER_INFO);
        boolean fromUserInfo = "USER_INFO".equals(getString(BASIC_AUTH_CREDENTIALS_SOURCE));
        if (fromUserInfo && password == null) {
            throw new ConfigException(BASIC_AUTH_USER_INFO, null, "required when basic.auth.credentials.source=USER_INFO");
        }
        this.userInfo = fromUserInfo ? password.value() : null;
        this.cacheCapacity = getInt(MAX_SCHEMAS_PER_SUBJECT);
    }

    public static ConfigDef configDef() {
        return new ConfigDef(CONFIG);
    }

    /** Client settings for these URLs, credentials and cache size; a {@link ConfigException} if no URL is set. */
    public SchemaRegistryClientSettings clientSettings() {
        if (urls.isEmpty()) {
            throw new ConfigException(SCHEMA_REGISTRY_URL, "", "at least one schema registry URL is required");
        }
        return SchemaRegistryClientSettings.of(String.join(",", urls)).withUserInfo(userInfo)
                .withRetries(3, Duration.ofMillis(100), Duration.ofSeconds(2)).withCacheCapacity(cacheCapacity);
    }

    public boolean autoRegister() {
        return autoRegister;
    }

    public boolean useLatestVersion() {
        return useLatestVersion;
    }

    public boolean specificReader() {
        return specificReader;
    }

    public SubjectNameStrategy strategy(boolean isKey) {
        return isKey ? keyStrategy : valueStrategy;
    }
}
