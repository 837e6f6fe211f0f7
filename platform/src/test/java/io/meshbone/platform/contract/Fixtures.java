package io.meshbone.platform.contract;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** The valid descriptors under src/test/resources/contracts/valid. */
final class Fixtures {

    private Fixtures() {
    }

    static Path valid() {
        try {
            return Path.of(Objects.requireNonNull(Fixtures.class.getResource("/contracts/valid")).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<DataProduct> validProducts() {
        LintReport report = ProductDescriptors.lint(List.of(valid()), Set.of());
        if (!report.clean()) {
            throw new IllegalStateException("fixtures do not lint clean: " + report.problems());
        }
        return report.products();
    }
}
