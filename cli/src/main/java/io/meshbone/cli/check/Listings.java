package io.meshbone.cli.check;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.meshbone.platform.contract.DataProduct;
import io.meshbone.platform.contract.ProductDescriptors;
import io.meshbone.platform.contract.SchemaFiles;
import io.meshbone.platform.control.ListedProduct;

/** Listings made from descriptors found outside a running mesh (a folder, a git commit), as the gate would have listed them. */
final class Listings {

    private Listings() {
    }

    /**
     * The listing of a descriptor and the schema files beside it, keeping only the files it names; empty when the
     * descriptor does not parse (a baseline that never passed the gate lists nothing).
     *
     * @param principal who listed it, or null when unknown (then no domain ownership is checked)
     */
    static Optional<ListedProduct> of(String path, String yaml, Map<String, String> filesBeside, String principal) {
        Optional<DataProduct> product = ProductDescriptors.parse(path, yaml, SchemaFiles.of(filesBeside)).product();
        return product.map(p -> {
            Map<String, String> files = new HashMap<>();
            p.schemaFiles().forEach(name -> {
                if (filesBeside.containsKey(name)) {
                    files.put(name, filesBeside.get(name));
                }
            });
            return new ListedProduct(p.name(), path, yaml, files, 0, null, "baseline", principal, Instant.EPOCH, false);
        });
    }
}
