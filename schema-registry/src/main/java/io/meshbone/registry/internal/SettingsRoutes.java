package io.meshbone.registry.internal;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meshbone.http.Call;
import io.meshbone.http.Routes;

/** {@code /config}, {@code /mode}, {@code /compatibility}, {@code /contexts}, the root and server metadata. */
final class SettingsRoutes {

    private final RegistryState state;
    private final Settings settings;
    private final Registrar registrar;
    private final String clusterId;
    private final Access access;
    private final WriteForwarding forwarding;

    SettingsRoutes(RegistryState state, Settings settings, Registrar registrar, String clusterId, Access access,
                   WriteForwarding forwarding) {
        this.forwarding = forwarding;
        this.access = access;
        this.state = state;
        this.settings = settings;
        this.registrar = registrar;
        this.clusterId = clusterId;
    }

    void addTo(Routes routes) {
        routes.add("GET", "/", call -> Map.of())
                .add("POST", "/", call -> Map.of())
                .add("GET", "/contexts", call -> List.of("."))
                .add("GET", "/v1/metadata/id", call -> Map.of("scope", Map.of("clusters",
                        Map.of("kafka-cluster", clusterId)), "id", clusterId))
                .add("GET", "/v1/metadata/version", call -> Map.of("version", "meshbone-0.1.0", "commitId", "meshbone"))
                .add("GET", "/config", call -> globalConfig())
                .add("PUT", "/config", forwarding.write(call -> settings.setConfig(global(call, Change.CONFIG),
                        ConfigUpdates.parse(Json.body(call))).toUpdateJson()))
                .add("DELETE", "/config", forwarding.write(call -> settings.deleteConfig(global(call, Change.CONFIG)).toJson()))
                .add("GET", "/config/{subject}", this::subjectConfig)
                .add("PUT", "/config/{subject}", forwarding.write(call -> settings.setConfig(subject(call, Change.CONFIG),
                        ConfigUpdates.parse(Json.body(call))).toUpdateJson()))
                .add("DELETE", "/config/{subject}", forwarding.write(call -> settings.deleteConfig(subject(call, Change.CONFIG)).toJson()))
                .add("GET", "/mode", call -> mode(Modes.effective(state, RegistryState.GLOBAL)))
                .add("PUT", "/mode", forwarding.write(call -> setMode(call, RegistryState.GLOBAL)))
                .add("GET", "/mode/{subject}", this::subjectMode)
                .add("PUT", "/mode/{subject}", forwarding.write(call -> setMode(call, subject(call))))
                .add("DELETE", "/mode/{subject}", forwarding.write(call -> mode(settings.deleteMode(subject(call, Change.MODE)))))
                .add("POST", "/compatibility/subjects/{subject}/versions", call -> compatible(call, null))
                .add("POST", "/compatibility/subjects/{subject}/versions/{version}",
                        call -> compatible(call, Versions.parse(call.param("version"))));
    }

    private Object setMode(Call call, String subject) {
        String mode = modeOf(Json.body(call));
        boolean importing = mode != null && mode.trim().equalsIgnoreCase("IMPORT");
        access.check(call, importing ? Change.IMPORT_MODE : Change.MODE, RegistryState.GLOBAL.equals(subject) ? null : subject);
        return mode(settings.setMode(subject, mode, call.flag("force")));
    }

    private String global(Call call, Change change) {
        access.check(call, change, null);
        return RegistryState.GLOBAL;
    }

    private String subject(Call call, Change change) {
        String subject = subject(call);
        access.check(call, change, subject);
        return subject;
    }

    private Object subjectConfig(Call call) {
        String subject = call.param("subject");
        return state.config(subject).<Object>map(SubjectConfig::toJson).orElseGet(() -> {
            if (call.flag("defaultToGlobal")) {
                return globalConfig();
            }
            throw Errors.subjectCompatibilityNotConfigured(subject);
        });
    }

    /** The global config with the level in force (the default when none is set), as Confluent's {@code GET /config}. */
    private ObjectNode globalConfig() {
        return new SubjectConfig(Modes.compatibility(state, RegistryState.GLOBAL).name(),
                state.config(RegistryState.GLOBAL).map(SubjectConfig::normalize).orElse(null)).toJson();
    }

    private Object subjectMode(Call call) {
        String subject = call.param("subject");
        return state.mode(subject).map(this::mode).orElseGet(() -> {
            if (call.flag("defaultToGlobal")) {
                return mode(Modes.effective(state, RegistryState.GLOBAL));
            }
            throw Errors.subjectModeNotConfigured(subject);
        });
    }

    private Object compatible(Call call, Integer version) {
        RegisterRequest request = RegisterRequest.from(Json.body(call));
        List<String> messages = registrar.check(call.param("subject"), version, request, call.flag("normalize"));
        ObjectNode node = Json.object().put("is_compatible", messages.isEmpty());
        if (call.flag("verbose")) {
            var array = node.putArray("messages");
            messages.forEach(array::add);
        }
        return node;
    }

    private static String subject(Call call) {
        String subject = call.param("subject");
        Subjects.validate(subject);
        return subject;
    }

    private static String modeOf(JsonNode body) {
        JsonNode mode = body.get("mode");
        return mode == null || mode.isNull() ? null : mode.asText();
    }

    private ObjectNode mode(String mode) {
        return Json.object().put("mode", mode);
    }
}
