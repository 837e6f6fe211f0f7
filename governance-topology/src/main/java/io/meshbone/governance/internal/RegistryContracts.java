package io.meshbone.governance.internal;

import java.util.List;

import io.meshbone.platform.contract.Compatibility;
import io.meshbone.platform.registry.CompatibilityResult;
import io.meshbone.platform.registry.SchemaRegistryClient;
import io.meshbone.platform.registry.SchemaRegistryException;
import org.apache.avro.Schema;

/** The contract gate's registry calls, made through the mesh's schema registry client. */
public final class RegistryContracts implements ContractRegistry {

    private static final int SUBJECT_NOT_FOUND = 40401;

    private final SchemaRegistryClient client;

    public RegistryContracts(SchemaRegistryClient client) {
        this.client = client;
    }

    @Override
    public List<String> incompatibilities(String subject, Schema schema, Compatibility level) {
        // The registry checks under the subject's own level, so the contract's level is set first.
        client.setCompatibility(subject, level.name());
        try {
            CompatibilityResult result = client.testCompatibility(subject, schema.toString());
            if (result.compatible()) {
                return List.of();
            }
            return result.messages().isEmpty() ? List.of("the registry found it incompatible") : result.messages();
        } catch (SchemaRegistryException e) {
            if (e.errorCode() == SUBJECT_NOT_FOUND) {
                return List.of();
            }
            throw e;
        }
    }

    @Override
    public int register(String subject, Schema schema, Compatibility level) {
        client.setCompatibility(subject, level.name());
        return client.register(subject, schema.toString());
    }
}
