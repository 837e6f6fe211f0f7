package io.meshbone.governance.internal;

import java.util.List;

import io.meshbone.platform.contract.Compatibility;
import org.apache.avro.Schema;

/** What the contract gate asks of the schema registry. */
public interface ContractRegistry {

    /**
     * Why {@code schema} may not become the next version of {@code subject} under {@code level}:
     * one message per incompatibility, each naming the field; empty when it may (or the subject is new).
     */
    List<String> incompatibilities(String subject, Schema schema, Compatibility level);

    /** Registers {@code schema} under {@code subject} with {@code level} as the subject's compatibility; returns its id. */
    int register(String subject, Schema schema, Compatibility level);
}
