package io.meshbone.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meshbone.platform.provisioning.AclPlan;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Renders an {@link AclPlan} as Strimzi {@code KafkaUser} resources: one per principal, SCRAM-SHA-512 authentication
 * and {@code simple} authorization with exactly the plan's bindings for it.
 */
final class StrimziUsers {

    private static final String USER_TYPE = "User:";
    private static final Pattern USER_NAME = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String cluster;

    StrimziUsers(String cluster) {
        this.cluster = cluster;
    }

    /** A {@code KafkaUser} per principal of the plan whose name is a valid Kubernetes resource name, by principal. */
    Map<String, ObjectNode> resources(AclPlan plan) {
        Map<String, ObjectNode> users = new LinkedHashMap<>();
        plan.byPrincipal().forEach((principal, bindings) -> {
            if (isExportable(principal)) {
                users.put(principal, resource(principal.substring(USER_TYPE.length()), bindings));
            }
        });
        return users;
    }

    /** Principals the plan names that cannot be a {@code KafkaUser} (not {@code User:<dns-1123 name>}). */
    static List<String> notExportable(AclPlan plan) {
        return plan.byPrincipal().keySet().stream().filter(principal -> !isExportable(principal)).toList();
    }

    private static boolean isExportable(String principal) {
        if (!principal.startsWith(USER_TYPE)) {
            return false;
        }
        String name = principal.substring(USER_TYPE.length());
        return name.length() <= 253 && USER_NAME.matcher(name).matches();
    }

    private ObjectNode resource(String name, List<AclBinding> bindings) {
        ObjectNode user = JSON.createObjectNode();
        user.put("apiVersion", StrimziTopics.API_VERSION);
        user.put("kind", "KafkaUser");
        ObjectNode metadata = user.putObject("metadata");
        metadata.put("name", name);
        metadata.putObject("labels").put(StrimziTopics.CLUSTER_LABEL, cluster).put("app.kubernetes.io/part-of", "meshbone");
        ObjectNode spec = user.putObject("spec");
        spec.putObject("authentication").put("type", "scram-sha-512");
        ObjectNode authorization = spec.putObject("authorization");
        authorization.put("type", "simple");
        ArrayNode acls = authorization.putArray("acls");
        // One rule per resource and permission, listing its operations, as Strimzi's examples write them.
        Map<String, ObjectNode> rules = new LinkedHashMap<>();
        for (AclBinding binding : bindings) {
            String key = binding.pattern() + "|" + binding.entry().permissionType() + "|" + binding.entry().host();
            ObjectNode rule = rules.computeIfAbsent(key, k -> rule(binding));
            ((ArrayNode) rule.get("operations")).add(operation(binding.entry().operation()));
        }
        rules.values().forEach(acls::add);
        return user;
    }

    private static ObjectNode rule(AclBinding binding) {
        ObjectNode rule = JSON.createObjectNode();
        rule.put("type", binding.entry().permissionType() == AclPermissionType.DENY ? "deny" : "allow");
        ObjectNode resource = rule.putObject("resource");
        resource.put("type", resourceType(binding.pattern().resourceType()));
        if (binding.pattern().resourceType() != ResourceType.CLUSTER) {
            resource.put("name", binding.pattern().name());
            resource.put("patternType", binding.pattern().patternType() == PatternType.PREFIXED ? "prefix" : "literal");
        }
        rule.putArray("operations");
        rule.put("host", binding.entry().host());
        return rule;
    }

    private static String resourceType(ResourceType type) {
        return switch (type) {
            case TOPIC -> "topic";
            case GROUP -> "group";
            case CLUSTER -> "cluster";
            case TRANSACTIONAL_ID -> "transactionalId";
            default -> throw new IllegalArgumentException("Strimzi's simple authorization has no resource type " + type);
        };
    }

    // READ -> Read, IDEMPOTENT_WRITE -> IdempotentWrite: the spelling the KafkaUser CRD's enum takes.
    private static String operation(AclOperation operation) {
        StringBuilder name = new StringBuilder();
        for (String word : operation.name().split("_")) {
            name.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
        }
        return name.toString();
    }

    /** The file a user is written to under the output folder's {@code users/}. */
    static String fileName(ObjectNode user) {
        return user.path("metadata").path("name").asText() + ".yaml";
    }
}
