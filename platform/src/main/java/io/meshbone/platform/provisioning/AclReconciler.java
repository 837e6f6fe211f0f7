package io.meshbone.platform.provisioning;

import static io.meshbone.platform.provisioning.AdminCalls.await;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.errors.SecurityDisabledException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the cluster's managed ACLs equal an {@link AclPlan} through the {@link Admin} API: creates the missing
 * bindings and deletes the managed ones the plan no longer wants, each in batched calls. Bindings
 * {@link AclOwnership} does not claim are never touched. Running it twice changes nothing the second time.
 */
public final class AclReconciler {

    private static final Logger log = LoggerFactory.getLogger(AclReconciler.class);
    /** Bindings per createAcls/deleteAcls request, so a large mesh does not make one huge request. */
    static final int BATCH = 1000;

    private final Admin admin;

    public AclReconciler(Admin admin) {
        this.admin = admin;
    }

    /**
     * Whether the cluster has an authorizer: false when it answers ACL requests with {@link SecurityDisabledException},
     * as an open cluster does.
     */
    public boolean authorizerPresent() {
        try {
            admin.describeAcls(AclBindingFilter.ANY).values().get();
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SecurityDisabledException) {
                return false;
            }
            throw new ProvisioningException("cannot describe ACLs: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProvisioningException("interrupted while describing ACLs", e);
        }
    }

    /** One pass: the managed bindings become those of {@code plan}. */
    public AclReconcileResult reconcile(AclPlan plan, AclOwnership ownership) {
        Set<AclBinding> existing = new HashSet<>(await(admin.describeAcls(AclBindingFilter.ANY).values(), "describe ACLs"));
        List<AclBinding> missing = plan.bindings().stream().filter(binding -> !existing.contains(binding)).toList();
        List<AclBinding> unwanted = existing.stream()
                .filter(binding -> ownership.manages(binding) && !plan.bindings().contains(binding))
                .toList();
        for (List<AclBinding> batch : batches(missing)) {
            await(admin.createAcls(batch).all(), "create " + batch.size() + " ACLs");
        }
        for (List<AclBinding> batch : batches(unwanted)) {
            await(admin.deleteAcls(batch.stream().map(AclBinding::toFilter).toList()).all(), "delete " + batch.size() + " ACLs");
        }
        AclReconcileResult result = new AclReconcileResult(missing, unwanted);
        if (!result.unchanged()) {
            log.info("reconciled ACLs: created {}, deleted {}", missing.size(), unwanted.size());
        }
        return result;
    }

    private static List<List<AclBinding>> batches(Collection<AclBinding> bindings) {
        List<List<AclBinding>> batches = new ArrayList<>();
        List<AclBinding> all = List.copyOf(bindings);
        for (int from = 0; from < all.size(); from += BATCH) {
            batches.add(all.subList(from, Math.min(all.size(), from + BATCH)));
        }
        return batches;
    }

}
