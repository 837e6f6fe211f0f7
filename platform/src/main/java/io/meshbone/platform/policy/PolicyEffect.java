package io.meshbone.platform.policy;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What failing a policy does to a contract request. */
public enum PolicyEffect {
    /** The request is rejected with the policy's message. */
    DENY,
    /** The request is accepted with the policy's message as a warning. */
    WARN;

    /** The spelling used in policy documents and JSON, e.g. {@code deny}. */
    @JsonValue
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    static PolicyEffect of(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }
}
