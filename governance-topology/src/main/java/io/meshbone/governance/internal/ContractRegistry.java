package io.meshbone.governance.internal;

import java.util.List;

import io.meshbone.governance.CompatibilityCheck;
import io.meshbone.platform.contract.Compatibility;
import org.apache.avro.Schema;

/** What the contract gate asks of the schema registry: compatibility with a subject's versions, and registration. */
public interface ContractRegistry extends CompatibilityCheck {

    /** Registers {@code schema} under {@code subject} with {@code level} as the subject's compatibility; returns its id. */
    int register(String subject, Schema schema, Compatibility level);

    /**
     * Registers each schema under its subject, as {@link #register} does, and returns the ids in the same order. The
     * registrations of one contract (the product topic's subjects and the staging topic's) are independent, so an
     * implementation may make them at once.
     */
    default List<Integer> registerAll(List<Registration> registrations) {
        return registrations.stream().map(r -> register(r.subject(), r.schema(), r.level())).toList();
    }

    /** One schema to register under one subject at a compatibility level. */
    record Registration(String subject, Schema schema, Compatibility level) {
    }
}
