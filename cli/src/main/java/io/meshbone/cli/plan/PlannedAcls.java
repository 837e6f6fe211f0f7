package io.meshbone.cli.plan;

import java.util.ArrayList;
import java.util.List;

import io.meshbone.platform.contract.DataProduct;
import io.meshbone.platform.contract.ProductNames;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The ACLs a listed product's topics need: the owning domain writes staging, the gate writes the product and DLQ
 * topics, each declared consumer reads the product topic.
 *
 * <p>Until the mesh grants ACLs itself, this is the one place the plan takes them from; it then delegates to the
 * provisioner's ACL generator.
 */
public final class PlannedAcls {

    /** The principal the record gate writes product and dead-letter topics as. */
    public static final String GATE_PRINCIPAL = "User:meshbone-gate";

    private PlannedAcls() {
    }

    /** The ACL bindings of {@code product}, whose domain acts as {@code domainPrincipal}. */
    public static List<AclBinding> of(DataProduct product, String domainPrincipal) {
        ProductNames names = product.names();
        List<AclBinding> acls = new ArrayList<>();
        acls.add(allow(names.stagingTopic(), domainPrincipal, AclOperation.WRITE));
        acls.add(allow(names.topic(), GATE_PRINCIPAL, AclOperation.WRITE));
        acls.add(allow(names.dlqTopic(), GATE_PRINCIPAL, AclOperation.WRITE));
        product.spec().consumers().forEach(consumer -> acls.add(allow(names.topic(), "User:" + consumer, AclOperation.READ)));
        return acls;
    }

    /** {@code topic <name>} and Kafka's own rendering of the entry, {@code (principal=…, host=*, operation=…, permissionType=ALLOW)}. */
    static Change change(AclBinding acl, Change.Kind kind) {
        return new Change(Change.Resource.ACL, kind, acl.pattern().resourceType().name().toLowerCase(java.util.Locale.ROOT)
                + " " + acl.pattern().name(), acl.entry().toString());
    }

    private static AclBinding allow(String topic, String principal, AclOperation operation) {
        return new AclBinding(new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL),
                new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW));
    }
}
