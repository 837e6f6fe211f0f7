package io.meshbone.platform.security;

import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;

/** Creates ACLs through an admin login and waits until the cluster lists them all. */
public final class AclGrants {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private AclGrants() {
    }

    /** Creates {@code acls} (creating an existing one is a no-op); returns once a describe lists every one. */
    public static void grant(Admin admin, Collection<AclBinding> acls) {
        Set<AclBinding> wanted = new HashSet<>(acls);
        try {
            admin.createAcls(List.copyOf(wanted)).all().get();
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            // ACLs reach the brokers' authorizers asynchronously.
            while (!admin.describeAcls(AclBindingFilter.ANY).values().get().containsAll(wanted)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(wanted.size() + " ACLs not all visible within " + TIMEOUT);
                }
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating ACLs", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create ACLs: " + e.getCause().getMessage(), e.getCause());
        }
    }
}
