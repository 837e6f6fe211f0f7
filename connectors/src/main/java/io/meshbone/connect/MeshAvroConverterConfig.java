package io.meshbone.connect;

import java.util.Map;

import io.meshbone.platform.serde.MeshAvroSerdeConfig;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

/** The settings of {@link MeshAvroConverter}: the Avro serde's, plus the schema cache size, under Confluent's names. */
public final class MeshAvroConverterConfig extends AbstractConfig {

    public static final String SCHEMAS_CACHE_SIZE = "schemas.cache.config";

    private static final ConfigDef CONFIG = MeshAvroSerdeConfig.configDef()
            .define(SCHEMAS_CACHE_SIZE, Type.INT, 1000, ConfigDef.Range.atLeast(1), Importance.LOW,
                    "How many Connect and Avro schemas the converter keeps converted, each way.");

    private final MeshAvroSerdeConfig serde;
    private final int cacheSize;

    public MeshAvroConverterConfig(Map<String, ?> props) {
        super(CONFIG, props);
        this.serde = new MeshAvroSerdeConfig(props);
        this.cacheSize = getInt(SCHEMAS_CACHE_SIZE);
    }

    /** Every setting with its type, default, validator and documentation. */
    public static ConfigDef configDef() {
        return new ConfigDef(CONFIG);
    }

    /** The serde settings: registry URLs, credentials, subject strategies, registration. */
    public MeshAvroSerdeConfig serde() {
        return serde;
    }

    public int cacheSize() {
        return cacheSize;
    }
}
