package io.meshbone.connect;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A connector's name and settings, as in the JSON body of Connect's {@code POST /connectors}.
 *
 * @param name the connector name, unique in the Connect cluster
 * @param config the connector settings; always holds {@code name} too, as Connect requires
 */
public record ConnectorConfig(String name, Map<String, String> config) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public ConnectorConfig {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A connector config needs a name");
        }
        Map<String, String> copy = new LinkedHashMap<>(config);
        copy.put("name", name);
        config = Map.copyOf(copy);
    }

    /** Reads {@code {"name": ..., "config": {...}}}, or a flat settings object that holds {@code name}. */
    public static ConnectorConfig read(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read connector config " + file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /** A config shipped in this module's jar under {@code meshbone/connectors/}, e.g. {@code dashboard-sink.json}. */
    public static ConnectorConfig bundled(String fileName) {
        try (InputStream in = ConnectorConfig.class.getResourceAsStream("/meshbone/connectors/" + fileName)) {
            if (in == null) {
                throw new IllegalArgumentException("No bundled connector config " + fileName);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses the JSON text of a connector config. */
    public static ConnectorConfig parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("expected a JSON object with \"name\" and \"config\"");
        }
        JsonNode settings = root.has("config") ? root.get("config") : root;
        if (!settings.isObject()) {
            throw new IllegalArgumentException("\"config\" must be an object of settings");
        }
        Map<String, String> config = new LinkedHashMap<>();
        settings.fields().forEachRemaining(e -> config.put(e.getKey(),
                e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString()));
        String name = root.path("name").asText(config.get("name"));
        return new ConnectorConfig(name, config);
    }

    /** The same connector with some settings replaced or added. */
    public ConnectorConfig with(Map<String, String> changes) {
        Map<String, String> merged = new LinkedHashMap<>(config);
        merged.putAll(changes);
        return new ConnectorConfig(name, merged);
    }
}
