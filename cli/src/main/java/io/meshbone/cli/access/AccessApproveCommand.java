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

/** {@code meshbone access approve ID}: as the product's owner, grants the request. */
@Command(name = "approve", mixinStandardHelpOptions = true,
        description = "As the owner of the product's domain, approve an access request: the requester may read the product.")
final class AccessApproveCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CatalogOptions catalog;

    @Parameters(paramLabel = "ID", description = "The request's id, as `meshbone access list` shows it.")
    String id;

    @Option(names = "--reason", description = "A note kept with the decision.")
    String reason;

    @Override
    public Integer call() {
        Map<String, Object> body = new HashMap<>();
        body.put("reason", reason);
        JsonNode decision = catalog.post("/api/access-requests/" + Paths.segment(id) + "/approve", body);
        return Decisions.print(spec.commandLine().getOut(), decision, "granted: " + decision.path("subject").asText()
                + " may read " + decision.path("product").asText() + " (request " + id + ")");
    }
}
