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

/** {@code meshbone domain create DOMAIN --owner PRINCIPAL}: the admin registers a domain and its first owner. */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = "Register a domain and its owner (admin only); from then on only that owner lists its products.")
final class DomainCreateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CatalogOptions catalog;

    @Parameters(paramLabel = "DOMAIN", description = "Domain name, lower-kebab, e.g. orders.")
    String domain;

    @Option(names = "--owner", required = true, description = "The owning principal, e.g. User:team-orders.")
    String owner;

    @Override
    public Integer call() {
        JsonNode decision = catalog.post("/api/domains", Map.of("name", domain, "owner", owner));
        return Decisions.print(spec.commandLine().getOut(), decision, "domain " + domain + " created, owned by " + owner);
    }
}
