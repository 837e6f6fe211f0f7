package io.meshbone.platform.policy.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.meshbone.platform.contract.Classification;
import io.meshbone.platform.contract.DataProduct;
import io.meshbone.platform.contract.ProductNames;
import io.meshbone.platform.contract.internal.DescriptorParser;
import io.meshbone.platform.contract.internal.Fields;
import io.meshbone.platform.policy.ParsedPolicy;
import io.meshbone.platform.policy.Policies;
import io.meshbone.platform.policy.Policy;
import io.meshbone.platform.policy.PolicyEffect;
import io.meshbone.platform.policy.PolicyScope;

/** Turns one policy document's YAML into a {@link Policy}, collecting every problem on the way. */
public final class PolicyParser {

    private static final ObjectMapper YAML = new ObjectMapper(
            YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());
    private static final List<String> ROOT_KEYS = List.of("apiVersion", "kind", "metadata", "spec");
    private static final List<String> METADATA_KEYS = List.of("name", "owner", "description");
    private static final List<String> SPEC_KEYS = List.of("scope", "rule", "effect", "message");
    private static final List<String> SCOPE_KEYS = List.of("domains", "tags", "classifications");

    private PolicyParser() {
    }

    /** Parses {@code yaml}; whether its author may apply it is the contract gate's to decide. */
    public static ParsedPolicy parse(String file, String yaml) {
        Fields fields = new Fields(file);
        ObjectNode root = readRoot(fields, yaml);
        if (root == null) {
            return new ParsedPolicy(file, Optional.empty(), fields.problems());
        }
        fields.onlyKeys(root, "", ROOT_KEYS);
        String apiVersion = fields.requiredText(root, "", "apiVersion", DataProduct.API_VERSION);
        if (apiVersion != null && !apiVersion.equals(DataProduct.API_VERSION)) {
            fields.problem("apiVersion", "'" + apiVersion + "' is not supported (expected " + DataProduct.API_VERSION + ")");
        }
        String kind = fields.requiredText(root, "", "kind", Policies.KIND);
        if (kind != null && !kind.equals(Policies.KIND)) {
            fields.problem("kind", "'" + kind + "' is not supported here (expected " + Policies.KIND + ")");
        }
        ObjectNode metadata = object(fields, root, "metadata", "a mapping with name, owner, description");
        ObjectNode spec = object(fields, root, "spec", "a mapping with scope, rule, effect, message");
        String name = null;
        String owner = null;
        String description = null;
        if (metadata != null) {
            fields.onlyKeys(metadata, "metadata", METADATA_KEYS);
            name = lowerKebab(fields, metadata, "name", "the policy's lower-kebab name, e.g. owner-is-email");
            owner = lowerKebab(fields, metadata, "owner", Policies.MESH + " (mesh-wide) or the owning domain's name, e.g. orders");
            description = fields.requiredText(metadata, "metadata", "description", "a sentence saying what the policy is for");
        }
        PolicyScope scope = null;
        String rule = null;
        PolicyEffect effect = null;
        String message = null;
        if (spec != null) {
            fields.onlyKeys(spec, "spec", SPEC_KEYS);
            scope = scope(fields, spec, owner);
            rule = rule(fields, spec);
            effect = fields.enumValue(spec, "spec", "effect", PolicyEffect.class, PolicyEffect::text, null, "an effect");
            message = fields.requiredText(spec, "spec", "message", "what a failing contract is told, e.g. what to change");
        }
        if (!fields.problems().isEmpty()) {
            return new ParsedPolicy(file, Optional.empty(), fields.problems());
        }
        return new ParsedPolicy(file, Optional.of(new Policy(name, 0, owner, description, scope, rule, effect, message)), List.of());
    }

    private static ObjectNode readRoot(Fields fields, String yaml) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": ";
            fields.problem(DescriptorParser.DOCUMENT, "not valid YAML at " + where + e.getOriginalMessage().replaceAll("\\s*\\R\\s*", " "));
            return null;
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            fields.problem(DescriptorParser.DOCUMENT, "the file is empty (expected a " + Policies.KIND + " document)");
            return null;
        }
        return fields.object(root, DescriptorParser.DOCUMENT, "a mapping with apiVersion, kind, metadata and spec");
    }

    private static ObjectNode object(Fields fields, ObjectNode parent, String key, String expected) {
        JsonNode node = fields.required(parent, "", key, expected);
        return node == null ? null : fields.object(node, key, expected);
    }

    private static String lowerKebab(Fields fields, ObjectNode metadata, String key, String expected) {
        String value = fields.requiredText(metadata, "metadata", key, expected);
        if (value != null && !ProductNames.isNamePart(value)) {
            fields.problem("metadata." + key, "'" + value + "' is not lower-kebab (expected " + expected + ")");
            return null;
        }
        return value;
    }

    private static PolicyScope scope(Fields fields, ObjectNode spec, String owner) {
        JsonNode node = spec.get("scope");
        if (node == null || node.isNull()) {
            return owner == null || Policies.MESH.equals(owner) ? PolicyScope.ALL
                    : new PolicyScope(List.of(owner), List.of(), List.of());
        }
        ObjectNode scope = fields.object(node, "spec.scope", "a mapping with domains, tags, classifications");
        if (scope == null) {
            return null;
        }
        fields.onlyKeys(scope, "spec.scope", SCOPE_KEYS);
        List<String> domains = domains(fields, scope);
        List<String> tags = fields.textList(scope, "spec.scope", "tags", "product tags");
        List<String> classifications = fields.textList(scope, "spec.scope", "classifications", "classifications");
        List<String> known = Arrays.stream(Classification.values()).map(Classification::text).toList();
        if (classifications != null) {
            for (int i = 0; i < classifications.size(); i++) {
                String c = classifications.get(i);
                if (c != null && !known.contains(c.toLowerCase(Locale.ROOT))) {
                    fields.problem("spec.scope.classifications[" + i + "]", "'" + c + "' is not a classification (expected one of "
                            + String.join(", ", known) + ")");
                }
            }
        }
        if (owner != null && !Policies.MESH.equals(owner)) {
            if (domains != null && !domains.isEmpty() && !domains.equals(List.of(owner))) {
                fields.problem("spec.scope.domains", domains + " reaches beyond the owning domain '" + owner
                        + "' (expected [" + owner + "] or no domains: a domain's policy covers only its own products)");
            }
            domains = List.of(owner);
        }
        if (domains == null || tags == null || classifications == null || hasNull(tags) || hasNull(classifications)) {
            return null;
        }
        return new PolicyScope(domains, tags, classifications.stream().map(c -> c.toLowerCase(Locale.ROOT)).toList());
    }

    // 'all' (or no domains) is every domain.
    private static List<String> domains(Fields fields, ObjectNode scope) {
        JsonNode node = scope.get("domains");
        if (node == null || node.isNull() || node.isTextual() && node.asText().equals("all")) {
            return List.of();
        }
        List<String> domains = fields.textList(scope, "spec.scope", "domains", "domain names, or all");
        if (domains == null) {
            return null;
        }
        for (int i = 0; i < domains.size(); i++) {
            String domain = domains.get(i);
            if (domain != null && !ProductNames.isNamePart(domain)) {
                fields.problem("spec.scope.domains[" + i + "]", "'" + domain + "' is not a lower-kebab domain name");
                return null;
            }
        }
        return hasNull(domains) ? null : domains;
    }

    private static boolean hasNull(List<String> values) {
        return values.stream().anyMatch(java.util.Objects::isNull);
    }

    private static String rule(Fields fields, ObjectNode spec) {
        String rule = fields.requiredText(spec, "spec", "rule",
                "a CEL expression over product, fields, previous and cluster, e.g. product.metadata.owner.contains('@')");
        if (rule == null) {
            return null;
        }
        Optional<String> error = PolicyRules.compileError(rule);
        if (error.isPresent()) {
            fields.problem("spec.rule", "'" + rule + "' is not a valid CEL rule (expected a bool expression over product,"
                    + " fields, previous and cluster): " + error.get());
            return null;
        }
        Optional<String> tooCostly = PolicyRules.costProblem(rule);
        if (tooCostly.isPresent()) {
            fields.problem("spec.rule", "'" + rule + "' " + tooCostly.get());
            return null;
        }
        return rule;
    }
}
