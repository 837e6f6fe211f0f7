package io.meshbone.registry.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A subject's (or the global) config as Confluent's {@code ConfigValue} keeps it: a compatibility level and whether
 * schemas are normalized, each null when not set.
 */
record SubjectConfig(String compatibilityLevel, Boolean normalize) {

    /** This config with the fields {@code update} sets replacing its own, as Confluent's {@code ConfigValue.update}. */
    SubjectConfig merge(SubjectConfig update) {
        return new SubjectConfig(update.compatibilityLevel != null ? update.compatibilityLevel : compatibilityLevel,
                update.normalize != null ? update.normalize : normalize);
    }

    /** {@code {"compatibilityLevel":…,"normalize":…}}: the stored value and the {@code GET /config} answer. */
    ObjectNode toJson() {
        return fields("compatibilityLevel");
    }

    /** {@code {"compatibility":…,"normalize":…}}: the {@code PUT /config} answer, Confluent's {@code ConfigUpdateRequest}. */
    ObjectNode toUpdateJson() {
        return fields("compatibility");
    }

    private ObjectNode fields(String levelName) {
        ObjectNode node = Json.object();
        if (compatibilityLevel != null) {
            node.put(levelName, compatibilityLevel);
        }
        if (normalize != null) {
            node.put("normalize", normalize);
        }
        return node;
    }
}
