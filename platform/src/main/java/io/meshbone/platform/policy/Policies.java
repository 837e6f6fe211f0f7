package io.meshbone.platform.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.cel.runtime.CelEvaluationException;
import io.meshbone.platform.contract.DataProduct;
import io.meshbone.platform.policy.internal.ContractFacts;
import io.meshbone.platform.policy.internal.PolicyParser;
import io.meshbone.platform.policy.internal.PolicyRules;

/**
 * Reading and evaluating governance policies: the one place the contract gate, {@code product check} and tests share.
 */
public final class Policies {

    /** The policy document's {@code kind}. */
    public static final String KIND = "Policy";
    /** The owner of a mesh-wide policy. */
    public static final String MESH = "mesh";
    /** The principal of the federation's governance group: the only one that may apply mesh-wide policies. */
    public static final String GOVERNANCE_PRINCIPAL = "User:governance";
    /** Where the default policy set is on the classpath, with an {@code index} file listing it. */
    public static final String DEFAULTS = "meshbone/policies/";

    private Policies() {
    }

    /** Parses one policy document; the policy comes back as version 0, the gate assigns versions. */
    public static ParsedPolicy parse(String file, String yaml) {
        return PolicyParser.parse(file, yaml);
    }

    /** Whether {@code product} is in the policy's scope. */
    public static boolean inScope(Policy policy, DataProduct product) {
        return policy.scope().covers(product);
    }

    /**
     * Every policy in scope that {@code product} fails, in the order given: a rule that is false, or that cannot be
     * evaluated on this contract (say it reads a field the contract leaves out without testing {@code has(...)}).
     *
     * @param previous the listed version the product would replace, if any
     */
    public static List<PolicyViolation> evaluate(List<Policy> policies, DataProduct product, Optional<DataProduct> previous,
                                                 ClusterFacts cluster) {
        var variables = ContractFacts.variables(product, previous.orElse(null), cluster);
        List<PolicyViolation> violations = new ArrayList<>();
        for (Policy policy : policies) {
            if (!inScope(policy, product)) {
                continue;
            }
            try {
                if (!PolicyRules.holds(policy.rule(), variables)) {
                    violations.add(new PolicyViolation(policy, policy.message()));
                }
            } catch (CelEvaluationException | IllegalArgumentException e) {
                violations.add(new PolicyViolation(policy, "its rule could not be evaluated on this contract ("
                        + e.getMessage() + "); " + policy.message()));
            }
        }
        return violations;
    }

    /** The default policy set shipped under {@code policies/} and applied by {@code meshbone up}: file name → document. */
    public static List<Document> defaults() {
        List<Document> documents = new ArrayList<>();
        for (String file : read(DEFAULTS + "index").lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
            documents.add(new Document(file, read(DEFAULTS + file)));
        }
        return documents;
    }

    private static String read(String resource) {
        try (InputStream in = Policies.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no resource " + resource + " on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /**
     * A policy document as text.
     *
     * @param file how it is named in problems and decisions, e.g. {@code owner-is-email.policy.yaml}
     * @param yaml the document
     */
    public record Document(String file, String yaml) {
    }
}
