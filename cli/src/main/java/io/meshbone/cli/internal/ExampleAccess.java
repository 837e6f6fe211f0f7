package io.meshbone.cli.internal;

import static org.apache.kafka.common.acl.AclOperation.DESCRIBE;
import static org.apache.kafka.common.acl.AclOperation.READ;
import static org.apache.kafka.common.acl.AclOperation.WRITE;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import io.meshbone.domains.DomainApp;
import io.meshbone.platform.contract.DataProduct;
import io.meshbone.platform.contract.ProductNames;
import io.meshbone.platform.provisioning.Acls;
import io.meshbone.platform.provisioning.KafkaPrincipals;
import io.meshbone.platform.security.MeshPrincipals;
import io.meshbone.platform.security.ServiceAcls;
import org.apache.kafka.common.acl.AclBinding;

/**
 * What the example flow of a secure {@code up} needs from Kafka's ACLs before its clients start: each domain app
 * reads the products it names and writes its own domain's staging topics, Streams internals by its
 * {@code <domain>-} prefix; the demo writes the raw topics; the catalog and Connect read every product.
 *
 * <p>Nothing here is granted: the provisioner's ACL reconciler grants all of it from {@code _mesh.products}
 * ({@link io.meshbone.platform.provisioning.AclPlan}); {@code up} waits until the cluster has it, so no client races
 * into a {@code TopicAuthorizationException}. A need the plan does not meet makes {@code up} fail, not an app.
 */
public final class ExampleAccess {

    private ExampleAccess() {
    }

    /** The ALLOW bindings {@code apps} (of the example domains), the demo, the catalog and Connect need on {@code listed}. */
    public static Set<AclBinding> needs(Map<String, DataProduct> listed, Collection<DomainApp> apps) {
        Set<AclBinding> needs = new LinkedHashSet<>();
        for (String domain : MeshPrincipals.EXAMPLE_DOMAINS) {
            needs.addAll(ServiceAcls.domainApps(domain, MeshPrincipals.EXAMPLE_DOMAINS));
            needs.addAll(ServiceAcls.demoRawTopics(domain));
        }
        for (DomainApp app : apps) {
            String domain = domainOf(app);
            String principal = KafkaPrincipals.app(domain);
            for (String name : app.products()) {
                DataProduct product = listed.get(name);
                if (product == null) {
                    continue;
                }
                ProductNames names = product.names();
                needs.addAll(Acls.topic(principal, names.topic(), READ, DESCRIBE));
                if (names.domain().equals(domain)) {
                    needs.addAll(Acls.topic(principal, names.stagingTopic(), WRITE, DESCRIBE));
                }
            }
        }
        for (DataProduct product : listed.values()) {
            for (String reader : new String[] {KafkaPrincipals.CATALOG, KafkaPrincipals.CONNECT}) {
                needs.addAll(Acls.topic(reader, product.names().topic(), READ, DESCRIBE));
            }
        }
        return needs;
    }

    /** The example domain whose {@code <domain>-} prefix starts the app's application id. */
    public static String domainOf(DomainApp app) {
        return MeshPrincipals.EXAMPLE_DOMAINS.stream().filter(domain -> app.applicationId().startsWith(domain + "-"))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("application id " + app.applicationId()
                        + ": expected it to start with one of the example domains " + MeshPrincipals.EXAMPLE_DOMAINS + " and '-'"));
    }
}
