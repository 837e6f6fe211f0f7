package io.meshbone.cli.plan;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.meshbone.cli.check.Baselines;
import io.meshbone.cli.check.CatalogGet;
import io.meshbone.cli.check.SignIn;
import io.meshbone.platform.control.AccessGrant;

/** The approved access grants of a listed product, as a plan's ACLs need them; none known offline. */
@FunctionalInterface
public interface ProductGrants {

    /** A folder or a git ref: grants live on {@code _mesh.access-grants}, not in descriptors. */
    ProductGrants UNKNOWN = product -> List.of();

    /** The grants of the listed product {@code product}; empty when it has none or when none are known. */
    List<AccessGrant> of(String product);

    /**
     * The grants the catalog at {@code against} shows ({@code GET /api/products/{name}/grants}) when it is a catalog
     * URL, read signed in as {@code signIn} says; else {@link #UNKNOWN}.
     */
    static ProductGrants of(String against, SignIn signIn) {
        if (against == null || !Baselines.isCatalog(against)) {
            return UNKNOWN;
        }
        return product -> {
            JsonNode page = CatalogGet.get(against, signIn, "/api/products/" + URLEncoder.encode(product, StandardCharsets.UTF_8) + "/grants");
            List<AccessGrant> grants = new ArrayList<>();
            for (JsonNode grant : page.path("grants")) {
                JsonNode since = grant.path("since");
                grants.add(new AccessGrant(product, grant.path("principal").asText(), grant.path("pii").asBoolean(false),
                        grant.path("requestId").asText(null), grant.path("reason").asText(null), grant.path("grantedBy").asText(null),
                        since.isTextual() ? Instant.parse(since.asText()) : null));
            }
            return grants;
        };
    }
}
