package io.meshbone.governance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.meshbone.platform.contract.Compatibility;
import io.meshbone.platform.contract.DataProduct;
import io.meshbone.platform.contract.ParsedDescriptor;
import io.meshbone.platform.contract.ProductDescriptors;
import io.meshbone.platform.contract.SchemaFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Within a major, the promises consumers rely on only stay or get stricter (payments.payment-settled 1.0.0 as listed). */
class VersionRulesTest {

    private static final Path FOLDER = (Files.isDirectory(Path.of("schemas")) ? Path.of("schemas") : Path.of("..", "schemas"))
            .resolve("payments");
    private static final String FILE = "payments/payment-settled.product.yaml";

    private static final DataProduct LISTED = product(yaml());

    @Test
    void refusesShorterRetentionWithinAMajorNamingWhatWasListed() {
        List<String> reasons = check(edit("version: 1.1.0", "retention: 1ms"));

        assertThat(reasons).containsExactly(FILE + ": spec.retention: 1ms is shorter than the listed 1.0.0's 30d;"
                + " shrinking retention needs a new major version (2.0.0)");
    }

    @Test
    void acceptsLongerRetentionAndAnyRetentionInANewMajor() {
        assertThat(check(edit("version: 1.1.0", "retention: 60d"))).isEmpty();
        assertThat(check(edit("version: 2.0.0", "retention: 1ms"))).isEmpty();
    }

    @Test
    void takesAnAbsentRetentionAsKafkasSevenDayDefault() {
        assertThat(check(edit("version: 1.1.0", null))).singleElement().asString()
                .contains("spec.retention: broker default (taken as Kafka's 7d) is shorter than the listed 1.0.0's 30d");
        DataProduct withoutRetention = product(edit("version: 1.0.0", null));
        assertThat(VersionRules.check(FILE, withoutRetention, product(edit("version: 1.0.1", "retention: 7d")))).isEmpty();
        assertThat(VersionRules.check(FILE, withoutRetention, product(edit("version: 1.0.1", "retention: 6d"))))
                .singleElement().asString()
                .contains("spec.retention: 6d is shorter than the listed 1.0.0's broker default (taken as Kafka's 7d)");
    }

    @Test
    void refusesAWeakerCompatibilityLevelWithinAMajor() {
        List<String> reasons = check(edit("version: 1.2.0", "retention: 30d").replace("BACKWARD_TRANSITIVE", "NONE"));

        assertThat(reasons).containsExactly(FILE + ": spec.compatibility: NONE is weaker than the listed 1.0.0's"
                + " BACKWARD_TRANSITIVE (expected BACKWARD_TRANSITIVE or stricter); weakening compatibility needs a new"
                + " major version (2.0.0)");
    }

    @Test
    void reportsEveryWeakenedPromiseAtOnce() {
        List<String> reasons = check(edit("version: 1.2.0", "retention: 1ms").replace("BACKWARD_TRANSITIVE", "NONE")
                .replace("partitions: 6", "partitions: 3"));

        assertThat(reasons).hasSize(3)
                .anySatisfy(r -> assertThat(r).contains("spec.partitions"))
                .anySatisfy(r -> assertThat(r).contains("spec.compatibility"))
                .anySatisfy(r -> assertThat(r).contains("spec.retention"));
    }

    @Test
    void acceptsAStricterCompatibilityLevel() {
        assertThat(check(edit("version: 1.1.0", "retention: 30d").replace("BACKWARD_TRANSITIVE", "FULL_TRANSITIVE"))).isEmpty();
    }

    @ParameterizedTest(name = "{1} after {0}: {2}")
    @CsvSource({
            "NONE, BACKWARD, true", "NONE, NONE, true", "BACKWARD, NONE, false",
            "BACKWARD, BACKWARD_TRANSITIVE, true", "BACKWARD_TRANSITIVE, BACKWARD, false",
            "BACKWARD, FULL, true", "FORWARD, FULL, true", "FULL, BACKWARD, false", "FULL, FORWARD, false",
            "BACKWARD, FORWARD, false", "FORWARD, BACKWARD, false", "FORWARD_TRANSITIVE, FORWARD, false",
            "FULL, FULL_TRANSITIVE, true", "FULL_TRANSITIVE, FULL, false", "BACKWARD_TRANSITIVE, FULL, false",
            "BACKWARD_TRANSITIVE, FULL_TRANSITIVE, true", "FORWARD_TRANSITIVE, FULL_TRANSITIVE, true",
            "FULL_TRANSITIVE, BACKWARD_TRANSITIVE, false", "FULL_TRANSITIVE, NONE, false", "BACKWARD, FORWARD_TRANSITIVE, false"})
    void ordersCompatibilityLevelsByWhatTheyPromise(Compatibility was, Compatibility now, boolean keeps) {
        assertThat(VersionRules.keepsPromiseOf(now, was)).isEqualTo(keeps);
    }

    private static List<String> check(String requestedYaml) {
        return VersionRules.check(FILE, LISTED, product(requestedYaml));
    }

    /** The listed descriptor with another version and retention ({@code null}: no retention line). */
    private static String edit(String version, String retention) {
        return yaml().replace("version: 1.0.0", version)
                .replace("  retention: 30d\n", retention == null ? "" : "  " + retention + "\n");
    }

    private static DataProduct product(String yaml) {
        ParsedDescriptor parsed = ProductDescriptors.parse(FILE, yaml, SchemaFiles.directory(FOLDER));
        assertThat(parsed.problems()).isEmpty();
        return parsed.product().orElseThrow();
    }

    private static String yaml() {
        try {
            return Files.readString(FOLDER.resolve("payment-settled.product.yaml"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
