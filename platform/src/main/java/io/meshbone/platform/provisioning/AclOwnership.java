package io.meshbone.platform.provisioning;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import io.meshbone.platform.contract.DataProduct;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Which of a cluster's ACLs Meshbone manages, and so may delete when no plan wants them: every binding of a mesh
 * principal ({@link KafkaPrincipals#isMeshPrincipal}), every binding, whoever it is for, on the product, staging or
 * DLQ topic of a product ever listed on {@code _mesh.products} (retired ones included), at its listed major or an older
 * one ({@link AclPlan#topicsOf}), and the group binding an
 * access grant gives its principal ({@code User:alice} on groups prefixed {@code alice-}). Every other binding is an
 * operator's and is left alone.
 *
 * @param productTopics the topics of every listed product, retired or not
 */
public record AclOwnership(Set<String> productTopics) {

    public AclOwnership {
        productTopics = Set.copyOf(productTopics);
    }

    /** Ownership over the topics of {@code listed}, every product ever listed, retired ones included. */
    public static AclOwnership of(Collection<DataProduct> listed) {
        Set<String> topics = new HashSet<>();
        listed.forEach(product -> topics.addAll(AclPlan.topicsOf(product.names())));
        return new AclOwnership(topics);
    }

    public boolean manages(AclBinding binding) {
        if (KafkaPrincipals.isMeshPrincipal(binding.entry().principal())) {
            return true;
        }
        if (binding.pattern().resourceType() == ResourceType.GROUP && binding.pattern().patternType() == PatternType.PREFIXED) {
            return binding.pattern().name().equals(AclPlan.grantGroupPrefix(binding.entry().principal()));
        }
        return binding.pattern().resourceType() == ResourceType.TOPIC && binding.pattern().patternType() == PatternType.LITERAL
                && productTopics.contains(binding.pattern().name());
    }
}
