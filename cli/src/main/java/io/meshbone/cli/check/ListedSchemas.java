package io.meshbone.cli.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.meshbone.governance.CompatibilityCheck;
import io.meshbone.platform.contract.Compatibility;
import io.meshbone.platform.contract.DataProduct;
import io.meshbone.platform.contract.KeySpec;
import io.meshbone.platform.control.ListedProduct;
import io.meshbone.platform.registry.SchemaCompatibilityCheck;
import org.apache.avro.Schema;

/**
 * Schema history taken from listed descriptors alone (a folder, a git commit): each subject has one version, the
 * listed contract's schema, checked with the registry's own rules and words.
 */
final class ListedSchemas implements CompatibilityCheck {

    private final Map<String, ListedProduct> listed;

    ListedSchemas(Map<String, ListedProduct> listed) {
        this.listed = listed;
    }

    @Override
    public List<String> incompatibilities(String subject, Schema schema, Compatibility level) {
        List<SchemaCompatibilityCheck.Previous> previous = new ArrayList<>();
        for (ListedProduct listing : listed.values()) {
            listing.contract().product().ifPresent(product -> schemaOf(product, subject)
                    .ifPresent(old -> previous.add(new SchemaCompatibilityCheck.Previous(1, old))));
        }
        return SchemaCompatibilityCheck.check(level, schema, previous);
    }

    private static java.util.Optional<Schema> schemaOf(DataProduct product, String subject) {
        if (product.names().valueSubject().equals(subject)) {
            return java.util.Optional.of(product.spec().value().schema());
        }
        if (product.names().keySubject().equals(subject)
                && product.spec().key().orElse(null) instanceof KeySpec.SchemaKey key) {
            return java.util.Optional.of(key.schema().schema());
        }
        return java.util.Optional.empty();
    }
}
