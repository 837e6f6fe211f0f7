package io.meshbone.platform.provisioning;

import static org.apache.kafka.common.acl.AclOperation.DESCRIBE;
import static org.apache.kafka.common.acl.AclOperation.READ;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

import io.meshbone.platform.contract.DataProduct;
import io.meshbone.platform.contract.ProductNames;
import io.meshbone.platform.control.AccessGrant;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Every ACL a secure mesh should have, derived from its listed products, its access grants, its domains and the mesh
 * services' fixed needs; {@link AclReconciler} makes the cluster match it.
 *
 * @param bindings the wanted bindings, ALLOW and the DENY ones of {@link PrefixGuard}
 */
public record AclPlan(Set<AclBinding> bindings) {

    private static final String PRINCIPAL_TYPE = "User:";

    public AclPlan {
        bindings = Set.copyOf(bindings);
    }

    /**
     * The plan for these listed, unretired {@code products}, the approved {@code grants} (those of products not listed
     * are ignored), the {@code domains} of {@code _mesh.domains} (the products' owners and the domains their
     * {@code consumers:} name are added) and the mesh {@code services}' own bindings. A product at major {@code n} is
     * planned on its current topics and, for its readers only, on its older generations' ({@link OlderMajors}).
     */
    public static AclPlan of(Collection<DataProduct> products, Collection<AccessGrant> grants, Collection<String> domains,
                             Collection<AclBinding> services) {
        Set<AclBinding> allows = new LinkedHashSet<>(services);
        Set<String> allDomains = new TreeSet<>(domains);
        Map<String, ProductNames> byName = new HashMap<>();
        List<String> productTopics = new ArrayList<>();
        for (DataProduct product : products) {
            allows.addAll(ProductAcls.of(product));
            allows.addAll(OlderMajors.bindings(product));
            allDomains.add(product.names().domain());
            allDomains.addAll(ProductAcls.consumerDomains(product));
            byName.put(product.name(), product.names());
            productTopics.addAll(topicsOf(product.names()));
        }
        for (String domain : allDomains) {
            if (ProductNames.isNamePart(domain)) {
                allows.addAll(DomainAcls.of(domain, allDomains));
            }
        }
        for (AccessGrant grant : grants) {
            ProductNames names = byName.get(grant.product());
            if (names != null && isUser(grant.principal())) {
                allows.addAll(Acls.topic(grant.principal(), names.topic(), READ, DESCRIBE));
                allows.addAll(OlderMajors.grantReads(grant.principal(), names));
                // A granted user reads with group ids that start with its name, as a domain's do with the domain's.
                allows.addAll(Acls.groupPrefix(grant.principal(), grantGroupPrefix(grant.principal()), READ, DESCRIBE));
            }
        }
        Set<AclBinding> all = new LinkedHashSet<>(allows);
        all.addAll(PrefixGuard.denials(allows, productTopics));
        return new AclPlan(all);
    }

    /**
     * One product's share of {@link #of}: what a mesh holding {@code product} wants on its product, staging and DLQ
     * topics, its older majors' included (the ALLOWs and the DENYs that keep prefixes off them), and the group bindings of the principals
     * {@code grants} gives it. {@code domains} are the others the mesh knows ({@code _mesh.domains}, the other listed
     * products' owners and the domains their {@code consumers:} name): their prefixes may reach the product's topics.
     */
    public static Set<AclBinding> forProduct(DataProduct product, Collection<AccessGrant> grants, Collection<String> domains,
                                             Collection<AclBinding> services) {
        List<AccessGrant> own = grants.stream().filter(g -> product.name().equals(g.product())).toList();
        Set<String> topics = Set.copyOf(topicsOf(product.names()));
        Set<String> granted = new HashSet<>();
        own.stream().map(AccessGrant::principal).filter(AclPlan::isUser).forEach(granted::add);
        Set<AclBinding> share = new LinkedHashSet<>();
        for (AclBinding binding : of(List.of(product), own, domains, services).bindings()) {
            ResourcePattern pattern = binding.pattern();
            boolean onTopic = pattern.resourceType() == ResourceType.TOPIC && pattern.patternType() == PatternType.LITERAL
                    && topics.contains(pattern.name());
            boolean grantGroup = pattern.resourceType() == ResourceType.GROUP && pattern.patternType() == PatternType.PREFIXED
                    && granted.contains(binding.entry().principal())
                    && pattern.name().equals(grantGroupPrefix(binding.entry().principal()));
            if (onTopic || grantGroup) {
                share.add(binding);
            }
        }
        return share;
    }

    /** {@code <user>-}: the group ids a granted principal {@code User:<user>} reads with. */
    public static String grantGroupPrefix(String principal) {
        return principal.substring(principal.indexOf(':') + 1) + "-";
    }

    /**
     * The product, staging and DLQ topics of a product, the current major's first, then those of its older majors
     * ({@link OlderMajors#of}), newest first: the topics whose ACLs Meshbone owns whoever they are for.
     */
    public static List<String> topicsOf(ProductNames names) {
        List<String> topics = new ArrayList<>(List.of(names.topic(), names.stagingTopic(), names.dlqTopic()));
        for (ProductNames older : OlderMajors.of(names)) {
            topics.addAll(List.of(older.topic(), older.stagingTopic(), older.dlqTopic()));
        }
        return topics;
    }

    /** The plan's bindings grouped by principal, each group in a stable order; for exports such as Strimzi's {@code KafkaUser}. */
    public SortedMap<String, List<AclBinding>> byPrincipal() {
        SortedMap<String, List<AclBinding>> grouped = new TreeMap<>();
        for (AclBinding binding : bindings) {
            grouped.computeIfAbsent(binding.entry().principal(), k -> new ArrayList<>()).add(binding);
        }
        grouped.values().forEach(list -> list.sort(ORDER));
        return grouped;
    }

    private static final Comparator<AclBinding> ORDER = Comparator
            .comparing((AclBinding b) -> b.pattern().resourceType())
            .thenComparing(b -> b.pattern().name())
            .thenComparing(b -> b.pattern().patternType())
            .thenComparing(b -> b.entry().permissionType())
            .thenComparing(b -> b.entry().operation());

    private static boolean isUser(String principal) {
        return principal != null && principal.startsWith(PRINCIPAL_TYPE) && principal.length() > PRINCIPAL_TYPE.length();
    }
}
