package io.meshbone.cli.access;

import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code meshbone access list [--product P] [--pending]}: the access requests the caller may see, one line each. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List access requests to the products your domains own (all, for the admin), and your own.")
final class AccessListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CatalogOptions catalog;

    @Option(names = "--product", description = "Only requests for this product.")
    String product;

    @Option(names = "--pending", description = "Only requests still waiting for the owner.")
    boolean pending;

    @Override
    public Integer call() {
        StringBuilder path = new StringBuilder("/api/access-requests?");
        if (product != null) {
            path.append("product=").append(URLEncoder.encode(product, StandardCharsets.UTF_8)).append('&');
        }
        if (pending) {
            path.append("status=pending&");
        }
        if (catalog.credentials == null) {
            path.append("principal=").append(URLEncoder.encode(catalog.principal, StandardCharsets.UTF_8));
        }
        JsonNode requests = catalog.get(path.toString()).path("requests");
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%-36s %-28s %-26s %-4s %-9s %s%n", "ID", "PRODUCT", "PRINCIPAL", "PII", "STATUS", "REASON");
        for (JsonNode r : requests) {
            out.printf("%-36s %-28s %-26s %-4s %-9s %s%n", r.path("id").asText(), r.path("product").asText(),
                    r.path("principal").asText(), r.path("pii").asBoolean() ? "yes" : "no", r.path("status").asText(),
                    r.path("reason").asText());
        }
        out.flush();
        return 0;
    }
}
