package io.meshbone.platform.control;

import java.time.Instant;
import java.util.List;

/**
 * The gate's answer to one request, or the provisioner's report of drift or of a failure, on {@code _mesh.decisions}.
 *
 * @param requestId the request answered; the provisioner's reports use {@code drift-<uuid>} and {@code provisioning-<uuid>}
 * @param product   the product name
 * @param outcome   accepted, rejected, drift or provisioning failed
 * @param version   the descriptor's version
 * @param changed   false when an accepted request matched what was already listed (a no-op)
 * @param reasons   every reason, each {@code <field>: <what is wrong, what was expected>}
 * @param principal who asked
 * @param decidedAt when the gate decided
 */
public record Decision(String requestId, String product, Outcome outcome, String version, boolean changed,
                       List<String> reasons, String principal, Instant decidedAt) {

    /**
     * How a request ended: {@code ACCEPTED} or {@code REJECTED} by the contract gate; {@code DRIFT} and
     * {@code PROVISIONING_FAILED} are the provisioner's reports on a listed product (Kafka differs from the plan
     * in a way it must not fix; Kafka refused to create or change the product's topics, retried with a backoff).
     */
    public enum Outcome { ACCEPTED, REJECTED, DRIFT, PROVISIONING_FAILED }

    public Decision {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    public boolean accepted() {
        return outcome == Outcome.ACCEPTED;
    }
}
