package io.meshbone.cli.check;

import java.util.ArrayList;
import java.util.List;

import io.meshbone.governance.CompatibilityCheck;
import io.meshbone.platform.contract.Compatibility;
import io.meshbone.platform.registry.SchemaCompatibilityCheck;
import io.meshbone.platform.registry.SchemaRegistryClient;
import io.meshbone.platform.registry.SchemaRegistryException;
import org.apache.avro.Schema;

/**
 * Schema history read from a running registry: every live version of the subject, checked here at the contract's
 * level. Unlike the gate, it never sets the subject's level on the registry: a check changes nothing.
 */
final class RegistrySchemas implements CompatibilityCheck {

    private static final int SUBJECT_NOT_FOUND = 40401;

    private final String registryUrl;
    private final SignIn signIn;
    private final SchemaRegistryClient registry;

    RegistrySchemas(String registryUrl, SignIn signIn) {
        this.registryUrl = registryUrl;
        this.signIn = signIn;
        this.registry = new SchemaRegistryClient(signIn.registry(registryUrl));
    }

    @Override
    public List<String> incompatibilities(String subject, Schema schema, Compatibility level) {
        List<SchemaCompatibilityCheck.Previous> previous = new ArrayList<>();
        try {
            for (int version : registry.versions(subject)) {
                previous.add(new SchemaCompatibilityCheck.Previous(version,
                        new Schema.Parser().parse(registry.version(subject, version).schema())));
            }
        } catch (SchemaRegistryException e) {
            if (e.status() == 401 || e.status() == 403) {
                throw signIn.refused("the schema registry at " + registryUrl, e.status(), e.getMessage());
            }
            if (e.errorCode() != SUBJECT_NOT_FOUND) {
                throw e;
            }
        }
        return SchemaCompatibilityCheck.check(level, schema, previous);
    }
}
