package io.meshbone.cli.access;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code meshbone domain describe DOMAIN}: owner, ownership history, products and transfers, from the catalog. */
@Command(name = "describe", mixinStandardHelpOptions = true,
        description = "Show a domain's owner, who owned it before, its products and its transfers.")
final class DomainDescribeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CatalogOptions catalog;

    @Parameters(paramLabel = "DOMAIN", description = "Domain name, e.g. orders.")
    String domain;

    @Override
    public Integer call() {
        JsonNode d = catalog.get("/api/domains/" + Paths.segment(domain));
        PrintWriter out = spec.commandLine().getOut();
        out.printf("domain     %s%n", d.path("name").asText());
        out.printf("owner      %s%s%n", d.path("owner").asText(), d.path("registered").asBoolean() ? ""
                : " (not registered: whoever listed its products)");
        for (JsonNode o : d.path("ownership")) {
            out.printf("  since %s  %s (decided by %s)%n", o.path("since").asText(), o.path("owner").asText(),
                    o.path("decidedBy").asText());
        }
        out.printf("products   %s%n", String.join(", ", d.path("products").findValuesAsText("")));
        for (JsonNode t : d.path("transfers")) {
            out.printf("transfer   %s to %s: %s%n", t.path("id").asText(), t.path("to").asText(), t.path("status").asText());
        }
        out.flush();
        return 0;
    }
}
