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

/** {@code meshbone domain transfer DOMAIN --to PRINCIPAL}: the new owner (or the admin) asks for a domain. */
@Command(name = "transfer", mixinStandardHelpOptions = true,
        description = "Ask for a domain's ownership (as its new owner, or the admin); the current owner approves.")
final class DomainTransferCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CatalogOptions catalog;

    @Parameters(paramLabel = "DOMAIN", description = "Domain name, e.g. orders.")
    String domain;

    @Option(names = "--to", required = true, description = "The new owner, e.g. User:team-orders.")
    String to;

    @Option(names = "--reason", description = "Why, for the current owner to judge.")
    String reason;

    @Override
    public Integer call() {
        Map<String, Object> body = new HashMap<>();
        body.put("to", to);
        body.put("reason", reason);
        JsonNode decision = catalog.post("/api/domains/" + Paths.segment(domain) + "/transfer", body);
        return Decisions.print(spec.commandLine().getOut(), decision, "transfer " + decision.path("requestId").asText()
                + " of domain " + domain + " to " + to + " recorded: pending approval by its current owner");
    }
}
