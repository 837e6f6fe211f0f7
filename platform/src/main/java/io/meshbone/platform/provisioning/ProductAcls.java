package io.meshbone.platform.provisioning;

import static org.apache.kafka.common.acl.AclOperation.DESCRIBE;
import static org.apache.kafka.common.acl.AclOperation.DESCRIBE_CONFIGS;
import static org.apache.kafka.common.acl.AclOperation.READ;
import static org.apache.kafka.common.acl.AclOperation.WRITE;

import java.util.ArrayList;
import java.util.List;

import io.meshbone.platform.contract.DataProduct;
import io.meshbone.platform.contract.ProductNames;
import org.apache.kafka.common.acl.AclBinding;

/**
 * The ACLs one listed product's contract implies: its domain writes staging, only the gate writes the product and
 * DLQ topics, and the product topic is read by its owner, the catalog, Connect and the consumers the contract lists.
 *
 * <p>Connect reads every product because it is the mesh's sink runtime (the dashboards' sink reads three products);
 * who may add a connector is a matter of Connect's REST authentication, not of topic ACLs.
 */
public final class ProductAcls {

    private ProductAcls() {
    }

    /** Every binding {@code product}'s topics need, for its current major version. */
    public static List<AclBinding> of(DataProduct product) {
        ProductNames names = product.names();
        List<AclBinding> bindings = new ArrayList<>(readers(names, product));
        for (String owner : List.of(KafkaPrincipals.team(names.domain()), KafkaPrincipals.app(names.domain()))) {
            bindings.addAll(Acls.topic(owner, names.stagingTopic(), WRITE, DESCRIBE, DESCRIBE_CONFIGS));
        }
        bindings.addAll(Acls.topic(KafkaPrincipals.GATE, names.stagingTopic(), READ, DESCRIBE, DESCRIBE_CONFIGS));
        bindings.addAll(Acls.topic(KafkaPrincipals.GATE, names.topic(), WRITE, READ, DESCRIBE, DESCRIBE_CONFIGS));
        bindings.addAll(Acls.topic(KafkaPrincipals.GATE, names.dlqTopic(), WRITE, DESCRIBE, DESCRIBE_CONFIGS));
        // The catalog also shows the newest dead-letter reasons, so it reads the DLQ.
        bindings.addAll(Acls.topic(KafkaPrincipals.CATALOG, names.dlqTopic(), READ, DESCRIBE));
        return bindings;
    }

    /**
     * What lets {@code product}'s readers read the generation {@code names} names (its current major, or an older one
     * that stays for them): its owner the product and DLQ topics, the catalog, Connect and the declared consumers the
     * product topic.
     */
    static List<AclBinding> readers(ProductNames names, DataProduct product) {
        List<AclBinding> bindings = new ArrayList<>();
        for (String owner : List.of(KafkaPrincipals.team(names.domain()), KafkaPrincipals.app(names.domain()))) {
            bindings.addAll(Acls.topic(owner, names.topic(), READ, DESCRIBE));
            bindings.addAll(Acls.topic(owner, names.dlqTopic(), READ, DESCRIBE));
        }
        // The catalog shows samples and counts of every product; Connect sinks read them.
        for (String service : List.of(KafkaPrincipals.CATALOG, KafkaPrincipals.CONNECT)) {
            bindings.addAll(Acls.topic(service, names.topic(), READ, DESCRIBE, DESCRIBE_CONFIGS));
        }
        for (String consumer : product.spec().consumers()) {
            for (String principal : consumerPrincipals(consumer)) {
                bindings.addAll(Acls.topic(principal, names.topic(), READ, DESCRIBE));
            }
        }
        return bindings;
    }

    /** The principals a {@code consumers:} entry (a domain or team name, e.g. {@code shipping}) names: its team and its apps. */
    public static List<String> consumerPrincipals(String consumer) {
        if (ProductNames.isNamePart(consumer)) {
            return List.of(KafkaPrincipals.team(consumer), KafkaPrincipals.app(consumer));
        }
        return List.of();
    }

    /** The domains a product's {@code consumers:} names, which get a domain's group and app ACLs like owners do. */
    public static List<String> consumerDomains(DataProduct product) {
        return product.spec().consumers().stream().filter(ProductNames::isNamePart).toList();
    }
}
