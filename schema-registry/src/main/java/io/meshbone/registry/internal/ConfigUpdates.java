package io.meshbone.registry.internal;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads a {@code PUT /config} body (Confluent's {@code ConfigUpdateRequest}) into the fields this registry keeps. */
final class ConfigUpdates {

    /** Fields of Confluent's request this registry does not implement: refused by name rather than dropped. */
    static final List<String> UNSUPPORTED = List.of("alias", "aliasForDeks", "compatibilityGroup", "compatibilityPolicy",
            "defaultMetadata", "overrideMetadata", "defaultRuleSet", "overrideRuleSet", "validateFields",
            "validateNewSchemas", "validateRules");

    private ConfigUpdates() {
    }

    /** The level ({@code compatibility}, or {@code compatibilityLevel}) and {@code normalize}; at least one is needed. */
    static SubjectConfig parse(JsonNode body) {
        for (String field : UNSUPPORTED) {
            if (setToSomething(body.get(field))) {
                throw Errors.invalidConfig("Config field '" + field + "' is not supported by this registry; it keeps "
                        + "'compatibility' and 'normalize' only");
            }
        }
        JsonNode level = body.has("compatibility") ? body.get("compatibility") : body.get("compatibilityLevel");
        String parsedLevel = level == null || level.isNull() ? null : CompatibilityChecker.parseLevel(level.asText()).name();
        JsonNode normalize = body.get("normalize");
        Boolean parsedNormalize = null;
        if (normalize != null && !normalize.isNull()) {
            if (!normalize.isBoolean()) {
                throw Errors.invalidConfig("Config field 'normalize' must be true or false, not " + normalize);
            }
            parsedNormalize = normalize.asBoolean();
        }
        if (parsedLevel == null && parsedNormalize == null) {
            throw Errors.invalidCompatibilityLevel();
        }
        return new SubjectConfig(parsedLevel, parsedNormalize);
    }

    // A client that serialises every field of its request sends the unset ones as null, false, "" or {}: those ask
    // for nothing this registry lacks.
    private static boolean setToSomething(JsonNode value) {
        if (value == null || value.isNull()) {
            return false;
        }
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        if (value.isTextual()) {
            return !value.asText().isEmpty();
        }
        return !value.isContainerNode() || !value.isEmpty();
    }
}
