package io.meshbone.platform.contract;

/** A schema compatibility level, with the same names and meaning as in Confluent Schema Registry. */
public enum Compatibility {
    /** New schema can read data written with the latest registered one. */
    BACKWARD,
    /** New schema can read data written with every registered one. */
    BACKWARD_TRANSITIVE,
    /** The latest registered schema can read data written with the new one. */
    FORWARD,
    /** Every registered schema can read data written with the new one. */
    FORWARD_TRANSITIVE,
    /** Both backward and forward against the latest registered schema. */
    FULL,
    /** Both backward and forward against every registered schema. */
    FULL_TRANSITIVE,
    /** No check. */
    NONE;

    /** The level a product gets when its descriptor names none (Confluent's default). */
    public static final Compatibility DEFAULT = BACKWARD;
}
