package io.meshbone.governance.internal;

/** Why the record gate dead-letters a record: the value of the {@code mesh.error.code} header. */
public enum GateError {
    /** The staging topic belongs to no listed product, or to a retired major version. */
    PRODUCT_NOT_LISTED,
    /** An event product's record has no value; only entity products take tombstones. */
    NULL_VALUE,
    /** The value is shorter than Confluent's 5-byte frame. */
    NOT_FRAMED,
    /** The first byte is not Confluent's magic byte 0. */
    BAD_MAGIC_BYTE,
    /** The schema id is not registered under the product's value subject. */
    UNKNOWN_SCHEMA_ID,
    /** The schema registry answered the id's lookup with a permanent refusal (a 4xx other than 404). */
    REGISTRY_REFUSED,
    /** The body does not decode with the schema its id names, or declares a length longer than what is left of it. */
    UNDECODABLE,
    /** An entity product's record has no key. */
    MISSING_KEY,
    /** The key does not equal the value's key field. */
    KEY_MISMATCH,
    /** An Avro key is unframed, of an unknown schema, or does not decode. */
    BAD_KEY,
    /** A quality rule evaluated to false. */
    QUALITY_RULE_FAILED,
    /** A quality rule could not be evaluated on this record (e.g. a missing field). */
    QUALITY_RULE_ERROR,
    /** With the gate's lineage headers the record would exceed the product topic's {@code max.message.bytes}. */
    RECORD_TOO_LARGE,
    /** Checking the record threw (e.g. a {@code StackOverflowError} on a deeply nested value, or a listing that does not compile). */
    CHECK_FAILED
}
