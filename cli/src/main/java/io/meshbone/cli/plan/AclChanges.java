package io.meshbone.cli.plan;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.meshbone.platform.contract.DataProduct;
import io.meshbone.platform.control.AccessGrant;
import io.meshbone.platform.provisioning.AclOwnership;
import io.meshbone.platform.provisioning.AclPlan;
import io.meshbone.platform.security.ServiceAcls;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;

/**
 * The ACL lines of a product's plan: the provisioner's own plan for the product ({@link AclPlan#forProduct}) compared
 * with its plan for the listed version, so the plan shows exactly what the ACL reconciler of a secure mesh would do.
 */
final class AclChanges {

    private static final List<AclBinding> SERVICES = ServiceAcls.services();

    private AclChanges() {
    }

    /**
     * {@code + acl} for the bindings {@code product} adds, {@code = acl} for those the {@code listed} version has too,
     * {@code - acl} for the listed version's that the reconciler would delete; product topics first, then groups.
     *
     * @param grants  the product's approved access grants, as far as they are known
     * @param domains the mesh's other domains, whose prefixes may reach the product's topics
     */
    static List<Change> of(DataProduct product, Optional<DataProduct> listed, Collection<AccessGrant> grants,
                           Collection<String> domains) {
        Set<AclBinding> after = AclPlan.forProduct(product, grants, domains, SERVICES);
        Set<AclBinding> before = listed.map(p -> AclPlan.forProduct(p, grants, domains, SERVICES)).orElse(Set.of());
        // The reconciler deletes only what it manages: a mesh principal's bindings anywhere, anyone's on the product's topics
        // (its older majors' included).
        AclOwnership ownership = AclOwnership.of(List.of(product));
        List<Map.Entry<AclBinding, Change.Kind>> lines = new ArrayList<>();
        after.forEach(b -> lines.add(Map.entry(b, before.contains(b) ? Change.Kind.UNCHANGED : Change.Kind.CREATE)));
        before.stream().filter(b -> !after.contains(b) && ownership.manages(b)).forEach(b -> lines.add(Map.entry(b, Change.Kind.REMOVE)));
        List<String> topics = new ArrayList<>(AclPlan.topicsOf(product.names()));
        listed.map(p -> AclPlan.topicsOf(p.names())).orElse(List.of()).stream().filter(t -> !topics.contains(t)).forEach(topics::add);
        lines.sort(Map.Entry.comparingByKey(order(topics)));
        return lines.stream().map(line -> change(line.getKey(), line.getValue())).toList();
    }

    /** The product's topics in {@code topics}' order, then groups; on each, by principal, ALLOW before DENY, by operation. */
    private static Comparator<AclBinding> order(List<String> topics) {
        return Comparator.comparingInt((AclBinding b) -> {
                    int index = topics.indexOf(b.pattern().name());
                    return index < 0 ? topics.size() : index;
                })
                .thenComparing(b -> b.pattern().name())
                .thenComparing(b -> b.entry().principal())
                .thenComparing(b -> b.entry().permissionType())
                .thenComparing(b -> b.entry().operation());
    }

    /** {@code topic <name>} (or {@code group prefix <name>}) and Kafka's own rendering of the entry, {@code (principal=…, host=*, operation=…, permissionType=…)}. */
    static Change change(AclBinding acl, Change.Kind kind) {
        return new Change(Change.Resource.ACL, kind, resource(acl.pattern()), acl.entry().toString());
    }

    private static String resource(ResourcePattern pattern) {
        return pattern.resourceType().name().toLowerCase(Locale.ROOT)
                + (pattern.patternType() == PatternType.PREFIXED ? " prefix " : " ") + pattern.name();
    }
}
