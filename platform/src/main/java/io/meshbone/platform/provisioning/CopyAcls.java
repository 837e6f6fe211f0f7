package io.meshbone.platform.provisioning;

import static org.apache.kafka.common.acl.AclOperation.ALTER;
import static org.apache.kafka.common.acl.AclOperation.ALTER_CONFIGS;
import static org.apache.kafka.common.acl.AclOperation.CREATE;
import static org.apache.kafka.common.acl.AclOperation.DESCRIBE;
import static org.apache.kafka.common.acl.AclOperation.DESCRIBE_CONFIGS;
import static org.apache.kafka.common.acl.AclOperation.READ;
import static org.apache.kafka.common.acl.AclOperation.WRITE;

import java.util.ArrayList;
import java.util.List;

import io.meshbone.platform.contract.DataProduct;
import io.meshbone.platform.security.MeshPrincipals;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;

/**
 * The grants of a product MirrorMaker 2 copies from its home cluster to another cluster of an isolated mesh. On the
 * source, {@code User:mirror} reads the product topic; on the target it makes and writes the copy (the same topic name)
 * and keeps its configs in step, and the copy is read there by whoever reads the product at home — the owner, the
 * catalog, Connect and the contract's {@code consumers:} — never written by anyone else.
 */
public final class CopyAcls {

    static final String MIRROR = MeshPrincipals.kafkaPrincipal(MeshPrincipals.MIRROR);
    private static final List<AclOperation> READS = List.of(READ, DESCRIBE, DESCRIBE_CONFIGS);

    private CopyAcls() {
    }

    /** On the product's home cluster: MirrorMaker reads its topic and configs. */
    public static List<AclBinding> source(DataProduct product) {
        return Acls.topic(MIRROR, product.names().topic(), READ, DESCRIBE, DESCRIBE_CONFIGS);
    }

    /** On a cluster the product is copied to: MirrorMaker writes the copy, the product's readers read it. */
    public static List<AclBinding> target(DataProduct product) {
        String topic = product.names().topic();
        List<AclBinding> bindings = new ArrayList<>(Acls.topic(MIRROR, topic, CREATE, WRITE, DESCRIBE, DESCRIBE_CONFIGS,
                ALTER, ALTER_CONFIGS));
        for (AclBinding binding : ProductAcls.of(product)) {
            if (binding.pattern().name().equals(topic) && READS.contains(binding.entry().operation())
                    && !binding.entry().principal().equals(KafkaPrincipals.GATE)) {
                bindings.add(binding);
            }
        }
        return bindings;
    }
}
