package io.meshbone.registry;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** Random JSON for the registry fuzzing: any value, and request objects whose known fields hold any type. */
final class FuzzJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> FIELDS = List.of("schema", "schemaType", "references", "metadata", "ruleSet", "id",
            "version", "compatibility", "compatibilityLevel", "mode", "name", "subject", "normalize");
    private static final String AVRO = "{\"type\":\"record\",\"name\":\"Known\",\"namespace\":\"io.meshbone.test\","
            + "\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}";

    private FuzzJson() {
    }

    static Arbitrary<JsonNode> scalars() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(30).map(NODES::textNode),
                Arbitraries.of("AVRO", "JSON", "PROTOBUF", "BACKWARD", "NONE", "FULL_TRANSITIVE", "READONLY", "READWRITE",
                        "IMPORT", "READONLY_OVERRIDE", "latest", AVRO, "\"string\"", "[\"null\",\"int\"]", "{\"type\":\"record\"}")
                        .map(NODES::textNode),
                Arbitraries.integers().map(NODES::numberNode),
                Arbitraries.longs().map(NODES::numberNode),
                Arbitraries.of(0, 1, -1, Integer.MAX_VALUE, Integer.MIN_VALUE).map(NODES::numberNode),
                Arbitraries.doubles().map(NODES::numberNode),
                Arbitraries.bigIntegers().between(java.math.BigInteger.TEN.pow(30).negate(), java.math.BigInteger.TEN.pow(30)).map(NODES::numberNode),
                Arbitraries.of(true, false).map(NODES::booleanNode),
                Arbitraries.just(NODES.nullNode()));
    }

    /** Any JSON value, nested up to four levels. */
    static Arbitrary<JsonNode> values() {
        return Arbitraries.recursive(FuzzJson::scalars, inner -> Arbitraries.oneOf(
                inner.list().ofMaxSize(4).map(items -> NODES.arrayNode().addAll(items)),
                Combinators.combine(Arbitraries.of(FIELDS).injectNull(0.0), inner).as(Tuple::of).list().ofMaxSize(4)
                        .map(entries -> {
                            ObjectNode object = NODES.objectNode();
                            entries.forEach(e -> object.set(e.get1(), e.get2()));
                            return object;
                        })), 0, 4);
    }

    /** Request bodies as text: objects with any subset of the known fields holding any value, or any JSON value. */
    static Arbitrary<String> registryBodies() {
        Arbitrary<JsonNode> request = Combinators.combine(Arbitraries.of(FIELDS), values()).as(Tuple::of)
                .list().ofMaxSize(5).map(entries -> {
                    ObjectNode object = NODES.objectNode();
                    entries.forEach(e -> object.set(e.get1(), e.get2()));
                    return object;
                });
        return Arbitraries.frequencyOf(Tuple.of(5, request), Tuple.of(2, values())).map(JsonNode::toString);
    }

    static Arbitrary<String> queryValues() {
        return Arbitraries.oneOf(Arbitraries.of("true", "false", "TRUE", "", "-1", "0", "1", "99999999999", "abc", "1.5"),
                Arbitraries.strings().ofMaxLength(20));
    }

    static Arbitrary<String> contentTypes() {
        return Arbitraries.oneOf(Arbitraries.of("application/vnd.schemaregistry.v1+json", "application/vnd.schemaregistry+json",
                        "application/json", "application/octet-stream", "text/plain", "application/xml", "multipart/form-data",
                        "application/json; charset=utf-16", "application/json; charset=nonsense", "*/*", ";;;", "x"),
                Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(30));
    }
}
