package io.meshbone.cli.internal;

import static org.apache.kafka.common.acl.AclOperation.DESCRIBE;
import static org.apache.kafka.common.acl.AclOperation.WRITE;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;

import io.meshbone.connect.ConnectWorkerSettings;
import io.meshbone.connect.replication.ReplicationPlanner;
import io.meshbone.connect.replication.ReplicationRoute;
import io.meshbone.platform.contract.DataProduct;
import io.meshbone.platform.mesh.MeshCluster;
import io.meshbone.platform.mesh.MeshTopology;
import io.meshbone.platform.provisioning.Acls;
import io.meshbone.platform.provisioning.CopyAcls;
import io.meshbone.platform.provisioning.KafkaPrincipals;
import io.meshbone.platform.security.MeshPrincipals;
import io.meshbone.platform.security.ServiceAcls;
import org.apache.kafka.common.acl.AclBinding;

/**
 * What each cluster of a secure isolated mesh grants beyond the plan its own provisioner derives from its own
 * listings: MirrorMaker's reads of the products copied away and its writes of the copies made here, the copies'
 * readers, MirrorMaker's own topics, and every example domain's app and demo grants (an app part makes every raw topic
 * and resolves products listed elsewhere, whichever cluster it runs on). Each cluster's provisioner keeps these in its plan, so its reconciler does not revoke them.
 */
public final class IsolatedAcls {

    static final String EXACTLY_ONCE_LEADER = "connect-cluster-" + ConnectWorkerSettings.DEFAULT_GROUP;

    private IsolatedAcls() {
    }

    /** By cluster name: the grants for {@code products} listed on their home clusters and copied as MirrorMaker plans it. */
    public static Map<String, List<AclBinding>> of(MeshTopology topology, Collection<DataProduct> products) {
        Map<String, List<AclBinding>> byCluster = new LinkedHashMap<>();
        for (MeshCluster cluster : topology.clusters()) {
            List<AclBinding> acls = new ArrayList<>(ServiceAcls.mirror());
            // Each cluster's worker runs with exactly-once source support: its leader writes the config topic in
            // transactions of its own, connect-cluster-<group>.
            acls.addAll(Acls.transactionalIdPrefix(KafkaPrincipals.CONNECT, EXACTLY_ONCE_LEADER, WRITE, DESCRIBE));
            // Every app part makes sure every domain's raw topics exist and resolves products listed elsewhere, and the
            // demo writes each domain's raw events: each example domain's grants on every cluster, as up --secure has them.
            MeshPrincipals.EXAMPLE_DOMAINS.forEach(domain -> {
                acls.addAll(ServiceAcls.domainApps(domain, MeshPrincipals.EXAMPLE_DOMAINS));
                acls.addAll(ServiceAcls.demoRawTopics(domain));
            });
            byCluster.put(cluster.name(), acls);
        }
        Map<ReplicationRoute, SortedSet<String>> routes = ReplicationPlanner.plan(topology, products);
        routes.forEach((route, topics) -> {
            for (DataProduct product : products) {
                if (topics.contains(product.names().topic())) {
                    byCluster.get(route.source()).addAll(CopyAcls.source(product));
                    byCluster.get(route.target()).addAll(CopyAcls.target(product));
                }
            }
        });
        return byCluster;
    }
}
