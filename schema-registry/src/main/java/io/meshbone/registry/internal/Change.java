package io.meshbone.registry.internal;

/** A kind of change to a subject or to the registry's defaults, named by the operation Confluent's 40301 message names. */
enum Change {
    REGISTER("Write"),
    DELETE("Delete"),
    CONFIG("AlterConfigs"),
    MODE("AlterConfigs"),
    IMPORT_MODE("AlterConfigs");

    private final String operation;

    Change(String operation) {
        this.operation = operation;
    }

    String operation() {
        return operation;
    }
}
