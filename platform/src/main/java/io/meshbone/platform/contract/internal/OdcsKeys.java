package io.meshbone.platform.contract.internal;

/** The names Meshbone uses inside ODCS documents for facts ODCS has no field for. */
final class OdcsKeys {

    static final String OWNER_ROLE = "owner";
    static final String ROLE_VALUE = "value";
    static final String ROLE_KEY = "key";
    static final String CEL_ENGINE = "cel";

    static final String SCHEMA_ROLE = "schemaRole";
    static final String SCHEMA_SUBJECT = "subject";
    static final String AVRO_SCHEMA_FILE = "avroSchemaFile";
    static final String AVRO_SCHEMA = "avroSchema";
    static final String ON_FAILURE = "onFailure";

    static final String SLA_RETENTION = "retention";
    static final String SLA_FRESHNESS = "latency";

    static final String PRODUCT_TYPE = "productType";
    static final String CLASSIFICATION = "classification";
    static final String COMPATIBILITY = "compatibility";
    static final String PARTITIONS = "partitions";
    static final String KEY_FIELD = "keyField";
    static final String TOPIC = "topic";
    static final String STAGING_TOPIC = "stagingTopic";
    static final String DLQ_TOPIC = "dlqTopic";
    static final String VALUE_SUBJECT = "valueSubject";
    static final String KEY_SUBJECT = "keySubject";
    static final String STAGING_VALUE_SUBJECT = "stagingValueSubject";
    static final String STAGING_KEY_SUBJECT = "stagingKeySubject";
    static final String CLEANUP_POLICY = "cleanupPolicy";
    static final String INPUTS = "inputs";
    static final String CONSUMERS = "consumers";
    static final String RESIDENCY = "residency";

    private OdcsKeys() {
    }
}
