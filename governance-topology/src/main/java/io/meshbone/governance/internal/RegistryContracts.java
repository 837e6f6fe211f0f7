package io.meshbone.governance.internal;

import java.util.List;

import io.meshbone.platform.contract.Compatibility;
import io.meshbone.platform.registry.CompatibilityResult;
import io.meshbone.platform.registry.SchemaRegistryClient;
import io.meshbone.platform.registry.SchemaRegistryException;
import org.apache.avro.Schema;

/**
 * The contract gate's registry calls, made through the mesh's schema registry client.
 *
 * <p>Every registry write is a transaction on {@code _schemas} that the registry waits to read back, so
 * writes are made only when they change something: a level already set is not set again, a schema
 * already under the subject is looked up rather than posted, and a subject without versions is checked
 * without first giving it a level. Reads are answered from the registry's memory.
 */
public final class RegistryContracts implements ContractRegistry {

    private static final int SUBJECT_NOT_FOUND = 40401;
    private static final int SCHEMA_NOT_FOUND = 40403;

    private final SchemaRegistryClient client;

    public RegistryContracts(SchemaRegistryClient client) {
        this.client = client;
    }

    @Override
    public List<String> incompatibilities(String subject, Schema schema, Compatibility level) {
        // The registry checks under the subject's own level, so that must be the contract's; a subject
        // without versions accepts any first schema whatever its level, so it is not given one yet.
        if (!hasLevel(subject, level)) {
            if (!hasVersions(subject)) {
                return List.of();
            }
            client.setCompatibility(subject, level.name());
        }
        CompatibilityResult result = client.testCompatibility(subject, schema.toString());
        if (result.compatible()) {
            return List.of();
        }
        return result.messages().isEmpty() ? List.of("the registry found it incompatible") : result.messages();
    }

    @Override
    public int register(String subject, Schema schema, Compatibility level) {
        ensureLevel(subject, level);
        String text = schema.toString();
        try {
            return client.lookup(subject, text).id();
        } catch (SchemaRegistryException e) {
            if (e.errorCode() != SUBJECT_NOT_FOUND && e.errorCode() != SCHEMA_NOT_FOUND) {
                throw e;
            }
        }
        return client.register(subject, text);
    }

    private void ensureLevel(String subject, Compatibility level) {
        if (!hasLevel(subject, level)) {
            client.setCompatibility(subject, level.name());
        }
    }

    private boolean hasLevel(String subject, Compatibility level) {
        return client.subjectCompatibility(subject).filter(level.name()::equals).isPresent();
    }

    private boolean hasVersions(String subject) {
        try {
            client.latest(subject);
            return true;
        } catch (SchemaRegistryException e) {
            if (e.errorCode() == SUBJECT_NOT_FOUND) {
                return false;
            }
            throw e;
        }
    }
}
