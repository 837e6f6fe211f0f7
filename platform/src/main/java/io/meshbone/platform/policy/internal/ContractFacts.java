package io.meshbone.platform.policy.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.meshbone.platform.contract.DataProduct;
import io.meshbone.platform.contract.KeySpec;
import io.meshbone.platform.contract.ProductMetadata;
import io.meshbone.platform.contract.ProductSpec;
import io.meshbone.platform.contract.internal.AvroFiles;
import io.meshbone.platform.policy.ClusterFacts;
import org.apache.avro.Schema;

/**
 * A contract as policy rules see it: plain maps and lists of strings, longs, bools and durations.
 *
 * <p>Optional descriptor fields that are absent are missing from the maps, so rules test them with {@code has(...)}.
 */
public final class ContractFacts {

    private ContractFacts() {
    }

    /** The variables of one evaluation: {@code product}, {@code fields}, {@code previous} (or null), {@code cluster}. */
    public static Map<String, Object> variables(DataProduct product, DataProduct previous, ClusterFacts cluster) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("product", product(product));
        variables.put("fields", fields(product));
        // CEL's null is protobuf's NullValue: a Java null would be an unbound variable.
        Object before = com.google.protobuf.NullValue.NULL_VALUE;
        if (previous != null) {
            Map<String, Object> listed = product(previous);
            listed.put("fields", fields(previous));
            before = listed;
        }
        variables.put("previous", before);
        variables.put("cluster", Map.of("brokers", (long) cluster.brokers(), "replication", (long) cluster.replication()));
        return variables;
    }

    static Map<String, Object> product(DataProduct product) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", product.name());
        m.put("metadata", metadata(product.metadata()));
        m.put("spec", spec(product.spec()));
        return m;
    }

    private static Map<String, Object> metadata(ProductMetadata metadata) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", metadata.name());
        m.put("domain", metadata.domain());
        m.put("owner", metadata.owner());
        m.put("description", metadata.description());
        m.put("tags", metadata.tags());
        return m;
    }

    private static Map<String, Object> spec(ProductSpec spec) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", spec.version().toString());
        m.put("major", (long) spec.version().major());
        m.put("type", spec.type().text());
        spec.key().ifPresent(key -> m.put("key", key instanceof KeySpec.FieldKey field
                ? Map.of("field", field.field()) : Map.of("schema", ((KeySpec.SchemaKey) key).schema().file())));
        m.put("value", Map.of("schema", spec.value().file()));
        m.put("compatibility", spec.compatibility().name());
        m.put("classification", spec.classification().text());
        m.put("partitions", (long) spec.partitions());
        spec.retention().ifPresent(retention -> m.put("retention", duration(retention)));
        m.put("inputs", spec.inputs());
        m.put("consumers", spec.consumers());
        m.put("quality", spec.quality().stream().map(rule -> Map.<String, Object>of("name", rule.name(), "rule", rule.rule(),
                "onFailure", rule.onFailure().text())).toList());
        spec.slo().ifPresent(slo -> m.put("slo", Map.of("freshness", duration(slo.freshness()))));
        return m;
    }

    /** Every field of the value schema, then of the key schema, nested record fields included (path {@code a.b}). */
    static List<Map<String, Object>> fields(DataProduct product) {
        List<Map<String, Object>> fields = new ArrayList<>();
        collect(product.spec().value().schema(), "", "value", fields, new HashSet<>());
        if (product.spec().key().orElse(null) instanceof KeySpec.SchemaKey key) {
            collect(key.schema().schema(), "", "key", fields, new HashSet<>());
        }
        return fields;
    }

    private static void collect(Schema schema, String prefix, String of, List<Map<String, Object>> out, Set<String> seen) {
        Schema record = recordIn(schema);
        // Recursive types (a record holding itself) would otherwise loop forever.
        if (record == null || !seen.add(record.getFullName())) {
            return;
        }
        for (Schema.Field field : record.getFields()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", field.name());
            m.put("path", prefix + field.name());
            m.put("type", typeName(field.schema()));
            m.put("optional", field.schema().isNullable());
            m.put("doc", field.doc() == null ? "" : field.doc());
            m.put("tags", AvroFiles.tags(field));
            m.put("schema", of);
            out.add(m);
            collect(field.schema(), prefix + field.name() + ".", of, out, seen);
        }
        seen.remove(record.getFullName());
    }

    private static Schema recordIn(Schema schema) {
        return switch (schema.getType()) {
            case RECORD -> schema;
            case UNION -> schema.getTypes().stream().filter(s -> s.getType() == Schema.Type.RECORD).findFirst().orElse(null);
            default -> null;
        };
    }

    // 'string', 'long', 'timestamp-millis', 'decimal', a record's full name; a nullable union names its other branch.
    private static String typeName(Schema schema) {
        if (schema.getType() == Schema.Type.UNION) {
            List<Schema> branches = schema.getTypes().stream().filter(s -> s.getType() != Schema.Type.NULL).toList();
            return branches.size() == 1 ? typeName(branches.get(0))
                    : String.join("|", branches.stream().map(ContractFacts::typeName).toList());
        }
        if (schema.getLogicalType() != null) {
            return schema.getLogicalType().getName();
        }
        return switch (schema.getType()) {
            case RECORD, ENUM, FIXED -> schema.getFullName();
            default -> schema.getType().getName();
        };
    }

    private static com.google.protobuf.Duration duration(Duration duration) {
        return com.google.protobuf.Duration.newBuilder().setSeconds(duration.getSeconds()).setNanos(duration.getNano()).build();
    }
}
