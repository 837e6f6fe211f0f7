package io.meshbone.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code meshbone product describe NAME}: a product's address, schema, lineage and live health. */
@Command(name = "describe", mixinStandardHelpOptions = true, description = "Show a product's address, schema, lineage and live health.")
final class ProductDescribeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    MeshOptions mesh;

    @Parameters(paramLabel = "NAME", description = "Product name, e.g. orders.order-placed.")
    String name;

    @Override
    public Integer call() {
        JsonNode p = mesh.product(name);
        JsonNode a = p.path("address");
        JsonNode h = p.path("health");
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%s  v%s  %s %s  owner %s%n%s%n", p.path("name").asText(), p.path("version").asText(),
                p.path("type").asText(), p.path("classification").asText(), p.path("owner").asText(), p.path("description").asText());
        JsonNode d = p.path("deprecation");
        if (d.isObject()) {
            // Line 3, right under the description, as README's `describe … | sed -n 3p` shows it.
            out.printf("DEPRECATED sunset %s, successor %s%s%n", d.path("sunset").asText(), d.path("successor").asText(),
                    d.path("reason").isTextual() ? " (" + d.path("reason").asText() + ")" : "");
        }
        out.println();
        out.printf("topic      %s%nstaging    %s%ndlq        %s%nsubject    %s (schema id %s)%nbootstrap  %s%n%n",
                a.path("topic").asText(), a.path("stagingTopic").asText(), a.path("dlqTopic").asText(),
                a.path("subjects").path("value").asText(), a.path("valueSchemaId").asText(), a.path("bootstrapServers").asText());
        out.println("FIELD                TYPE                 TAGS   DOC");
        for (JsonNode f : p.path("contract").path("fields")) {
            out.printf("%-20s %-20s %-6s %s%n", f.path("name").asText(), f.path("type").asText(),
                    tags(f), f.path("doc").asText());
        }
        out.printf("%nupstream   %s%ndownstream %s%n", p.path("upstream"), p.path("downstream"));
        out.printf("health     in %s/s  out %s/s  dlq %s/s  dlq by code %s  freshness %s (%s)%n",
                h.path("recordsInPerSec").asText(), h.path("recordsOutPerSec").asText(), h.path("dlqPerSec").asText(),
                h.path("dlqByCode"), h.path("sloStatus").asText(), h.path("freshnessSlo").asText("no SLO"));
        out.flush();
        return 0;
    }

    private static String tags(JsonNode field) {
        StringBuilder text = new StringBuilder();
        field.path("tags").forEach(t -> text.append(text.length() == 0 ? "" : ",").append(t.asText()));
        return text.toString();
    }
}
