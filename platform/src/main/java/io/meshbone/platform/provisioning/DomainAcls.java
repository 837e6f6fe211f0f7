package io.meshbone.platform.provisioning;

import static org.apache.kafka.common.acl.AclOperation.CREATE;
import static org.apache.kafka.common.acl.AclOperation.DESCRIBE;
import static org.apache.kafka.common.acl.AclOperation.READ;
import static org.apache.kafka.common.acl.AclOperation.WRITE;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import io.meshbone.platform.security.ServiceAcls;
import org.apache.kafka.common.acl.AclBinding;

/**
 * The ACLs every domain has regardless of its products: its team's consumer groups and raw topics, its apps' Streams
 * internal topics, groups and transactional ids ({@link ServiceAcls#domainApps}, by the {@code <domain>-} prefix of
 * their application ids), and the raw topics CDC connectors and the demo feed.
 */
public final class DomainAcls {

    private DomainAcls() {
    }

    /** {@code <domain>.raw}: the prefix of a domain's raw topics, {@code orders.raw.orders} (CDC), {@code orders.raw-checkout} (demo). */
    public static String rawPrefix(String domain) {
        return domain + ".raw";
    }

    /** {@code <domain>-}: the domain's application ids, and so its groups. */
    public static String appPrefix(String domain) {
        return domain + "-";
    }

    /** The bindings of {@code domain}, one of {@code allDomains} (whose raw topics its apps may create). */
    public static List<AclBinding> of(String domain, Collection<String> allDomains) {
        String team = KafkaPrincipals.team(domain);
        List<AclBinding> bindings = new ArrayList<>(ServiceAcls.domainApps(domain, allDomains));
        bindings.addAll(Acls.groupPrefix(team, appPrefix(domain), READ, DESCRIBE));
        bindings.addAll(Acls.topicPrefix(team, rawPrefix(domain), READ, WRITE, DESCRIBE, CREATE));
        bindings.addAll(ServiceAcls.demoRawTopics(domain));
        // CDC source connectors feed the domain's raw topics.
        bindings.addAll(Acls.topicPrefix(KafkaPrincipals.CONNECT, rawPrefix(domain), WRITE, DESCRIBE, CREATE));
        return bindings;
    }
}
