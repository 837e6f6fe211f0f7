package io.meshbone.platform.provisioning;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/** Shorthands for the ALLOW bindings a plan is made of: any host, one binding per operation. */
public final class Acls {

    private static final String ANY_HOST = "*";

    private Acls() {
    }

    /** {@code principal} may do {@code operations} on the topic named exactly {@code topic}. */
    public static List<AclBinding> topic(String principal, String topic, AclOperation... operations) {
        return allow(principal, new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL), operations);
    }

    /** {@code principal} may do {@code operations} on every topic whose name starts with {@code prefix}. */
    public static List<AclBinding> topicPrefix(String principal, String prefix, AclOperation... operations) {
        return allow(principal, new ResourcePattern(ResourceType.TOPIC, prefix, PatternType.PREFIXED), operations);
    }

    /** {@code principal} may do {@code operations} on every consumer group whose id starts with {@code prefix}. */
    public static List<AclBinding> groupPrefix(String principal, String prefix, AclOperation... operations) {
        return allow(principal, new ResourcePattern(ResourceType.GROUP, prefix, PatternType.PREFIXED), operations);
    }

    /** {@code principal} may do {@code operations} on every transactional id that starts with {@code prefix}. */
    public static List<AclBinding> transactionalIdPrefix(String principal, String prefix, AclOperation... operations) {
        return allow(principal, new ResourcePattern(ResourceType.TRANSACTIONAL_ID, prefix, PatternType.PREFIXED), operations);
    }

    /** {@code principal} may do {@code operations} on the cluster, e.g. {@link AclOperation#IDEMPOTENT_WRITE}. */
    public static List<AclBinding> cluster(String principal, AclOperation... operations) {
        return allow(principal, new ResourcePattern(ResourceType.CLUSTER, "kafka-cluster", PatternType.LITERAL), operations);
    }

    /** One ALLOW binding per operation of {@code principal} on {@code resource}, from any host. */
    public static List<AclBinding> allow(String principal, ResourcePattern resource, AclOperation... operations) {
        List<AclBinding> bindings = new ArrayList<>(operations.length);
        for (AclOperation operation : operations) {
            bindings.add(new AclBinding(resource, new AccessControlEntry(principal, ANY_HOST, operation, AclPermissionType.ALLOW)));
        }
        return bindings;
    }
}
