package io.meshbone.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code meshbone policy list}: the policies in force, one line each, from the catalog. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the policies in force, from the catalog.")
final class PolicyListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    MeshOptions mesh;

    @Override
    public Integer call() {
        JsonNode policies = mesh.catalog("/api/policies").path("policies");
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%-40s %-7s %-10s %-6s %s%n", "NAME", "VERSION", "OWNER", "EFFECT", "DESCRIPTION");
        for (JsonNode p : policies) {
            out.printf("%-40s %-7s %-10s %-6s %s%n", p.path("name").asText(), "v" + p.path("version").asText(),
                    p.path("owner").asText(), p.path("effect").asText(), p.path("description").asText());
        }
        out.flush();
        return 0;
    }
}
