package io.meshbone.cli.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.meshbone.governance.CompatibilityCheck;
import io.meshbone.platform.control.ListedProduct;

/**
 * A baseline read from a running mesh: the catalog's listed products ({@code GET /api/products/{name}}: contract,
 * versions, live consumers) and every version of their subjects in the registry the catalog points to, both signed in
 * as {@link SignIn} says.
 */
final class CatalogBaseline {

    private static final JsonNode MISSING = MissingNode.getInstance();

    private CatalogBaseline() {
    }

    static Baseline read(String catalogUrl, SignIn signIn) {
        Map<String, ListedProduct> listed = new HashMap<>();
        Map<String, List<String>> consumers = new HashMap<>();
        String registryUrl = null;
        for (JsonNode summary : CatalogGet.get(catalogUrl, signIn, "/api/products").path("products")) {
            String name = summary.path("name").asText();
            JsonNode detail = CatalogGet.product(catalogUrl, signIn, name);
            registryUrl = detail.path("address").path("schemaRegistryUrl").asText(registryUrl);
            JsonNode versions = detail.path("versions");
            JsonNode latest = versions.isEmpty() ? MISSING : versions.get(versions.size() - 1);
            Map<String, String> files = new HashMap<>();
            detail.path("contract").path("files").fields().forEachRemaining(f -> files.put(f.getKey(), f.getValue().asText()));
            String principal = latest.path("principal").isTextual() ? latest.path("principal").asText() : null;
            Listings.of(name, detail.path("contract").path("descriptor").asText(), files, principal)
                    .map(listing -> latest.path("retired").asBoolean(false) ? retired(listing) : listing)
                    .ifPresent(listing -> listed.put(name, listing));
            consumers.put(name, liveGroups(detail.path("consumers")));
        }
        CompatibilityCheck schemas = registryUrl == null ? (subject, schema, level) -> List.of()
                : new RegistrySchemas(registryUrl, signIn);
        return new Baseline(catalogUrl, listed, schemas, consumers);
    }

    /** The live groups of {@code "consumers": {"live": [{"groupId", "lag"}]}}, or of an array of {@code {"group", "lag"}}; none when absent. */
    static List<String> liveGroups(JsonNode consumers) {
        List<String> groups = new ArrayList<>();
        JsonNode live = consumers.isArray() ? consumers : consumers.path("live");
        live.forEach(group -> groups.add(group.path(group.has("groupId") ? "groupId" : "group").asText()
                + (group.path("lag").isNumber() ? " (lag " + group.path("lag").asLong() + ")" : "")));
        return groups;
    }

    private static ListedProduct retired(ListedProduct l) {
        return new ListedProduct(l.name(), l.descriptorPath(), l.descriptor(), l.files(), l.valueSchemaId(), l.keySchemaId(),
                l.requestId(), l.principal(), l.listedAt(), true);
    }
}
