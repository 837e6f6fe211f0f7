package io.meshbone.platform.contract;

import java.util.Map;
import java.util.Objects;

/**
 * A descriptor's files, as {@code meshbone product import} writes them: the descriptor and its Avro schemas.
 *
 * @param descriptorFile the descriptor's file name, {@code <name>.product.yaml}
 * @param descriptorYaml the descriptor's text
 * @param schemaFiles    the Avro schema texts by the file names the descriptor uses
 * @param product        the product those files define
 */
public record DescriptorBundle(String descriptorFile, String descriptorYaml, Map<String, String> schemaFiles,
                               DataProduct product) {
    public DescriptorBundle {
        Objects.requireNonNull(descriptorFile, "descriptorFile");
        Objects.requireNonNull(descriptorYaml, "descriptorYaml");
        schemaFiles = Map.copyOf(schemaFiles);
        Objects.requireNonNull(product, "product");
    }
}
