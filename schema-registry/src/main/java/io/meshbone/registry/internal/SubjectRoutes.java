package io.meshbone.registry.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;

import io.meshbone.http.Call;
import io.meshbone.http.Routes;

/** {@code /subjects/...}: list, lookup, register, read and delete subjects and their versions. */
final class SubjectRoutes {

    private final RegistryState state;
    private final Registrar registrar;
    private final Deleter deleter;
    private final Access access;
    private final WriteForwarding forwarding;

    SubjectRoutes(RegistryState state, Registrar registrar, Deleter deleter, Access access, WriteForwarding forwarding) {
        this.forwarding = forwarding;
        this.state = state;
        this.registrar = registrar;
        this.deleter = deleter;
        this.access = access;
    }

    void addTo(Routes routes) {
        routes.add("GET", "/subjects", this::list)
                .add("POST", "/subjects/{subject}", this::lookup)
                .add("DELETE", "/subjects/{subject}", forwarding.write(call -> deleter.deleteSubject(allowed(call, Change.DELETE),
                        call.flag("permanent"))))
                .add("GET", "/subjects/{subject}/versions", this::versions)
                .add("POST", "/subjects/{subject}/versions", forwarding.write(this::register))
                .add("GET", "/subjects/{subject}/versions/{version}", call -> Views.schema(find(call)))
                .add("GET", "/subjects/{subject}/versions/{version}/schema", call -> RegistryAnswers.rawJson(find(call).content().schema()))
                .add("GET", "/subjects/{subject}/versions/{version}/referencedby", this::referencedBy)
                .add("DELETE", "/subjects/{subject}/versions/{version}", forwarding.write(call -> deleter.deleteVersion(
                        allowed(call, Change.DELETE), Versions.parse(call.param("version")), call.flag("permanent"))))
                .add("GET", "/subjects/{subject}/metadata", this::latestWithMetadata);
    }

    private Object list(Call call) {
        String prefix = call.query("subjectPrefix", "");
        boolean deletedOnly = call.flag("deletedOnly");
        boolean deleted = call.flag("deleted");
        List<String> names = state.subjects(s -> true).stream().filter(name -> name.startsWith(prefix)).filter(name -> {
            boolean live = state.versions(name).stream().anyMatch(v -> !v.deleted());
            return deletedOnly ? !live : live || deleted;
        }).toList();
        return Pages.slice(names, call);
    }

    private Object lookup(Call call) {
        RegisterRequest request = RegisterRequest.from(Json.body(call));
        return Views.schema(registrar.lookup(call.param("subject"), request, call.flag("normalize"), call.flag("deleted")));
    }

    private Object register(Call call) {
        allowed(call, Change.REGISTER);
        RegisterRequest request = RegisterRequest.from(Json.body(call));
        return Views.registered(registrar.register(call.param("subject"), request, call.flag("normalize")));
    }

    /** The call's subject, once the caller may make {@code change} to it. */
    private String allowed(Call call, Change change) {
        String subject = call.param("subject");
        access.check(call, change, subject);
        return subject;
    }

    private Object versions(Call call) {
        String subject = call.param("subject");
        boolean deletedOnly = call.flag("deletedOnly");
        boolean deleted = call.flag("deleted");
        Predicate<StoredSchema> wanted = deletedOnly ? StoredSchema::deleted : s -> deleted || !s.deleted();
        List<Integer> versions = state.versions(subject).stream().filter(wanted).map(StoredSchema::version).toList();
        if (versions.isEmpty()) {
            throw Errors.subjectNotFound(subject);
        }
        return Pages.slice(versions, call);
    }

    private StoredSchema find(Call call) {
        return Versions.find(state, call.param("subject"), Versions.parse(call.param("version")), call.flag("deleted"));
    }

    private Object referencedBy(Call call) {
        StoredSchema target = Versions.find(state, call.param("subject"), Versions.parse(call.param("version")), true);
        return Deleter.referencedBy(state, target.subject(), target.version());
    }

    /**
     * The latest version whose metadata properties hold every {@code key}/{@code value} pair of the query (paired by
     * position), as Confluent's {@code SubjectsResource} matches them; a version without metadata never matches.
     */
    private Object latestWithMetadata(Call call) {
        String subject = call.param("subject");
        List<StoredSchema> versions = state.versions(subject).stream().filter(s -> call.flag("deleted") || !s.deleted()).toList();
        if (versions.isEmpty()) {
            throw Errors.subjectNotFound(subject);
        }
        List<String> keys = call.queryValues("key");
        List<String> values = call.queryValues("value");
        Map<String, String> wanted = new HashMap<>();
        for (int i = 0; i < Math.min(keys.size(), values.size()); i++) {
            wanted.put(keys.get(i), values.get(i));
        }
        for (int i = versions.size() - 1; i >= 0; i--) {
            StoredSchema candidate = versions.get(i);
            JsonNode metadata = candidate.content().metadata();
            if (metadata != null && hasAll(metadata.path("properties"), wanted)) {
                return Views.schema(candidate);
            }
        }
        throw Errors.schemaNotFound();
    }

    private static boolean hasAll(JsonNode properties, Map<String, String> wanted) {
        return wanted.entrySet().stream().allMatch(pair -> pair.getValue().equals(properties.path(pair.getKey()).asText(null)));
    }

}
