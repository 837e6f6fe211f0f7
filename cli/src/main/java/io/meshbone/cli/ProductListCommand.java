package io.meshbone.cli;

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

/** {@code meshbone product list}: the listed products, one line each, from the catalog. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the products in the catalog, optionally searched and filtered.")
final class ProductListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    MeshOptions mesh;

    @Option(names = {"-q", "--query"}, description = "Search names, descriptions, field names and docs.")
    String query;

    @Option(names = "--domain", description = "Only this domain.")
    String domain;

    @Override
    public Integer call() {
        StringBuilder path = new StringBuilder("/api/products?");
        if (query != null) {
            path.append("q=").append(URLEncoder.encode(query, StandardCharsets.UTF_8)).append('&');
        }
        if (domain != null) {
            path.append("domain=").append(URLEncoder.encode(domain, StandardCharsets.UTF_8));
        }
        JsonNode products = mesh.catalog(path.toString()).path("products");
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%-32s %-8s %-13s %-8s %s%n", "NAME", "TYPE", "CLASS", "VERSION", "DESCRIPTION");
        for (JsonNode p : products) {
            out.printf("%-32s %-8s %-13s %-8s %s%n", p.path("name").asText(), p.path("type").asText(),
                    p.path("classification").asText(), p.path("version").asText(), p.path("description").asText());
        }
        out.flush();
        return 0;
    }
}
