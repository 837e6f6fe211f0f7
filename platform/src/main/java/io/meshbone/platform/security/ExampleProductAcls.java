package io.meshbone.platform.security;

import static org.apache.kafka.common.acl.AclOperation.DESCRIBE;
import static org.apache.kafka.common.acl.AclOperation.DESCRIBE_CONFIGS;
import static org.apache.kafka.common.acl.AclOperation.READ;
import static org.apache.kafka.common.acl.AclOperation.WRITE;
import static org.apache.kafka.common.resource.PatternType.LITERAL;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import io.meshbone.platform.contract.ProductNames;
import org.apache.kafka.common.acl.AclBinding;

/**
 * A stand-in for the provisioner's ACL reconciler, so {@code meshbone up --secure} runs its example flow end to end:
 * for each listed example product, the gate reads its staging topic and writes its product and DLQ topics, the
 * owning domain's apps write its staging topic, and the example domains' apps, the catalog and Connect read it.
 * Once the reconciler generates these from {@code _mesh.products}, {@code up} stops granting them here.
 */
public final class ExampleProductAcls {

    private ExampleProductAcls() {
    }

    /** The grants of {@code products}, read by the apps of {@code readerDomains}. */
    public static List<AclBinding> of(Collection<ProductNames> products, Collection<String> readerDomains) {
        List<AclBinding> acls = new ArrayList<>();
        for (ProductNames product : products) {
            ServiceAcls.Grants gate = new ServiceAcls.Grants(MeshPrincipals.GATE);
            gate.topic(LITERAL, product.stagingTopic(), READ, DESCRIBE, DESCRIBE_CONFIGS);
            gate.topic(LITERAL, product.topic(), WRITE, READ, DESCRIBE, DESCRIBE_CONFIGS);
            gate.topic(LITERAL, product.dlqTopic(), WRITE, DESCRIBE, DESCRIBE_CONFIGS);
            acls.addAll(gate.acls());
            ServiceAcls.Grants owner = new ServiceAcls.Grants(MeshPrincipals.app(product.domain()));
            owner.topic(LITERAL, product.stagingTopic(), WRITE, DESCRIBE, DESCRIBE_CONFIGS);
            acls.addAll(owner.acls());
            List<String> readers = new ArrayList<>(List.of(MeshPrincipals.CATALOG, MeshPrincipals.CONNECT));
            readerDomains.forEach(domain -> readers.add(MeshPrincipals.app(domain)));
            for (String reader : readers) {
                ServiceAcls.Grants grants = new ServiceAcls.Grants(reader);
                grants.topic(LITERAL, product.topic(), READ, DESCRIBE, DESCRIBE_CONFIGS);
                acls.addAll(grants.acls());
            }
        }
        return acls;
    }
}
