package io.meshbone.platform.provisioning;

import static org.apache.kafka.common.acl.AclOperation.ALTER;
import static org.apache.kafka.common.acl.AclOperation.ALTER_CONFIGS;
import static org.apache.kafka.common.acl.AclOperation.CREATE;
import static org.apache.kafka.common.acl.AclOperation.DELETE;
import static org.apache.kafka.common.acl.AclOperation.DESCRIBE;
import static org.apache.kafka.common.acl.AclOperation.DESCRIBE_CONFIGS;
import static org.apache.kafka.common.acl.AclOperation.READ;
import static org.apache.kafka.common.acl.AclOperation.WRITE;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;

import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * DENY bindings that keep prefixed grants off product topics: a product's topics are reachable only as the plan
 * lists them literally.
 *
 * <p>Prefixes are names, not ownership: {@code orders.raw-} also prefixes a product named {@code raw-feed}, and
 * {@code orders-} prefixes every topic of a domain named {@code orders-eu}. Kafka lets a DENY win over any ALLOW, so for
 * each product topic a prefixed ALLOW reaches, the operations the principal has no literal ALLOW for are denied.
 */
final class PrefixGuard {

    private static final Set<AclOperation> TOPIC_OPERATIONS =
            EnumSet.of(READ, WRITE, CREATE, DELETE, ALTER, DESCRIBE, DESCRIBE_CONFIGS, ALTER_CONFIGS);

    private PrefixGuard() {
    }

    static List<AclBinding> denials(Collection<AclBinding> allows, Collection<String> productTopics) {
        Map<String, Set<AclOperation>> literal = new HashMap<>();
        for (AclBinding binding : allows) {
            if (isTopic(binding, PatternType.LITERAL)) {
                literal.computeIfAbsent(key(binding.entry().principal(), binding.pattern().name()), k -> EnumSet.noneOf(AclOperation.class))
                        .addAll(withImplied(binding.entry().operation()));
            }
        }
        // Sorted, so the topics a prefix reaches are one range: with thousands of products and domains, testing every
        // topic against every prefix grew with their product.
        NavigableSet<String> sorted = new TreeSet<>(productTopics);
        List<AclBinding> denials = new ArrayList<>();
        for (AclBinding binding : allows) {
            if (!isTopic(binding, PatternType.PREFIXED)) {
                continue;
            }
            String principal = binding.entry().principal();
            String prefix = binding.pattern().name();
            for (String topic : sorted.subSet(prefix, true, prefix + Character.MAX_VALUE, true)) {
                Set<AclOperation> allowed = literal.getOrDefault(key(principal, topic), Set.of());
                for (AclOperation operation : expand(binding.entry().operation())) {
                    if (!allowed.contains(operation)) {
                        denials.add(new AclBinding(new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL),
                                new AccessControlEntry(principal, "*", operation, AclPermissionType.DENY)));
                    }
                }
            }
        }
        return denials;
    }

    private static boolean isTopic(AclBinding binding, PatternType type) {
        return binding.pattern().resourceType() == ResourceType.TOPIC && binding.pattern().patternType() == type
                && binding.entry().permissionType() == AclPermissionType.ALLOW;
    }

    private static Set<AclOperation> expand(AclOperation operation) {
        return operation == AclOperation.ALL ? TOPIC_OPERATIONS : EnumSet.of(operation);
    }

    // Kafka's authorizer lets READ, WRITE, DELETE and ALTER imply DESCRIBE, and ALTER_CONFIGS imply DESCRIBE_CONFIGS.
    private static Set<AclOperation> withImplied(AclOperation operation) {
        Set<AclOperation> operations = EnumSet.copyOf(expand(operation));
        if (operations.contains(READ) || operations.contains(WRITE) || operations.contains(DELETE) || operations.contains(ALTER)) {
            operations.add(DESCRIBE);
        }
        if (operations.contains(ALTER_CONFIGS)) {
            operations.add(DESCRIBE_CONFIGS);
        }
        return operations;
    }

    private static String key(String principal, String topic) {
        return principal + "\u0000" + topic;
    }
}
