package io.meshbone.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** Random JSON for the catalog fuzzing: any value, and apply bodies whose fields hold any type or a hostile descriptor. */
final class CatalogFuzzJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> FIELDS = List.of("descriptor", "files", "principal", "descriptorPath", "name", "x");

    private CatalogFuzzJson() {
    }

    static Arbitrary<JsonNode> values() {
        Arbitrary<JsonNode> scalars = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(30).map(NODES::textNode),
                Arbitraries.integers().map(NODES::numberNode),
                Arbitraries.doubles().map(NODES::numberNode),
                Arbitraries.of(true, false).map(NODES::booleanNode),
                Arbitraries.just(NODES.nullNode()));
        return Arbitraries.recursive(() -> scalars, inner -> Arbitraries.oneOf(
                inner.list().ofMaxSize(4).map(items -> NODES.arrayNode().addAll(items)),
                Combinators.combine(Arbitraries.of(FIELDS), inner).as(Tuple::of).list().ofMaxSize(4).map(entries -> {
                    ObjectNode object = NODES.objectNode();
                    entries.forEach(e -> object.set(e.get1(), e.get2()));
                    return object;
                })), 0, 3);
    }

    /** {@code POST /api/products} bodies: mostly objects with a textual descriptor (valid, mutated or random), else anything. */
    static Arbitrary<String> applyBodies(Path descriptor) {
        String valid = read(descriptor);
        String avsc = read(descriptor.resolveSibling("payment-settled.avsc"));
        Arbitrary<JsonNode> descriptorText = Arbitraries.oneOf(
                Arbitraries.just(valid),
                Combinators.combine(Arbitraries.of("1.0.0", "payment-settled", "event", "internal", "30d", "payments", "orderId"),
                        Arbitraries.of("2.0.0", "0.0.1", "x", "entity", "public", "1ms", "payments.x", "../..", "", "{", "[]"))
                        .as(valid::replace),
                Arbitraries.strings().ofMaxLength(200)).map(NODES::textNode);
        Arbitrary<JsonNode> files = Arbitraries.oneOf(
                Arbitraries.just(NODES.objectNode().put("payment-settled.avsc", avsc)),
                Arbitraries.of("payment-settled.avsc", "../payment-settled.avsc", "/etc/passwd", "x.avsc")
                        .map(name -> NODES.objectNode().put(name, avsc)),
                values());
        Arbitrary<JsonNode> principal = Arbitraries.oneOf(Arbitraries.of("User:fuzz-owner", "User:intruder", "", "User:")
                .map(NODES::textNode), values());
        Arbitrary<JsonNode> request = Combinators.combine(descriptorText, files, principal, values().injectNull(0.5))
                .as((d, f, p, path) -> {
                    ObjectNode body = NODES.objectNode();
                    body.set("descriptor", d);
                    body.set("files", f);
                    body.set("principal", p);
                    if (path != null) {
                        body.set("descriptorPath", path);
                    }
                    return body;
                });
        return Arbitraries.frequencyOf(Tuple.of(3, request.map(JsonNode::toString)), Tuple.of(2, values().map(JsonNode::toString)),
                Tuple.of(1, Arbitraries.strings().ofMaxLength(50)));
    }

    static Arbitrary<String> queryValues() {
        return Arbitraries.oneOf(Arbitraries.of("", "0", "1", "100", "101", "-1", "99999999999", "1.5", "secret", "PUBLIC",
                "payments", "finance"), Arbitraries.strings().ofMaxLength(30));
    }

    static Arbitrary<String> contentTypes() {
        return Arbitraries.oneOf(Arbitraries.of("application/json", "text/plain", "application/octet-stream", "application/xml",
                "application/json; charset=utf-16", "x"), Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(30));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
