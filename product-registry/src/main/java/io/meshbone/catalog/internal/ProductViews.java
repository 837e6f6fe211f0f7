package io.meshbone.catalog.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.meshbone.platform.contract.DataProduct;
import io.meshbone.platform.contract.KeySpec;
import io.meshbone.platform.contract.ProductNames;
import org.apache.avro.Schema;

/** Shapes catalog state into the API's JSON documents: search hits, product pages, domains and the lineage graph. */
final class ProductViews {

    private final CatalogState state;

    ProductViews(CatalogState state) {
        this.state = state;
    }

    /** The value schema's fields as rows: name, type, doc, tags. */
    List<Map<String, Object>> fields(DataProduct p) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Schema.Field field : p.spec().value().schema().getFields()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", field.name());
            row.put("type", typeName(field.schema()));
            row.put("doc", field.doc());
            Object tags = field.getObjectProp("tags");
            row.put("tags", tags instanceof List<?> list ? list : List.of());
            rows.add(row);
        }
        return rows;
    }

    private static String typeName(Schema schema) {
        if (schema.getLogicalType() != null) {
            return schema.getLogicalType().getName();
        }
        return switch (schema.getType()) {
            case UNION -> String.join(" | ", schema.getTypes().stream().map(ProductViews::typeName).toList());
            case ARRAY -> "array<" + typeName(schema.getElementType()) + ">";
            case MAP -> "map<" + typeName(schema.getValueType()) + ">";
            case ENUM -> "enum " + schema.getName() + " " + schema.getEnumSymbols();
            case RECORD, FIXED -> schema.getName();
            default -> schema.getType().getName();
        };
    }

    /** The address a client needs to read or write the product. */
    Map<String, Object> address(CatalogState.Entry entry, String bootstrapServers, String registryUrl) {
        ProductNames n = entry.product().names();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("bootstrapServers", bootstrapServers);
        m.put("schemaRegistryUrl", registryUrl);
        m.put("topic", n.topic());
        m.put("stagingTopic", n.stagingTopic());
        m.put("dlqTopic", n.dlqTopic());
        Map<String, Object> subjects = new LinkedHashMap<>();
        subjects.put("value", n.valueSubject());
        subjects.put("stagingValue", n.stagingValueSubject());
        if (entry.product().spec().key().orElse(null) instanceof KeySpec.SchemaKey) {
            subjects.put("key", n.keySubject());
            subjects.put("stagingKey", n.stagingKeySubject());
        }
        m.put("subjects", subjects);
        m.put("valueSchemaId", entry.listed().valueSchemaId());
        m.put("keySchemaId", entry.listed().keySchemaId());
        m.put("keyField", entry.product().spec().key().orElse(null) instanceof KeySpec.FieldKey f ? f.field() : null);
        return m;
    }

    /** Products whose contract names this one as an input, or that a job reads it into. */
    Set<String> downstream(String name) {
        Set<String> names = new TreeSet<>();
        edges().forEach(e -> {
            if (e.get("from").equals(name) && !e.get("to").equals(name)) {
                names.add(e.get("to"));
            }
        });
        return names;
    }

    Set<String> upstream(String name) {
        Set<String> names = new TreeSet<>();
        edges().forEach(e -> {
            if (e.get("to").equals(name) && !e.get("from").equals(name)) {
                names.add(e.get("from"));
            }
        });
        return names;
    }

    /**
     * Every edge: contract inputs ({@code source=contract}), OpenLineage jobs between products ({@code source=lineage}),
     * and copies of a product between the clusters of an isolated mesh ({@code source=mirror}: from and to the same
     * product, with {@code fromCluster}, {@code toCluster} and the job {@code mirror:<source>-><target>}).
     */
    List<Map<String, String>> edges() {
        Map<String, CatalogState.Entry> products = state.products();
        Map<String, String> productByTopic = new TreeMap<>();
        products.forEach((name, e) -> {
            productByTopic.put(e.product().names().topic(), name);
            productByTopic.put(e.product().names().stagingTopic(), name);
        });
        Set<List<String>> seen = new LinkedHashSet<>();
        List<Map<String, String>> edges = new ArrayList<>();
        products.forEach((name, e) -> e.product().spec().inputs().forEach(input -> {
            if (seen.add(List.of(input, name))) {
                edges.add(Map.of("from", input, "to", name, "source", "contract"));
            }
        }));
        for (CatalogState.Job job : state.jobs()) {
            // A staging topic as input is the record gate admitting a product's own records: not an edge.
            for (String in : job.inputs().stream().filter(t -> !ProductNames.isStagingTopic(t)).toList()) {
                for (String out : job.outputs()) {
                    String from = productByTopic.get(in);
                    String to = productByTopic.get(out);
                    if (from != null && to != null && !from.equals(to) && seen.add(List.of(from, to))) {
                        edges.add(Map.of("from", from, "to", to, "source", "lineage", "job", job.name()));
                    }
                }
            }
            MirrorJob.of(job.name()).ifPresent(mirror -> job.outputs().stream().filter(job.inputs()::contains)
                    .map(productByTopic::get).filter(Objects::nonNull)
                    .filter(product -> seen.add(List.of(product, product, job.name())))
                    .forEach(product -> edges.add(Map.of("from", product, "to", product, "source", "mirror",
                            "job", job.name(), "fromCluster", mirror.source(), "toCluster", mirror.target()))));
        }
        return edges;
    }

    /** The whole graph: products as nodes (with domain), edges between them. */
    Map<String, Object> graph() {
        List<Map<String, Object>> nodes = new ArrayList<>();
        state.products().forEach((name, e) -> nodes.add(Map.of("id", name, "domain", e.product().metadata().domain())));
        Set<String> known = new TreeSet<>(state.products().keySet());
        edges().forEach(e -> {
            if (known.add(e.get("from"))) {
                nodes.add(Map.of("id", e.get("from"), "domain", e.get("from").split("\\.")[0], "listed", false));
            }
        });
        return Map.of("nodes", nodes, "edges", edges());
    }
}
