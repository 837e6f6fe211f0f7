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
                .add("GET", "/config", call -> level(Modes.compatibility(state, RegistryState.GLOBAL).name()))
                .add("PUT", "/config", forwarding.write(call -> updated(settings.setCompatibility(global(call, Change.CONFIG),
                        compatibility(Json.body(call))))))
                .add("DELETE", "/config", forwarding.write(call -> level(settings.deleteCompatibility(global(call, Change.CONFIG)))))
                .add("GET", "/config/{subject}", this::subjectConfig)
                .add("PUT", "/config/{subject}", forwarding.write(call -> updated(settings.setCompatibility(subject(call, Change.CONFIG),
                        compatibility(Json.body(call))))))
                .add("DELETE", "/config/{subject}", forwarding.write(call -> level(settings.deleteCompatibility(subject(call, Change.CONFIG)))))
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
        return state.compatibility(subject).map(this::level).orElseGet(() -> {
            if (call.flag("defaultToGlobal")) {
                return level(Modes.compatibility(state, RegistryState.GLOBAL).name());
            }
            throw Errors.subjectCompatibilityNotConfigured(subject);
        });
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

    private static String compatibility(JsonNode body) {
        JsonNode level = body.has("compatibility") ? body.get("compatibility") : body.get("compatibilityLevel");
        return level == null || level.isNull() ? null : level.asText();
    }

    private static String modeOf(JsonNode body) {
        JsonNode mode = body.get("mode");
        return mode == null || mode.isNull() ? null : mode.asText();
    }

    private ObjectNode level(String level) {
        return Json.object().put("compatibilityLevel", level);
    }

    private ObjectNode updated(String level) {
        return Json.object().put("compatibility", level);
    }

    private ObjectNode mode(String mode) {
        return Json.object().put("mode", mode);
    }
}
