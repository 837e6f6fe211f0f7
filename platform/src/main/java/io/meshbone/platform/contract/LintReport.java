package io.meshbone.platform.contract;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of validating a set of descriptors together, cross-references included.
 *
 * @param descriptors every descriptor read, in file order
 * @param problems    every problem, grouped by file in file order
 */
public record LintReport(List<ParsedDescriptor> descriptors, List<Problem> problems) {

    public LintReport {
        descriptors = List.copyOf(descriptors);
        problems = List.copyOf(problems);
    }

    /** Whether every descriptor is valid. */
    public boolean clean() {
        return problems.isEmpty();
    }

    /** The valid products (all of them when the report is clean). */
    public List<DataProduct> products() {
        return descriptors.stream().map(ParsedDescriptor::product).flatMap(Optional::stream).toList();
    }

    /** The number of files with at least one problem. */
    public long filesWithProblems() {
        return problems.stream().map(Problem::file).distinct().count();
    }
}
