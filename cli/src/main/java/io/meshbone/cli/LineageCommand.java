package io.meshbone.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code meshbone lineage NAME}: the products upstream and downstream of a product, with how each edge is known. */
@Command(name = "lineage", mixinStandardHelpOptions = true,
        description = "Show the products a product is derived from and the products derived from it.")
final class LineageCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    MeshOptions mesh;

    @Parameters(paramLabel = "NAME", description = "Product name, e.g. orders.order-placed.")
    String name;

    @Override
    public Integer call() {
        mesh.product(name); // an unknown name fails here with the catalog's suggestions
        JsonNode graph = mesh.catalog("/api/lineage");
        PrintWriter out = spec.commandLine().getOut();
        out.println(name);
        for (JsonNode edge : graph.path("edges")) {
            if (edge.path("to").asText().equals(name) && !edge.path("from").asText().equals(name)) {
                out.printf("  <- %s (%s)%n", edge.path("from").asText(), via(edge));
            }
        }
        for (JsonNode edge : graph.path("edges")) {
            if (edge.path("from").asText().equals(name) && !edge.path("to").asText().equals(name)) {
                out.printf("  -> %s (%s)%n", edge.path("to").asText(), via(edge));
            }
        }
        for (JsonNode edge : graph.path("edges")) {
            if (edge.path("from").asText().equals(name) && edge.path("to").asText().equals(name)) {
                out.printf("  copied %s -> %s (%s)%n", edge.path("fromCluster").asText(), edge.path("toCluster").asText(),
                        via(edge));
            }
        }
        out.flush();
        return 0;
    }

    private static String via(JsonNode edge) {
        return edge.has("job") ? "job " + edge.path("job").asText() : edge.path("source").asText();
    }
}
