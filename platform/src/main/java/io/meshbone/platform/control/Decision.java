package io.meshbone.platform.control;

import java.time.Instant;
import java.util.List;

/**
 * The gate's answer to one request, or a report on a listed product (drift, a provisioning failure, its compliance
 * after a policy change), on {@code _mesh.decisions}.
 *
 * @param requestId the request answered; reports use {@code drift-<uuid>}, {@code provisioning-<uuid>} and
 *                  {@code compliance-<uuid>}
 * @param product   the product name; null on a decision about a policy
 * @param outcome   what became of the request, or what the report says
 * @param version   the descriptor's version, or the policy's version on a decision about a policy
 * @param changed   false when an accepted request matched what was already listed (a no-op)
 * @param reasons   every reason, each {@code <field>: <what is wrong, what was expected>}; on a contract failing
 *                  policies, {@code policy <name> v<version>: <message>} for each
 * @param principal who asked (on a compliance report: who changed the policy)
 * @param decidedAt when the gate decided
 * @param warnings  what an accepted contract fails of {@code warn} policies, each {@code policy <name> v<version>: <message>}
 * @param policy    the policy's name on a decision about a policy request, else null
 * @param kind      what an access or domain decision is about ({@link Kind}); null on contract and policy decisions
 *                  and on the reports, which {@code product} and {@code policy} tell apart
 * @param subject   on an access decision the principal whose access it is; on a domain decision the owner it names
 * @param domain    the domain on a domain decision, else null
 * @param refersTo  the access or domain request the decision settles (its id), on access and domain decisions
 */
public record Decision(String requestId, String product, Outcome outcome, String version, boolean changed,
                       List<String> reasons, String principal, Instant decidedAt, List<String> warnings, String policy,
                       Kind kind, String subject, String domain, String refersTo) {

    /**
     * What an access or domain decision settled: a request for read access recorded ({@code ACCESS_REQUEST}), granted,
     * denied or revoked; a domain created, a transfer of its ownership asked for, approved (ownership moved) or denied.
     */
    public enum Kind {
        ACCESS_REQUEST, ACCESS_GRANT, ACCESS_DENIAL, ACCESS_REVOCATION,
        DOMAIN_CREATION, DOMAIN_TRANSFER_REQUEST, DOMAIN_TRANSFER, DOMAIN_TRANSFER_DENIAL
    }

    /**
     * How a request ended: {@code ACCEPTED} or {@code REJECTED} by the contract gate (for a contract or a policy);
     * {@code DRIFT} and {@code PROVISIONING_FAILED} are the provisioner's reports on a listed product (Kafka differs
     * from the plan in a way it must not fix; Kafka refused to create or change the product's topics, retried with a
     * backoff); {@code NONCOMPLIANT} and {@code COMPLIANT} are the gate's reports on a listed product after a policy
     * change made it fail a {@code deny} policy, or pass them all again (nothing is delisted).
     */
    public enum Outcome { ACCEPTED, REJECTED, DRIFT, PROVISIONING_FAILED, NONCOMPLIANT, COMPLIANT }

    public Decision {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** A decision on a product request without warnings. */
    public Decision(String requestId, String product, Outcome outcome, String version, boolean changed,
                    List<String> reasons, String principal, Instant decidedAt) {
        this(requestId, product, outcome, version, changed, reasons, principal, decidedAt, List.of(), null);
    }

    /** A decision on a contract or policy request, or a report: no access or domain fields. */
    public Decision(String requestId, String product, Outcome outcome, String version, boolean changed,
                    List<String> reasons, String principal, Instant decidedAt, List<String> warnings, String policy) {
        this(requestId, product, outcome, version, changed, reasons, principal, decidedAt, warnings, policy, null, null,
                null, null);
    }

    public boolean accepted() {
        return outcome == Outcome.ACCEPTED;
    }

    /** This decision with {@code more} warnings. */
    public Decision withWarnings(List<String> more) {
        List<String> all = new java.util.ArrayList<>(warnings);
        all.addAll(more);
        return new Decision(requestId, product, outcome, version, changed, reasons, principal, decidedAt, all, policy, kind,
                subject, domain, refersTo);
    }
}
