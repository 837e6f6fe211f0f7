package io.meshbone.cli.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.meshbone.platform.contract.Problem;
import io.meshbone.platform.policy.ParsedPolicy;
import io.meshbone.platform.policy.Policies;
import io.meshbone.platform.policy.Policy;

/**
 * The policies a check applies, as the gate would have them: a running mesh's own ({@code GET /api/policies}) when
 * checking against its catalog, else the default set shipped under {@code policies/}; then any documents given on
 * top, each with the version the gate would give it when applied.
 */
public final class PolicySet {

    private PolicySet() {
    }

    /**
     * The policies in force for a check against {@code against}, with {@code documents} ({@code *.policy.yaml} files)
     * added or replacing the policy of the same name; a catalog is read signed in as {@code signIn} says.
     */
    public static List<Policy> inForce(String against, SignIn signIn, List<Path> documents) {
        Map<String, Policy> byName = new LinkedHashMap<>();
        List<Policy> base = against != null && Baselines.isCatalog(against) ? ofCatalog(against, signIn) : defaults();
        base.forEach(policy -> byName.put(policy.name(), policy));
        for (Path document : documents) {
            Policy policy = parse(document.toString(), text(document));
            Policy current = byName.get(policy.name());
            // As the gate versions a policy request: identical is a no-op, a change is the next version, new is 1.
            int version = current == null ? 1
                    : current.withVersion(0).equals(policy) ? current.version() : current.version() + 1;
            byName.put(policy.name(), policy.withVersion(version));
        }
        return List.copyOf(byName.values());
    }

    /** The default set as {@code meshbone up} first applies it: every policy at version 1. */
    static List<Policy> defaults() {
        List<Policy> policies = new ArrayList<>();
        Policies.defaults().forEach(d -> policies.add(parse(d.file(), d.yaml()).withVersion(1)));
        return policies;
    }

    /** The policies the mesh behind {@code catalogUrl} has in force, each at its version there. */
    static List<Policy> ofCatalog(String catalogUrl, SignIn signIn) {
        List<Policy> policies = new ArrayList<>();
        for (JsonNode listed : CatalogGet.get(catalogUrl, signIn, "/api/policies").path("policies")) {
            String name = listed.path("name").asText();
            JsonNode document = listed.has("document") ? listed.path("document")
                    : CatalogGet.get(catalogUrl, signIn, "/api/policies/" + URLEncoder.encode(name, StandardCharsets.UTF_8)).path("document");
            policies.add(parse("policy " + name + " of " + catalogUrl, document.asText()).withVersion(listed.path("version").asInt()));
        }
        return policies;
    }

    private static Policy parse(String file, String yaml) {
        ParsedPolicy parsed = Policies.parse(file, yaml);
        if (parsed.policy().isEmpty()) {
            throw new IllegalArgumentException("policy document " + file + " is not valid: "
                    + String.join("; ", parsed.problems().stream().map(Problem::toString).toList()));
        }
        return parsed.policy().get();
    }

    private static String text(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
