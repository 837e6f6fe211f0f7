package io.meshbone.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;

/**
 * The Strimzi CRDs in {@code deploy/kubernetes/crds/}, each {@code openAPIV3Schema} turned into a JSON Schema (draft 4)
 * that validates a resource as {@code kubectl apply} with strict field validation would, CEL rules aside.
 *
 * <p>The conversion: {@code x-kubernetes-int-or-string} becomes integer-or-string, {@code nullable} adds {@code null}
 * to the type, and an object with declared properties rejects others unless {@code x-kubernetes-preserve-unknown-fields}
 * says it keeps them (the API server would prune or, with strict validation, refuse them); descriptions, formats,
 * examples and {@code x-kubernetes-validations} (CEL, not checked here) are dropped.
 */
final class CrdSchemas {

    static final Path CRDS = Path.of("../deploy/kubernetes/crds");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> DROPPED = Set.of("description", "format", "example", "nullable",
            "x-kubernetes-validations", "x-kubernetes-preserve-unknown-fields", "x-kubernetes-int-or-string");

    private final Map<String, JsonSchema> byKind = new HashMap<>();
    private final Map<String, String> apiVersions = new HashMap<>();

    CrdSchemas() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
        try (Stream<Path> files = Files.list(CRDS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                JsonNode crd = YAML.readTree(file.toFile());
                String kind = crd.path("spec").path("names").path("kind").asText();
                for (JsonNode version : crd.path("spec").path("versions")) {
                    if (version.path("served").asBoolean()) {
                        apiVersions.put(kind, crd.path("spec").path("group").asText() + "/" + version.path("name").asText());
                        byKind.put(kind, factory.getSchema(jsonSchema(version.path("schema").path("openAPIV3Schema"))));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every problem with the resource, empty when the CRD of its kind accepts it. */
    List<String> problems(JsonNode resource) {
        String kind = resource.path("kind").asText();
        JsonSchema schema = byKind.get(kind);
        if (schema == null) {
            return List.of("kind " + kind + ": no CRD in " + CRDS + " (expected one of " + byKind.keySet() + ")");
        }
        if (!apiVersions.get(kind).equals(resource.path("apiVersion").asText())) {
            return List.of("apiVersion " + resource.path("apiVersion").asText() + ": the CRD serves " + apiVersions.get(kind));
        }
        return schema.validate(resource).stream().map(Object::toString).sorted().toList();
    }

    /** Whether a CRD of this kind is here. */
    boolean knows(String kind) {
        return byKind.containsKey(kind);
    }

    /** The documents of a (multi-document) YAML file. */
    static List<JsonNode> documents(Path file) {
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
            return documents.readAll().stream().filter(d -> !d.isNull() && !d.isMissingNode()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    static JsonNode jsonSchema(JsonNode openApi) {
        if (openApi.isArray()) {
            ArrayNode converted = JsonNodeFactory.instance.arrayNode();
            openApi.forEach(item -> converted.add(jsonSchema(item)));
            return converted;
        }
        if (!openApi.isObject()) {
            return openApi;
        }
        ObjectNode converted = JsonNodeFactory.instance.objectNode();
        openApi.fields().forEachRemaining(field -> {
            String key = field.getKey();
            if (DROPPED.contains(key)) {
                return;
            }
            switch (key) {
                case "properties" -> {
                    ObjectNode properties = converted.putObject("properties");
                    field.getValue().fields().forEachRemaining(p -> properties.set(p.getKey(), jsonSchema(p.getValue())));
                }
                case "items", "additionalProperties", "not", "oneOf", "anyOf", "allOf" -> converted.set(key, jsonSchema(field.getValue()));
                default -> converted.set(key, field.getValue().deepCopy());
            }
        });
        if (openApi.path("x-kubernetes-int-or-string").asBoolean() && !converted.has("anyOf")) {
            converted.remove("type");
            converted.putArray("anyOf").add(type("integer")).add(type("string"));
        }
        if (openApi.path("nullable").asBoolean() && converted.has("type")) {
            converted.putArray("type").add(openApi.get("type").asText()).add("null");
        }
        boolean keepsUnknown = openApi.path("x-kubernetes-preserve-unknown-fields").asBoolean();
        if ("object".equals(openApi.path("type").asText()) && openApi.has("properties") && !keepsUnknown && !openApi.has("additionalProperties")) {
            converted.put("additionalProperties", false);
        }
        return converted;
    }

    private static ObjectNode type(String name) {
        return JsonNodeFactory.instance.objectNode().put("type", name);
    }
}
