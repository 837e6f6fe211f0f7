package io.meshbone.platform.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Arbitrary YAML into what {@code meshbone product lint} and the contract gate run: random documents (scalars, maps,
 * lists, anchors, aliases, tags, deep nesting, long strings), random text, and line-level mutations of a valid
 * descriptor. Nothing may throw; every outcome is a product or problems that each name a field.
 */
class HostileDescriptorsPropertyTest {

    private static final Path PAYMENTS = Path.of("..", "schemas", "payments");
    private static final String VALID = read(PAYMENTS.resolve("payment-settled.product.yaml"));
    private static final SchemaFiles FILES = SchemaFiles.of(Map.of("payment-settled.avsc", read(PAYMENTS.resolve("payment-settled.avsc"))));

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Property(tries = 1000)
    void noYamlMakesLintThrowAndEveryProblemNamesAField(@ForAll("hostileYaml") String yaml) {
        ParsedDescriptor parsed = ProductDescriptors.parse("fuzz.product.yaml", yaml, FILES);
        assertNamesEveryProblem(parsed);
        LintReport report = ProductDescriptors.validate(
                List.of(new ProductDescriptors.Source("fuzz.product.yaml", yaml, FILES)), Set.of("orders.order-placed"));
        report.problems().forEach(HostileDescriptorsPropertyTest::assertNamesAField);
        Statistics.label("outcome").collect(parsed.valid() ? "valid" : "problems");
    }

    @Example
    void billionLaughsAliasBombIsRefusedQuickly() {
        StringBuilder yaml = new StringBuilder("a0: &a0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n");
        for (int i = 1; i <= 9; i++) {
            yaml.append("a").append(i).append(": &a").append(i).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(9, "*a" + (i - 1)))).append("]\n");
        }
        String bomb = "apiVersion: meshbone/v1\nkind: DataProduct\nmetadata: *a9\n" + yaml;
        long started = System.nanoTime();
        ParsedDescriptor parsed = ProductDescriptors.parse("bomb.product.yaml", yaml + "spec: *a9\n", FILES);
        ParsedDescriptor parsedBomb = ProductDescriptors.parse("bomb.product.yaml", bomb, FILES);
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).isLessThan(java.time.Duration.ofSeconds(5));
        assertThat(parsed.valid()).isFalse();
        assertThat(parsedBomb.valid()).isFalse();
        assertNamesEveryProblem(parsed);
        assertNamesEveryProblem(parsedBomb);
        // Jackson's YAML parser reads an alias as its anchor's name and never expands it, so nothing multiplies.
        assertThat(parsedBomb.problems()).extracting(Problem::toString)
                .contains("bomb.product.yaml: metadata: expected a mapping with name, domain, owner, description, got 'a9'");
    }

    @Example
    void anEmptyKeyIsNamedQuoted() {
        ParsedDescriptor parsed = ProductDescriptors.parse("empty-key.product.yaml", "\"\": 1\n" + VALID, FILES);
        assertNamesEveryProblem(parsed);
        assertThat(parsed.problems()).extracting(Problem::toString)
                .anyMatch(p -> p.startsWith("empty-key.product.yaml: '': unknown field ''"));
    }

    @Example
    void aDocumentOverTheCodePointLimitIsAProblemNotAnException() {
        String huge = VALID.replace("description: Payments", "description: " + "x".repeat(4 << 20) + " Payments");
        ParsedDescriptor parsed = ProductDescriptors.parse("huge.product.yaml", huge, FILES);
        assertNamesEveryProblem(parsed);
        assertThat(parsed.problems()).singleElement().extracting(Problem::toString).asString()
                .contains("(file): not valid YAML").contains("exceeds the limit: 3145728 code points");
    }

    private static void assertNamesEveryProblem(ParsedDescriptor parsed) {
        assertThat(parsed.product().isPresent()).isEqualTo(parsed.problems().isEmpty());
        parsed.problems().forEach(HostileDescriptorsPropertyTest::assertNamesAField);
    }

    private static void assertNamesAField(Problem problem) {
        assertThat(problem.path()).as(problem.toString()).isNotBlank();
        assertThat(problem.message()).as(problem.toString()).isNotBlank();
    }

    @Provide
    Arbitrary<String> hostileYaml() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, mutatedDescriptor()),
                net.jqwik.api.Tuple.of(3, YamlDocuments.documents()),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().ofMaxLength(300)),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().withChars("{}[]:-,&*!|>'\"#%@`? \n\t").ofMaxLength(200)));
    }

    /** The valid payments descriptor with lines dropped, duplicated, retyped or replaced by random YAML. */
    private static Arbitrary<String> mutatedDescriptor() {
        List<String> lines = VALID.lines().toList();
        Arbitrary<Mutation> mutation = Combinators.combine(
                Arbitraries.of(MutationKind.values()), Arbitraries.integers().between(0, lines.size() - 1),
                YamlDocuments.scalars()).as(Mutation::new);
        return mutation.list().ofMinSize(1).ofMaxSize(4).map(ms -> {
            List<String> mutated = new ArrayList<>(lines);
            for (Mutation m : ms) {
                m.applyTo(mutated);
            }
            return String.join("\n", mutated) + "\n";
        });
    }

    private enum MutationKind { DROP, DUPLICATE, RETYPE, REPLACE_WITH_NESTED, INDENT }

    private record Mutation(MutationKind kind, int line, String scalar) {

        void applyTo(List<String> lines) {
            if (lines.isEmpty()) {
                return;
            }
            int at = Math.min(line, lines.size() - 1);
            String text = lines.get(at);
            int colon = text.indexOf(':');
            switch (kind) {
                case DROP -> lines.remove(at);
                case DUPLICATE -> lines.add(at, text);
                case RETYPE -> lines.set(at, colon < 0 ? text + " " + scalar : text.substring(0, colon + 1) + " " + scalar);
                case REPLACE_WITH_NESTED -> lines.set(at, colon < 0 ? "- [" + scalar + "]"
                        : text.substring(0, colon + 1) + " {a: [" + scalar + ", {b: " + scalar + "}]}");
                case INDENT -> lines.set(at, "   " + text);
            }
        }
    }
}
