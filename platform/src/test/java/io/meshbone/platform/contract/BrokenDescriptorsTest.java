package io.meshbone.platform.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each folder under contracts/broken holds descriptors and the exact problem lines they must produce. */
class BrokenDescriptorsTest {

    static Path corpus() throws URISyntaxException {
        return Path.of(Objects.requireNonNull(BrokenDescriptorsTest.class.getResource("/contracts/broken")).toURI());
    }

    static Stream<String> cases() throws IOException, URISyntaxException {
        try (Stream<Path> folders = Files.list(corpus())) {
            return folders.filter(Files::isDirectory).map(f -> f.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsExactlyTheExpectedProblems(String name) throws Exception {
        Path folder = corpus().resolve(name);
        List<String> expected = Files.readAllLines(folder.resolve("expected.txt"), StandardCharsets.UTF_8);

        LintReport report = ProductDescriptors.lint(List.of(folder), Set.of());

        assertThat(report.problems()).extracting(Problem::toString).containsExactlyElementsOf(expected);
        assertThat(report.clean()).isFalse();
        for (ParsedDescriptor descriptor : report.descriptors()) {
            assertThat(descriptor.product().isPresent()).as(descriptor.file()).isEqualTo(descriptor.problems().isEmpty());
        }
    }

    @Test
    void theCorpusHasAtLeastTwentyFiveCasesEachWithExpectedLines() throws Exception {
        List<String> names = cases().toList();

        assertThat(names).hasSizeGreaterThanOrEqualTo(25);
        for (String name : names) {
            assertThat(Files.readAllLines(corpus().resolve(name).resolve("expected.txt"))).as(name).isNotEmpty();
        }
    }
}
