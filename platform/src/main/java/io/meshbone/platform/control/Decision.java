package io.meshbone.platform.control;

import java.time.Instant;
import java.util.List;

/**
 * The gate's answer to one request, or the provisioner's report of drift, on {@code _mesh.decisions}.
 *
 * @param requestId the request answered; the provisioner's drift reports use {@code drift-<uuid>}
 * @param product   the product name
 * @param outcome   accepted, rejected or drift
 * @param version   the descriptor's version
 * @param changed   false when an accepted request matched what was already listed (a no-op)
 * @param reasons   every reason, each {@code <field>: <what is wrong, what was expected>}
 * @param principal who asked
 * @param decidedAt when the gate decided
 */
public record Decision(String requestId, String product, Outcome outcome, String version, boolean changed,
                       List<String> reasons, String principal, Instant decidedAt) {

    /** How a request ended. */
    public enum Outcome { ACCEPTED, REJECTED, DRIFT }

    public Decision {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    public boolean accepted() {
        return outcome == Outcome.ACCEPTED;
    }
}
