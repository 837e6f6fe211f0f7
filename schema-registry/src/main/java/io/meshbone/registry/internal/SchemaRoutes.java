package io.meshbone.registry.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meshbone.http.Call;
import io.meshbone.http.Routes;

/** {@code /schemas/...}: schemas by id, the subjects and versions that use an id, all schemas, and the types. */
final class SchemaRoutes {

    private final RegistryState state;

    SchemaRoutes(RegistryState state) {
        this.state = state;
    }

    void addTo(Routes routes) {
        routes.add("GET", "/schemas", this::all)
                .add("GET", "/schemas/types", call -> List.of("AVRO"))
                .add("GET", "/schemas/ids/{id}", this::byId)
                .add("GET", "/schemas/ids/{id}/schema", call -> RegistryAnswers.rawJson(content(call).schema()))
                .add("GET", "/schemas/ids/{id}/subjects", call -> usages(call).keySet().stream().distinct().toList())
                .add("GET", "/schemas/ids/{id}/versions", this::versions);
    }

    private Object all(Call call) {
        String prefix = call.query("subjectPrefix", "");
        boolean deleted = call.flag("deleted");
        boolean latestOnly = call.flag("latestOnly");
        Map<String, StoredSchema> latest = new LinkedHashMap<>();
        List<StoredSchema> matching = new ArrayList<>();
        for (StoredSchema schema : state.all()) {
            if (schema.subject().startsWith(prefix) && (deleted || !schema.deleted())) {
                matching.add(schema);
                latest.put(schema.subject(), schema);
            }
        }
        List<StoredSchema> chosen = latestOnly ? List.copyOf(latest.values()) : matching;
        ArrayNode array = Json.array();
        Pages.slice(chosen, call).forEach(s -> array.add(Views.schema(s)));
        return array;
    }

    private Object byId(Call call) {
        ObjectNode node = Views.schemaString(content(call));
        if (call.flag("fetchMaxId")) {
            node.put("maxId", state.maxId());
        }
        return node;
    }

    /**
     * The schema an id names. A {@code subject} in the query does not narrow it: Confluent's server looks the id up in
     * the subject's context and serves it whichever subject holds it, and its deserializers send {@code <topic>-value}
     * for records a producer may have registered under another subject (RecordNameStrategy).
     */
    private SchemaContent content(Call call) {
        int id = id(call);
        return state.content(id).orElseThrow(() -> Errors.schemaNotFound(id));
    }

    private Object versions(Call call) {
        ArrayNode array = Json.array();
        usages(call).forEach((subject, versions) -> versions.forEach(v -> array.addObject().put("subject", subject).put("version", v)));
        return array;
    }

    /** Every subject and version using the id; like {@code GET /schemas/ids/{id}}, a {@code subject} query does not narrow it. */
    private Map<String, List<Integer>> usages(Call call) {
        int id = id(call);
        boolean deleted = call.flag("deleted");
        Map<String, List<Integer>> usages = new LinkedHashMap<>();
        for (StoredSchema schema : state.all()) {
            if (schema.id() == id && (deleted || !schema.deleted())) {
                usages.computeIfAbsent(schema.subject(), s -> new ArrayList<>()).add(schema.version());
            }
        }
        if (usages.isEmpty() && state.content(id).isEmpty()) {
            throw Errors.schemaNotFound(id);
        }
        return usages;
    }

    private static int id(Call call) {
        try {
            return Integer.parseInt(call.param("id"));
        } catch (NumberFormatException e) {
            throw Errors.notFound();
        }
    }
}
