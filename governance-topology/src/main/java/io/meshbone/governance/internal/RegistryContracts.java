package io.meshbone.governance.internal;

import java.util.List;
import java.util.Optional;

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
 * already under the subject is looked up rather than posted, and a new subject is checked without first
 * giving it a level. Reads are answered from the registry's memory.
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
        // A subject without versions accepts any first schema, whatever its level.
        Optional<CompatibilityResult> result = test(subject, schema);
        if (result.isEmpty()) {
            return List.of();
        }
        // The registry checks under the subject's own level, so that must be the contract's first.
        if (ensureLevel(subject, level)) {
            result = test(subject, schema);
        }
        return result.map(RegistryContracts::messages).orElse(List.of());
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

    /** Sets the subject's own level to {@code level} unless it already is; true when it was changed. */
    private boolean ensureLevel(String subject, Compatibility level) {
        if (client.subjectCompatibility(subject).filter(level.name()::equals).isPresent()) {
            return false;
        }
        client.setCompatibility(subject, level.name());
        return true;
    }

    private Optional<CompatibilityResult> test(String subject, Schema schema) {
        try {
            return Optional.of(client.testCompatibility(subject, schema.toString()));
        } catch (SchemaRegistryException e) {
            if (e.errorCode() == SUBJECT_NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static List<String> messages(CompatibilityResult result) {
        if (result.compatible()) {
            return List.of();
        }
        return result.messages().isEmpty() ? List.of("the registry found it incompatible") : result.messages();
    }
}
