package io.meshbone.platform.provisioning;

import static org.apache.kafka.common.acl.AclOperation.DESCRIBE;
import static org.apache.kafka.common.acl.AclOperation.READ;

import java.util.ArrayList;
import java.util.List;

import io.meshbone.platform.contract.DataProduct;
import io.meshbone.platform.contract.ProductNames;
import org.apache.kafka.common.acl.AclBinding;

/**
 * The ACLs that keep a listed product's older topic generations readable: a new major starts topic {@code v<n>}, and
 * {@code v1} … {@code v<n-1>} stay for the readers that have not moved yet until the product is retired.
 *
 * <p>The listing holds only the current contract, so which older majors really had topics is not known: every major
 * from 1 below the current one is covered, at most {@link #KEPT} of them (a literal binding on a topic that does not
 * exist is harmless, but a contract jumping to major 999,999,999 must not make billions of them). Readers keep Read
 * and Describe on {@code T_m} (the catalog and Connect DescribeConfigs too), the owner Read and Describe on
 * {@code T_m.dlq}. Nobody writes {@code T_m.staging} and the gate writes neither {@code T_m} nor {@code T_m.dlq}: it
 * dead-letters what is still staged there into {@code _mesh.unlisted.dlq} as {@code PRODUCT_NOT_LISTED}, which is why
 * it keeps Read and Describe on {@code T_m.staging} (its pattern subscription would otherwise skip those records, left
 * stranded and unreported).
 */
public final class OlderMajors {

    /** How many majors below the current one keep their readers. */
    public static final int KEPT = 100;

    private OlderMajors() {
    }

    /** The names of {@code names}' older generations, newest first: majors {@code n-1} down to 1 (at most {@link #KEPT}). */
    public static List<ProductNames> of(ProductNames names) {
        int oldest = Math.max(1, names.major() - KEPT);
        List<ProductNames> older = new ArrayList<>();
        for (int major = names.major() - 1; major >= oldest; major--) {
            older.add(new ProductNames(names.domain(), names.product(), major));
        }
        return older;
    }

    /** The bindings that keep {@code product}'s older generations readable, for its owner, consumers and the mesh services. */
    public static List<AclBinding> bindings(DataProduct product) {
        List<AclBinding> bindings = new ArrayList<>();
        for (ProductNames older : of(product.names())) {
            bindings.addAll(ProductAcls.readers(older, product));
            bindings.addAll(Acls.topic(KafkaPrincipals.GATE, older.stagingTopic(), READ, DESCRIBE));
        }
        return bindings;
    }

    /** What an access grant's {@code principal} reads of {@code names}' older generations. */
    public static List<AclBinding> grantReads(String principal, ProductNames names) {
        List<AclBinding> bindings = new ArrayList<>();
        for (ProductNames older : of(names)) {
            bindings.addAll(Acls.topic(principal, older.topic(), READ, DESCRIBE));
        }
        return bindings;
    }
}
