package io.meshbone.platform.contract;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** Random YAML text for the descriptor fuzzing: scalars of every kind, flow and block nodes, anchors, aliases, tags. */
final class YamlDocuments {

    private static final List<String> KEYS = List.of("apiVersion", "kind", "metadata", "spec", "name", "domain", "owner",
            "description", "tags", "version", "type", "key", "value", "field", "schema", "compatibility", "classification",
            "partitions", "retention", "inputs", "quality", "rule", "onFailure", "slo", "freshness", "consumers", "<<");

    private YamlDocuments() {
    }

    static Arbitrary<String> scalars() {
        return Arbitraries.oneOf(
                Arbitraries.of("meshbone/v1", "DataProduct", "payment-settled", "payments", "1.0.0", "2.0.0", "event", "entity",
                        "internal", "restricted", "BACKWARD", "NONE", "30d", "1ms", "payment-settled.avsc", "../etc/passwd",
                        "value.amount > 0", "dlq", "warn", "null", "~", "true", "no", "0x1F", "0o17", "1e400", "-0", ".nan",
                        "-.inf", "99999999999999999999999", "2001-12-14t21:59:43.10-05:00", "''", "\"\\u0000\"", "\"\\x85\"",
                        "!!java.lang.Object {}", "!!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://x\"]]]]",
                        "!!binary aGVsbG8=", "!!int \"abc\"", "!!float x", "!!timestamp nope", "!!set {a, b}", "!!omap [a: 1]",
                        "!custom thing", "!<tag:yaml.org,2002:str> 5", "|\n  block\n  text", ">-\n  folded"),
                Arbitraries.strings().alpha().numeric().ofMaxLength(12),
                Arbitraries.integers().map(String::valueOf),
                Arbitraries.doubles().map(String::valueOf),
                Arbitraries.strings().ofMaxLength(20).map(s -> "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\""),
                Arbitraries.integers().between(10_000, 400_000).map(n -> "x".repeat(n)));
    }

    /** A node in flow style, up to a few levels deep, sometimes anchored, aliased or tagged. */
    static Arbitrary<String> nodes() {
        return Arbitraries.recursive(YamlDocuments::scalars, YamlDocuments::nest, 0, 4);
    }

    private static Arbitrary<String> nest(Arbitrary<String> inner) {
        Arbitrary<String> list = inner.list().ofMaxSize(4).map(items -> "[" + String.join(", ", items) + "]");
        Arbitrary<String> map = Combinators.combine(Arbitraries.of(KEYS), inner).as((k, v) -> k + ": " + v)
                .list().ofMaxSize(4).map(entries -> "{" + String.join(", ", entries) + "}");
        Arbitrary<String> anchored = Combinators.combine(Arbitraries.of("a", "b"), Arbitraries.oneOf(list, map))
                .as((anchor, node) -> "&" + anchor + " " + node);
        Arbitrary<String> tagged = Combinators.combine(Arbitraries.of("!!map", "!!seq", "!!str", "!!java.util.HashMap", "!x"),
                Arbitraries.oneOf(list, map)).as((tag, node) -> tag + " " + node);
        return Arbitraries.frequencyOf(Tuple.of(4, list), Tuple.of(4, map), Tuple.of(1, anchored), Tuple.of(1, tagged),
                Tuple.of(1, Arbitraries.of("*a", "*b", "*nowhere")));
    }

    /** Whole documents: a block mapping of descriptor keys to random nodes, a bare node, deep nesting, or several documents. */
    static Arbitrary<String> documents() {
        Arbitrary<String> block = Combinators.combine(Arbitraries.of(KEYS), nodes()).as((k, v) -> k + ": " + v)
                .list().ofMaxSize(6).map(entries -> String.join("\n", entries) + "\n");
        Arbitrary<String> nestedBlock = Arbitraries.integers().between(1, 3000).map(YamlDocuments::blockNesting);
        Arbitrary<String> deepFlow = Arbitraries.integers().between(1, 5000).map(n -> "[".repeat(n) + "]".repeat(n));
        Arbitrary<String> several = nodes().list().ofMinSize(2).ofMaxSize(3).map(docs -> "---\n" + String.join("\n---\n", docs));
        return Arbitraries.frequencyOf(Tuple.of(6, block), Tuple.of(2, nodes()), Tuple.of(1, nestedBlock),
                Tuple.of(1, deepFlow), Tuple.of(1, several));
    }

    private static String blockNesting(int depth) {
        StringBuilder yaml = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            yaml.append(" ".repeat(i)).append("spec:\n");
        }
        return yaml.append(" ".repeat(depth)).append("x: 1\n").toString();
    }
}
