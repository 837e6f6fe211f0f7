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

/** {@code meshbone domain approve ID}: the current owner hands the domain over. */
@Command(name = "approve", mixinStandardHelpOptions = true,
        description = "As a domain's current owner, approve a transfer: the domain and its products move to the new owner.")
final class DomainApproveCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CatalogOptions catalog;

    @Parameters(paramLabel = "ID", description = "The transfer's id, as `meshbone domain transfer` printed it.")
    String id;

    @Option(names = "--reason", description = "A note kept with the decision.")
    String reason;

    @Override
    public Integer call() {
        Map<String, Object> body = new HashMap<>();
        body.put("reason", reason);
        JsonNode decision = catalog.post("/api/domain-requests/" + Paths.segment(id) + "/approve", body);
        return Decisions.print(spec.commandLine().getOut(), decision, "domain " + decision.path("domain").asText()
                + " now owned by " + decision.path("subject").asText() + " (transfer " + id + ")");
    }
}
