package io.meshbone.platform.contract.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meshbone.platform.contract.AvroSchemaFile;
import io.meshbone.platform.contract.KeySpec;
import io.meshbone.platform.contract.OnFailure;
import io.meshbone.platform.contract.ProductNames;
import io.meshbone.platform.contract.QualityRule;
import io.meshbone.platform.text.DidYouMean;
import org.apache.avro.Schema;

/** Parses {@code spec.quality}: named CEL rules, each of which must compile to a bool. */
final class QualityParser {

    private static final List<String> RULE_KEYS = List.of("name", "rule", "onFailure");

    private QualityParser() {
    }

    static List<QualityRule> parse(Fields fields, ObjectNode spec, AvroSchemaFile value, Optional<KeySpec> key) {
        JsonNode node = spec.get("quality");
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            fields.problem("spec.quality", "expected a list of {name, rule, onFailure}, got " + Fields.describe(node));
            return null;
        }
        List<QualityRule> rules = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String path = "spec.quality[" + i + "]";
            ObjectNode rule = fields.object(node.get(i), path, "a mapping {name, rule, onFailure}");
            if (rule != null) {
                QualityRule parsed = rule(fields, rule, path, names, value, key);
                if (parsed != null) {
                    rules.add(parsed);
                }
            }
        }
        return rules.size() == node.size() ? rules : null;
    }

    private static QualityRule rule(Fields fields, ObjectNode rule, String path, Set<String> names,
                                    AvroSchemaFile value, Optional<KeySpec> key) {
        fields.onlyKeys(rule, path, RULE_KEYS);
        String name = fields.requiredText(rule, path, "name", "a lower-kebab rule name, e.g. positive-amount");
        if (name != null && !ProductNames.isNamePart(name)) {
            fields.problem(path + ".name", "'" + name + "' is not lower-kebab (expected e.g. positive-amount)");
            name = null;
        } else if (name != null && !names.add(name)) {
            fields.problem(path + ".name", "'" + name + "' is used by an earlier rule (expected unique rule names)");
            name = null;
        }
        String expression = fields.requiredText(rule, path, "rule", "a CEL expression over key and value, e.g. value.amount > 0");
        if (expression != null) {
            String error = CelRules.compileError(expression).orElse(null);
            if (error != null) {
                fields.problem(path + ".rule", "'" + expression + "' is not a valid CEL rule (expected a bool expression over key and value): " + error);
                expression = null;
            } else {
                AvroSchemaFile keySchema = key.orElse(null) instanceof KeySpec.SchemaKey k ? k.schema() : null;
                boolean valueFieldsExist = fieldsExist(fields, path + ".rule", expression, "value", value);
                boolean keyFieldsExist = fieldsExist(fields, path + ".rule", expression, "key", keySchema);
                String tooCostly = CelRules.costProblem(expression).orElse(null);
                if (tooCostly != null) {
                    fields.problem(path + ".rule", "quality rule " + (name == null ? path : "'" + name + "'") + " ('"
                            + expression + "') " + tooCostly);
                }
                if (!valueFieldsExist || !keyFieldsExist || tooCostly != null) {
                    expression = null;
                }
            }
        }
        OnFailure onFailure = onFailure(fields, rule, path);
        return name == null || expression == null || onFailure == null ? null : new QualityRule(name, expression, onFailure);
    }

    // A typo in a field name compiles (records are maps to CEL) but would fail every record at the gate.
    private static boolean fieldsExist(Fields fields, String path, String expression, String variable,
                                       AvroSchemaFile schema) {
        if (schema == null || schema.schema().getType() != Schema.Type.RECORD) {
            return true;
        }
        List<String> known = schema.schema().getFields().stream().map(Schema.Field::name).toList();
        boolean ok = true;
        for (String field : CelRules.fieldsReadFrom(expression, variable)) {
            if (!known.contains(field)) {
                fields.problem(path, "'" + expression + "' reads " + variable + "." + field + ", which is not a field of "
                        + schema.file() + " (fields: " + AvroFiles.fieldList(schema.schema()) + ")"
                        + DidYouMean.suggest(field, known).map(s -> "; did you mean '" + s + "'?").orElse(""));
                ok = false;
            }
        }
        return ok;
    }

    private static OnFailure onFailure(Fields fields, ObjectNode rule, String path) {
        JsonNode node = rule.get("onFailure");
        if (node != null && "drop".equals(node.asText())) {
            fields.problem(path + ".onFailure", "'drop' is not allowed: the gate never drops a record silently"
                    + " (expected dlq or warn)");
            return null;
        }
        return fields.enumValue(rule, path, "onFailure", OnFailure.class, OnFailure::text, OnFailure.DLQ,
                "a failure action");
    }
}
