package io.meshbone.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import io.meshbone.platform.contract.LintReport;
import io.meshbone.platform.contract.ProductDescriptors;
import io.meshbone.platform.contract.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code meshbone product lint}: validates descriptors offline and prints one line per problem. */
@Command(name = "lint", mixinStandardHelpOptions = true,
        description = {"Validate descriptors offline: syntax, names, schemas, quality rules and the inputs between them.",
                "Prints one line per problem as <file>: <field>: <message>, then a summary.",
                "Exit code 0 when every descriptor is valid, 1 when any is not."})
final class ProductLintCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "DIR|FILE",
            description = "Descriptors, or folders searched for *.product.yaml (skipping target/ and hidden folders). Default: the current folder.")
    List<Path> paths = List.of();

    @Override
    public Integer call() {
        List<Path> targets = paths.isEmpty() ? List.of(Path.of(".")) : paths;
        LintReport report = ProductDescriptors.lint(targets, Set.of());
        PrintWriter out = spec.commandLine().getOut();
        for (Problem problem : report.problems()) {
            out.println(problem);
        }
        int descriptors = report.descriptors().size();
        if (report.clean()) {
            out.printf("%d %s checked, no problems%n", descriptors, plural(descriptors, "descriptor"));
        } else {
            out.printf("%d %s in %d of %d %s%n", report.problems().size(), plural(report.problems().size(), "problem"),
                    report.filesWithProblems(), descriptors, plural(descriptors, "descriptor"));
        }
        out.flush();
        return report.clean() ? 0 : 1;
    }

    private static String plural(long count, String word) {
        return count == 1 ? word : word + "s";
    }
}
