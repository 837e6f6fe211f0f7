package io.meshbone.cli.access;

import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code meshbone access deny ID --reason TEXT}: as the product's owner, refuses the request and says why. */
@Command(name = "deny", mixinStandardHelpOptions = true,
        description = "As the owner of the product's domain, deny an access request, saying why.")
final class AccessDenyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CatalogOptions catalog;

    @Parameters(paramLabel = "ID", description = "The request's id, as `meshbone access list` shows it.")
    String id;

    @Option(names = "--reason", required = true, description = "Why, for the requester to read.")
    String reason;

    @Override
    public Integer call() {
        JsonNode decision = catalog.post("/api/access-requests/" + Paths.segment(id) + "/deny", Map.of("reason", reason));
        return Decisions.print(spec.commandLine().getOut(), decision, "denied: " + decision.path("subject").asText()
                + " may not read " + decision.path("product").asText() + " (request " + id + ")");
    }
}
