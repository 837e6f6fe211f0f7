package io.meshbone.cli.access;

import java.io.PrintWriter;

import com.fasterxml.jackson.databind.JsonNode;

/** Prints the gate's decision on an access or domain event: one line when accepted, every reason when not. */
final class Decisions {

    private Decisions() {
    }

    /** Prints {@code accepted} (or the rejection and its reasons) and returns the exit code: 0 accepted, 1 rejected. */
    static int print(PrintWriter out, JsonNode decision, String accepted) {
        if ("ACCEPTED".equals(decision.path("outcome").asText())) {
            out.println(accepted);
            decision.path("warnings").forEach(w -> out.println("  warning: " + w.asText()));
            out.flush();
            return 0;
        }
        out.println("REJECTED " + decision.path("kind").asText("") + " by the contract gate:");
        decision.path("reasons").forEach(r -> out.println("  " + r.asText()));
        out.flush();
        return 1;
    }
}
