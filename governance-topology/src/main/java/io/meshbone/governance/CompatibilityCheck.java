package io.meshbone.governance;

import java.util.List;

import io.meshbone.platform.contract.Compatibility;
import org.apache.avro.Schema;

/** Why a schema may not become the next version of a subject: what a contract review asks about schemas. */
@FunctionalInterface
public interface CompatibilityCheck {

    /**
     * Why {@code schema} may not become the next version of {@code subject} under {@code level}:
     * one message per incompatibility, each naming the field; empty when it may (or the subject is new).
     */
    List<String> incompatibilities(String subject, Schema schema, Compatibility level);
}
