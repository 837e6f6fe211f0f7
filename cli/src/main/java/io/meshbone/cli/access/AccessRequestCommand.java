package io.meshbone.cli.access;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import io.meshbone.platform.control.DomainOwners;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code meshbone access request PRODUCT --reason TEXT [--pii]}: asks the product's owner for read access. */
@Command(name = "request", mixinStandardHelpOptions = true,
        description = "Ask the owner of a product's domain for read access (and to see its PII fields with --pii).")
final class AccessRequestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CatalogOptions catalog;

    @Parameters(paramLabel = "PRODUCT", description = "Product name, e.g. orders.order-placed.")
    String product;

    @Option(names = "--reason", required = true, description = "Why you need it, for the owner to judge.")
    String reason;

    @Option(names = "--pii", description = "Ask to see the product's PII-tagged fields too.")
    boolean pii;

    @Override
    public Integer call() {
        requireSignedInPrincipal();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("product", product);
        body.put("reason", reason);
        body.put("pii", pii);
        JsonNode decision = catalog.post("/api/access-requests", body);
        return Decisions.print(spec.commandLine().getOut(), decision, "access request " + decision.path("requestId").asText()
                + " for " + product + (pii ? " (with PII)" : "") + " recorded: pending approval by the owner of domain '"
                + DomainOwners.domainOf(product) + "'");
    }

    // Signed in, the catalog records the request as the signed-in principal: a --principal naming another is refused, not ignored.
    private void requireSignedInPrincipal() {
        if (catalog.credentials == null || !spec.commandLine().getParseResult().hasMatchedOption("--principal")) {
            return;
        }
        CatalogCredentials signedIn = CatalogCredentials.read(catalog.credentials);
        if (!catalog.principal.equals(signedIn.principal()) && !catalog.principal.equals(signedIn.user())) {
            throw new IllegalArgumentException("--principal " + catalog.principal + " is not " + signedIn.principal()
                    + ", whom --credentials " + catalog.credentials + " signs in as; the request would be made as "
                    + signedIn.principal() + ": drop --principal, or sign in with that principal's credentials file");
        }
    }
}
