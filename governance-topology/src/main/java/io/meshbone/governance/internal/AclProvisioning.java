package io.meshbone.governance.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.meshbone.platform.contract.DataProduct;
import io.meshbone.platform.contract.ParsedDescriptor;
import io.meshbone.platform.control.AccessGrant;
import io.meshbone.platform.control.ListedProduct;
import io.meshbone.platform.control.MeshJson;
import io.meshbone.platform.control.MeshTopics;
import io.meshbone.platform.provisioning.AclOwnership;
import io.meshbone.platform.provisioning.AclPlan;
import io.meshbone.platform.provisioning.AclReconciler;
import io.meshbone.platform.security.ServiceAcls;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.acl.AclBinding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The provisioner's ACL side: folds {@code _mesh.access-grants} and {@code _mesh.domains}, and makes the cluster's
 * managed ACLs match the plan of the listed products, the grants, the domains and the services.
 *
 * <p>It only runs where the cluster has an authorizer: an open cluster answers ACL requests with
 * {@code SecurityDisabledException}, which means "ACLs off" and is logged once.
 */
public final class AclProvisioning {

    private static final Logger log = LoggerFactory.getLogger(AclProvisioning.class);
    /** The topics it folds beside {@code _mesh.products}. */
    public static final List<String> TOPICS = List.of(MeshTopics.ACCESS_GRANTS, MeshTopics.DOMAINS);

    private static final Duration RETRY = Duration.ofSeconds(5);

    private final boolean wanted;
    private final List<AclBinding> fixed;
    private final Map<String, AccessGrant> grants = new HashMap<>();
    private final Set<String> domains = new TreeSet<>();
    private boolean offLogged;
    private boolean dirty = true;
    private long retryAtNanos = System.nanoTime();

    /** @param wanted false turns ACL provisioning off whatever the cluster has */
    public AclProvisioning(boolean wanted) {
        this(wanted, List.of());
    }

    /**
     * @param wanted false turns ACL provisioning off whatever the cluster has
     * @param extra  bindings every plan keeps beside the services' (e.g. grants on another cluster's products copied here)
     */
    public AclProvisioning(boolean wanted, List<AclBinding> extra) {
        this.wanted = wanted;
        List<AclBinding> all = new ArrayList<>(ServiceAcls.services());
        all.addAll(extra);
        this.fixed = List.copyOf(all);
    }

    /** Whether this attempt provisions ACLs: wanted and the cluster has an authorizer. Starts an empty view. */
    public boolean start(Admin admin) {
        grants.clear();
        domains.clear();
        dirty = true;
        if (!wanted) {
            return false;
        }
        if (new AclReconciler(admin).authorizerPresent()) {
            return true;
        }
        if (!offLogged) {
            log.info("the cluster has no authorizer (SecurityDisabledException): ACLs off, the provisioner manages topics only");
            offLogged = true;
        }
        return false;
    }

    /** Folds one record of {@link #TOPICS}; true when it changed the view. */
    public boolean apply(ConsumerRecord<String, String> record) {
        boolean changed;
        if (record.topic().equals(MeshTopics.DOMAINS)) {
            changed = record.value() == null ? domains.remove(record.key()) : domains.add(record.key());
        } else if (record.value() == null) {
            changed = grants.remove(record.key()) != null;
        } else {
            changed = foldGrant(record);
        }
        dirty |= changed;
        return changed;
    }

    private boolean foldGrant(ConsumerRecord<String, String> record) {
        try {
            AccessGrant grant = MeshJson.read(record.value(), AccessGrant.class);
            if (grant.product() == null || grant.principal() == null || !grant.key().equals(record.key())) {
                log.warn("skipping access grant at offset {}: it lacks product or principal, or is not keyed <product>|<principal>",
                        record.offset());
                return false;
            }
            return !grant.equals(grants.put(record.key(), grant));
        } catch (Exception e) {
            log.warn("skipping unreadable access grant at offset {} ({})", record.offset(), e.getClass().getSimpleName());
            return false;
        }
    }

    /** Marks the view changed, e.g. after a listing changed, so the next {@link #reconcile} is due. */
    public void changed() {
        dirty = true;
    }

    /** Whether a pass is due: something changed since the last successful one, and a failed one's backoff is over. */
    public boolean due() {
        return dirty && System.nanoTime() >= retryAtNanos;
    }

    /** One pass over the listings (retired ones lose their ACLs) and their parsed contracts; a failure is retried after a pause. */
    public void reconcile(Admin admin, Collection<ListedProduct> listed, Map<String, ParsedDescriptor> contracts) {
        List<DataProduct> active = new ArrayList<>();
        List<DataProduct> everListed = new ArrayList<>();
        for (ListedProduct listing : listed) {
            ParsedDescriptor parsed = contracts.get(listing.name());
            if (parsed == null || !parsed.valid()) {
                continue;
            }
            DataProduct product = parsed.orThrow();
            everListed.add(product);
            if (!listing.retired()) {
                active.add(product);
            }
        }
        try {
            new AclReconciler(admin).reconcile(AclPlan.of(active, grants.values(), domains, fixed),
                    AclOwnership.of(everListed));
            dirty = false;
        } catch (RuntimeException e) {
            retryAtNanos = System.nanoTime() + RETRY.toNanos();
            log.warn("cannot reconcile ACLs, retrying in {}: {}", RETRY, e.getMessage());
        }
    }
}
