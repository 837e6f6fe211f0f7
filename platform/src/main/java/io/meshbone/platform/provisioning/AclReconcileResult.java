package io.meshbone.platform.provisioning;

import java.util.List;

import org.apache.kafka.common.acl.AclBinding;

/**
 * What one ACL reconciliation pass changed.
 *
 * @param created bindings the plan wanted and the cluster lacked
 * @param deleted managed bindings the plan no longer wants (a retired product, a revoked grant, a removed consumer)
 */
public record AclReconcileResult(List<AclBinding> created, List<AclBinding> deleted) {

    public AclReconcileResult {
        created = List.copyOf(created);
        deleted = List.copyOf(deleted);
    }

    /** True when the cluster already had exactly the planned managed bindings. */
    public boolean unchanged() {
        return created.isEmpty() && deleted.isEmpty();
    }
}
