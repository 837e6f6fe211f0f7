package io.meshbone.governance.internal;

import io.meshbone.governance.CompatibilityCheck;
import io.meshbone.platform.contract.Compatibility;
import org.apache.avro.Schema;

/** What the contract gate asks of the schema registry: compatibility with a subject's versions, and registration. */
public interface ContractRegistry extends CompatibilityCheck {

    /** Registers {@code schema} under {@code subject} with {@code level} as the subject's compatibility; returns its id. */
    int register(String subject, Schema schema, Compatibility level);
}
