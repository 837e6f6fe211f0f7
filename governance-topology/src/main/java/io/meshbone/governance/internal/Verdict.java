package io.meshbone.governance.internal;

/**
 * The gate's judgement of one record.
 *
 * @param error    null when the record passes
 * @param reason   a sentence naming the field or rule at fault and what was expected
 * @param schemaId the value's schema id, or -1 when there is none (tombstones, unframed values)
 */
public record Verdict(GateError error, String reason, int schemaId) {

    public static Verdict pass(int schemaId) {
        return new Verdict(null, null, schemaId);
    }

    public static Verdict reject(GateError error, String reason) {
        return new Verdict(error, reason, -1);
    }

    public boolean passed() {
        return error == null;
    }
}
