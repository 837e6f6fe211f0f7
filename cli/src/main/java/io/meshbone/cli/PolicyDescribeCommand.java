package io.meshbone.cli;

import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code meshbone policy describe}: one policy in force, its scope, rule and who changed it last. */
@Command(name = "describe", mixinStandardHelpOptions = true, description = "Show one policy in force, from the catalog.")
final class PolicyDescribeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    MeshOptions mesh;

    @Parameters(paramLabel = "NAME", description = "The policy's name, e.g. owner-is-email.")
    String name;

    @Override
    public Integer call() {
        JsonNode p = mesh.catalog("/api/policies/" + URLEncoder.encode(name, StandardCharsets.UTF_8));
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%s v%s (%s)%n", p.path("name").asText(), p.path("version").asText(), p.path("effect").asText());
        out.printf("  %s%n", p.path("description").asText());
        out.printf("owner:    %s%n", p.path("owner").asText());
        JsonNode scope = p.path("scope");
        out.printf("scope:    domains %s, tags %s, classifications %s%n", orAll(scope.path("domains")), orAll(scope.path("tags")),
                orAll(scope.path("classifications")));
        out.printf("rule:     %s%n", p.path("rule").asText());
        out.printf("message:  %s%n", p.path("message").asText());
        out.printf("changed:  %s by %s%n", p.path("changedAt").asText(), p.path("principal").asText());
        out.flush();
        return 0;
    }

    private static String orAll(JsonNode list) {
        return list.isEmpty() ? "all" : list.toString();
    }
}
