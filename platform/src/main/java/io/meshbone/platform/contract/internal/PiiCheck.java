package io.meshbone.platform.contract.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.meshbone.platform.contract.AvroSchemaFile;
import io.meshbone.platform.contract.Classification;
import io.meshbone.platform.contract.KeySpec;

/** Personal data (fields tagged {@code PII}) may only be in products classified confidential or restricted. */
final class PiiCheck {

    private PiiCheck() {
    }

    static void check(Fields fields, Classification classification, AvroSchemaFile value, Optional<KeySpec> key) {
        if (classification.allowsPii()) {
            return;
        }
        List<String> found = new ArrayList<>();
        if (value != null) {
            describe(value, found);
        }
        if (key.orElse(null) instanceof KeySpec.SchemaKey schemaKey) {
            describe(schemaKey.schema(), found);
        }
        if (!found.isEmpty()) {
            fields.problem("spec.classification", "'" + classification.text() + "' does not allow PII-tagged fields ("
                    + String.join("; ", found) + "); expected confidential or restricted");
        }
    }

    private static void describe(AvroSchemaFile file, List<String> found) {
        List<String> fields = AvroFiles.piiFields(file.schema());
        if (!fields.isEmpty()) {
            found.add(file.file() + ": " + String.join(", ", fields));
        }
    }
}
