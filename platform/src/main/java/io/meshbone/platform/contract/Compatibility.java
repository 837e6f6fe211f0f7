package io.meshbone.platform.contract;

/**
 * A schema compatibility level, with the same names and meaning as in Confluent Schema Registry.
 *
 * <p>This is the one list of level names in the mesh: the descriptor's {@code compatibility}, the registry's
 * {@code /config} and the gate all use it.
 */
public enum Compatibility {
    /** New schema can read data written with the latest registered one. */
    BACKWARD(true, false, false),
    /** New schema can read data written with every registered one. */
    BACKWARD_TRANSITIVE(true, false, true),
    /** The latest registered schema can read data written with the new one. */
    FORWARD(false, true, false),
    /** Every registered schema can read data written with the new one. */
    FORWARD_TRANSITIVE(false, true, true),
    /** Both backward and forward against the latest registered schema. */
    FULL(true, true, false),
    /** Both backward and forward against every registered schema. */
    FULL_TRANSITIVE(true, true, true),
    /** No check. */
    NONE(false, false, false);

    /** The level a product gets when its descriptor names none (Confluent's default). */
    public static final Compatibility DEFAULT = BACKWARD;

    private final boolean backward;
    private final boolean forward;
    private final boolean transitive;

    Compatibility(boolean backward, boolean forward, boolean transitive) {
        this.backward = backward;
        this.forward = forward;
        this.transitive = transitive;
    }

    /** Whether the new schema must read data written with the earlier ones. */
    public boolean backward() {
        return backward;
    }

    /** Whether the earlier schemas must read data written with the new one. */
    public boolean forward() {
        return forward;
    }

    /** Whether every earlier schema is checked, not just the latest. */
    public boolean transitive() {
        return transitive;
    }
}
