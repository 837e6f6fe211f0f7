package io.meshbone.cli.access;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code meshbone access revoke PRODUCT PRINCIPAL}: as the product's owner, ends a grant. */
@Command(name = "revoke", mixinStandardHelpOptions = true,
        description = "As the owner of the product's domain, end a principal's grant to read it.")
final class AccessRevokeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CatalogOptions catalog;

    @Parameters(index = "0", paramLabel = "PRODUCT", description = "Product name, e.g. orders.order-placed.")
    String product;

    @Parameters(index = "1", paramLabel = "PRINCIPAL", description = "Whose grant ends, e.g. User:app-analytics.")
    String grantee;

    @Option(names = "--reason", description = "Why, kept with the decision.")
    String reason;

    @Override
    public Integer call() {
        Map<String, Object> body = new HashMap<>();
        body.put("reason", reason);
        JsonNode decision = catalog.post("/api/products/" + Paths.segment(product) + "/grants/" + Paths.segment(grantee)
                + "/revoke", body);
        return Decisions.print(spec.commandLine().getOut(), decision, "revoked: " + grantee + " may no longer read " + product);
    }
}
