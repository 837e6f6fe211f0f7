package io.meshbone.platform.contract;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when descriptors are not valid contracts; carries every problem found, not just the first. */
public final class ContractException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    public ContractException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ContractException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** Every problem, in the order found. */
    public List<Problem> problems() {
        return problems;
    }
}
