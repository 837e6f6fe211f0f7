package io.meshbone.platform.provisioning;

import static org.apache.kafka.common.acl.AclOperation.ALL;
import static org.apache.kafka.common.acl.AclOperation.CREATE;
import static org.apache.kafka.common.acl.AclOperation.DESCRIBE;
import static org.apache.kafka.common.acl.AclOperation.IDEMPOTENT_WRITE;
import static org.apache.kafka.common.acl.AclOperation.READ;
import static org.apache.kafka.common.acl.AclOperation.WRITE;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.acl.AclBinding;

/**
 * The ACLs every domain has regardless of its products: its consumer groups, its raw topics, and for its Kafka
 * Streams apps (application ids {@code <domain>-…}) their internal topics and transactional ids, all by prefix.
 */
public final class DomainAcls {

    private DomainAcls() {
    }

    /** The prefixes of a domain's raw topics: {@code orders.raw.orders} (CDC), {@code orders.raw-checkout} (demo). */
    public static List<String> rawPrefixes(String domain) {
        return List.of(domain + ".raw.", domain + ".raw-");
    }

    /** {@code <domain>-}: the domain's application ids, and so its Streams apps' groups, internal topics and transactional ids. */
    public static String appPrefix(String domain) {
        return domain + "-";
    }

    public static List<AclBinding> of(String domain) {
        String team = MeshPrincipals.team(domain);
        String app = MeshPrincipals.app(domain);
        List<AclBinding> bindings = new ArrayList<>();
        for (String principal : List.of(team, app)) {
            bindings.addAll(Acls.groupPrefix(principal, appPrefix(domain), READ, DESCRIBE));
            for (String raw : rawPrefixes(domain)) {
                bindings.addAll(Acls.topicPrefix(principal, raw, READ, WRITE, DESCRIBE, CREATE));
            }
        }
        // Streams makes, reads, writes, purges and reconfigures its changelog and repartition topics: all of it.
        bindings.addAll(Acls.topicPrefix(app, appPrefix(domain), ALL));
        bindings.addAll(Acls.transactionalIdPrefix(app, appPrefix(domain), WRITE, DESCRIBE));
        bindings.addAll(Acls.cluster(app, IDEMPOTENT_WRITE));
        // CDC source connectors and the demo's generators feed the domain's raw topics.
        for (String feeder : List.of(MeshPrincipals.CONNECT, MeshPrincipals.DEMO)) {
            for (String raw : rawPrefixes(domain)) {
                bindings.addAll(Acls.topicPrefix(feeder, raw, WRITE, DESCRIBE, CREATE));
            }
        }
        return bindings;
    }
}
