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

/** {@code meshbone domain deny ID}: the current owner keeps the domain. */
@Command(name = "deny", mixinStandardHelpOptions = true, description = "As a domain's current owner, deny a transfer.")
final class DomainDenyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CatalogOptions catalog;

    @Parameters(paramLabel = "ID", description = "The transfer's id.")
    String id;

    @Option(names = "--reason", description = "Why, for the asker to read.")
    String reason;

    @Override
    public Integer call() {
        Map<String, Object> body = new HashMap<>();
        body.put("reason", reason);
        JsonNode decision = catalog.post("/api/domain-requests/" + Paths.segment(id) + "/deny", body);
        return Decisions.print(spec.commandLine().getOut(), decision, "transfer " + id + " of domain "
                + decision.path("domain").asText() + " denied");
    }
}
