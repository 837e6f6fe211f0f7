package io.meshbone.cli.internal;

import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.QuorumInfo;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;

/**
 * Waits until a cluster has ACLs someone else grants (the provisioner's reconciler) and every broker has read them:
 * {@code describeAcls} shows them once the controller committed them; brokers apply them as their metadata log
 * catches up, so it then waits until every broker has fetched the metadata log as far as the quorum had committed.
 */
public final class GrantedAcls {

    private static final long POLL_MILLIS = 100;

    private GrantedAcls() {
    }

    /**
     * Returns once every one of {@code wanted} is in the cluster at {@code adminConfig} (a super user's login) and on
     * every broker; {@code checkpoint} runs between looks (it may throw to give up).
     */
    public static void await(Map<String, Object> adminConfig, Collection<AclBinding> wanted, Duration timeout,
                             Runnable checkpoint) throws TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(adminConfig)) {
            Set<AclBinding> missing = new HashSet<>(wanted);
            while (true) {
                missing.removeAll(admin.describeAcls(AclBindingFilter.ANY).values().get());
                if (missing.isEmpty()) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException(missing.size() + " of " + wanted.size() + " ACLs were not granted within "
                            + timeout.toSeconds() + " s, e.g. " + missing.iterator().next());
                }
                pause(checkpoint);
            }
            long committed = admin.describeMetadataQuorum().quorumInfo().get().highWatermark();
            while (!brokersReached(admin.describeMetadataQuorum().quorumInfo().get(), committed)) {
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException("the brokers did not read the metadata log up to offset " + committed
                            + " within " + timeout.toSeconds() + " s");
                }
                pause(checkpoint);
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the cluster's ACLs: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for ACLs", e);
        }
    }

    /** Brokers that are not controllers are the quorum's observers; a combined node is a voter and has committed. */
    private static boolean brokersReached(QuorumInfo quorum, long offset) {
        List<QuorumInfo.ReplicaState> observers = quorum.observers();
        return observers.stream().allMatch(observer -> observer.logEndOffset() >= offset);
    }

    private static void pause(Runnable checkpoint) throws InterruptedException {
        checkpoint.run();
        Thread.sleep(POLL_MILLIS);
    }
}
