package io.meshbone.platform.contract;

import java.util.List;
import java.util.Objects;

/**
 * Who owns a data product and what it is: the descriptor's {@code metadata} block.
 *
 * @param name        the product's lower-kebab name within its domain
 * @param domain      the owning domain, lower-kebab
 * @param owner       the owning team or principal, e.g. {@code team-orders@example.com}
 * @param description what one record means, for the catalog
 * @param tags        free catalog tags
 */
public record ProductMetadata(String name, String domain, String owner, String description, List<String> tags) {
    public ProductMetadata {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(description, "description");
        tags = List.copyOf(tags);
    }
}
