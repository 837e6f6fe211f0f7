package io.meshbone.catalog.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.meshbone.platform.control.Decision;
import io.meshbone.platform.control.ListedPolicy;
import io.meshbone.platform.policy.Policy;
import io.meshbone.platform.text.DidYouMean;

/** The policy set and each product's compliance with it, as the catalog answers them. */
final class PolicyViews {

    private static final Set<Decision.Outcome> COMPLIANCE = Set.of(Decision.Outcome.ACCEPTED, Decision.Outcome.NONCOMPLIANT,
            Decision.Outcome.COMPLIANT);

    private final CatalogState state;

    PolicyViews(CatalogState state) {
        this.state = state;
    }

    List<Map<String, Object>> all() {
        return state.policies().values().stream().map(PolicyViews::view).toList();
    }

    Map<String, Object> one(String name) {
        ListedPolicy listed = state.policies().get(name);
        if (listed == null) {
            List<String> closest = DidYouMean.closest(name, state.policies().keySet(), 3);
            throw new CatalogError(404, "No policy named '" + name + "'"
                    + (closest.isEmpty() ? "" : "; did you mean " + String.join(", ", closest) + "?"), Map.of("closest", closest));
        }
        Map<String, Object> m = view(listed);
        m.put("document", listed.document());
        return m;
    }

    /**
     * {@code {"status": "COMPLIANT"|"NONCOMPLIANT", "failing": [...], "since": …, "policies": [...in scope]}}: the newest of
     * the product's listing and the gate's compliance reports decides, since an accepted contract passed every policy.
     */
    Map<String, Object> compliance(String product, io.meshbone.platform.contract.DataProduct contract) {
        List<Decision> decisions = state.decisions(product).stream()
                .filter(d -> d.kind() == null && COMPLIANCE.contains(d.outcome()) && (d.outcome() != Decision.Outcome.ACCEPTED || d.changed()))
                .toList();
        Decision latest = decisions.isEmpty() ? null : decisions.get(decisions.size() - 1);
        boolean failing = latest != null && latest.outcome() == Decision.Outcome.NONCOMPLIANT;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", failing ? "NONCOMPLIANT" : "COMPLIANT");
        m.put("failing", failing ? latest.reasons() : List.of());
        m.put("warnings", latest != null && latest.outcome() == Decision.Outcome.ACCEPTED ? latest.warnings() : List.of());
        m.put("since", latest == null ? null : latest.decidedAt());
        m.put("policies", state.policies().values().stream().map(ListedPolicy::policy)
                .filter(p -> p.scope().covers(contract)).map(Policy::label).toList());
        return m;
    }

    private static Map<String, Object> view(ListedPolicy listed) {
        Policy p = listed.policy();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name());
        m.put("version", p.version());
        m.put("owner", p.owner());
        m.put("description", p.description());
        m.put("scope", p.scope());
        m.put("rule", p.rule());
        m.put("effect", p.effect().text());
        m.put("message", p.message());
        m.put("principal", listed.principal());
        m.put("changedAt", listed.changedAt());
        return m;
    }
}
