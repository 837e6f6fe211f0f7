package io.meshbone.cli.check;

import java.io.PrintWriter;

import io.meshbone.governance.ContractReview;
import io.meshbone.platform.contract.DataProduct;

/** Prints what the gate would decide on one descriptor as {@code product apply} prints a decision; check and plan share it. */
public final class DecisionLines {

    private DecisionLines() {
    }

    /**
     * {@code <product> <version> ACCEPTED|ACCEPTED (unchanged)|REJECTED}, every reason and warning indented two spaces,
     * and, for a new major, who it leaves behind.
     */
    public static void print(PrintWriter out, Reviewed reviewed, Baseline baseline) {
        if (reviewed.review().isEmpty()) {
            out.printf("%s REJECTED (not sent)%n", reviewed.file());
            reviewed.notSent().forEach(problem -> out.println("  " + problem));
            return;
        }
        ContractReview.Result review = reviewed.review().get();
        String name = review.product().map(DataProduct::name).orElse(reviewed.file());
        String version = review.product().map(p -> " " + p.spec().version()).orElse("");
        String outcome = review.acceptable() ? "ACCEPTED" + (review.unchanged() ? " (unchanged)" : "") : "REJECTED";
        out.printf("%s%s %s%n", name, version, outcome);
        review.reasons().forEach(reason -> out.println("  " + reason));
        reviewed.warnings().forEach(warning -> out.println("  warning: " + warning));
        review.product().flatMap(p -> LeftBehind.line(p, review.previous(), baseline)).ifPresent(line -> out.println("  " + line));
    }
}
