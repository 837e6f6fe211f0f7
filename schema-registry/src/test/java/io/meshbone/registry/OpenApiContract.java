package io.meshbone.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * Confluent's OpenAPI description of the registry, and validation of real answers against the
 * response schemas it declares (with the networknt JSON Schema validator).
 */
final class OpenApiContract {

    private static final String MEDIA_TYPE = "application/vnd.schemaregistry.v1+json";
    private final JsonNode spec;
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);

    OpenApiContract() {
        try (InputStream in = OpenApiContract.class.getResourceAsStream("/confluent-schema-registry-openapi.yaml")) {
            spec = new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The response schema the spec declares for this operation and status, or null when it declares none. */
    JsonNode responseSchema(String method, String template, int status) {
        JsonNode operation = spec.path("paths").path(template).path(method.toLowerCase());
        if (operation.isMissingNode()) {
            throw new IllegalArgumentException("The OpenAPI file has no " + method + " " + template);
        }
        JsonNode responses = operation.path("responses");
        JsonNode response = responses.has(Integer.toString(status)) ? responses.get(Integer.toString(status)) : responses.get("default");
        if (response == null) {
            return null;
        }
        return response.path("content").path(MEDIA_TYPE).path("schema").isMissingNode()
                ? null : response.path("content").path(MEDIA_TYPE).path("schema");
    }

    boolean declaresStatus(String method, String template, int status) {
        JsonNode responses = spec.path("paths").path(template).path(method.toLowerCase()).path("responses");
        return responses.has(Integer.toString(status)) || responses.has("default");
    }

    /** Validates a JSON answer against a schema node of the spec, resolving its {@code #/components} references. */
    Set<ValidationMessage> validate(JsonNode schema, JsonNode answer) {
        ObjectNode root = schema.deepCopy();
        root.set("components", spec.get("components"));
        JsonSchema validator = factory.getSchema(root);
        return validator.validate(answer);
    }

    JsonNode component(String name) {
        return spec.path("components").path("schemas").path(name);
    }

    JsonNode errorSchema() {
        return spec.path("components").path("schemas").path("ErrorMessage");
    }
}
