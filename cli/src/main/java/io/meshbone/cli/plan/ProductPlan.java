package io.meshbone.cli.plan;

import java.util.List;
import java.util.Optional;

/**
 * What applying one descriptor would change.
 *
 * @param product       the product name, or the descriptor's path when it does not parse
 * @param action        list it, change it, leave it, or nothing (rejected)
 * @param listedVersion the version listed now, if any
 * @param changes       topics, subjects and ACLs, created, altered or unchanged; empty when rejected
 * @param consumers     who reads it
 */
public record ProductPlan(String product, Action action, Optional<String> listedVersion, List<Change> changes,
                          Consumers consumers) {

    public ProductPlan {
        changes = List.copyOf(changes);
    }

    /** What applying does to the product's listing. */
    public enum Action {
        LIST, CHANGE, UNCHANGED, REJECTED
    }

    /** How many changes of this resource and kind. */
    public long count(Change.Resource resource, Change.Kind kind) {
        return changes.stream().filter(c -> c.resource() == resource && c.kind() == kind).count();
    }

    /**
     * Who a change to the product affects.
     *
     * @param declared   the contract's {@code consumers:}
     * @param downstream listed products whose {@code inputs} name it
     * @param live       live consumer groups reading it, as the catalog shows them ({@code group (lag n)})
     */
    public record Consumers(List<String> declared, List<String> downstream, List<String> live) {

        public static final Consumers NONE = new Consumers(List.of(), List.of(), List.of());

        public Consumers {
            declared = List.copyOf(declared);
            downstream = List.copyOf(downstream);
            live = List.copyOf(live);
        }
    }
}
