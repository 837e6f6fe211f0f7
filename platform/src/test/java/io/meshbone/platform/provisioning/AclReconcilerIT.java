package io.meshbone.platform.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import io.meshbone.localkafka.KafkaCluster;
import io.meshbone.localkafka.LocalKafka;
import io.meshbone.localkafka.testing.SharedKafka;
import io.meshbone.localkafka.testing.SharedSecureKafka;
import io.meshbone.localkafka.testing.TestTopics;
import io.meshbone.platform.contract.DataProduct;
import io.meshbone.platform.control.AccessGrant;
import io.meshbone.platform.security.ServiceAcls;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;

/** {@link AclReconciler} against real brokers: an open one (no authorizer) and a secure one. */
class AclReconcilerIT {

    // Other security ITs share the secure broker and rely on the services' fixed bindings: every plan here keeps them.
    private static final List<AclBinding> SERVICES = ServiceAcls.services();

    @Test
    void anOpenClusterHasNoAuthorizer() {
        KafkaCluster open = SharedKafka.acquire();
        try (Admin admin = Admin.create(open.clientConfig())) {
            assertThat(new AclReconciler(admin).authorizerPresent()).isFalse();
        } finally {
            SharedKafka.release();
        }
    }

    @Test
    void createsTheMissingBindingsDeletesTheUnwantedManagedOnesAndLeavesOthersAlone() throws Exception {
        LocalKafka secure = SharedSecureKafka.acquire();
        try (Admin admin = Admin.create(secure.adminClientConfig())) {
            AclReconciler reconciler = new AclReconciler(admin);
            assertThat(reconciler.authorizerPresent()).isTrue();
            String domain = TestTopics.unique("zeta");
            DataProduct product = AclFixtures.product(domain, "thing", 1, List.of());
            AccessGrant grant = new AccessGrant(domain + ".thing", "User:alice", false, "req-1", "audit", "User:admin", Instant.now());
            AclBinding operators = new AclBinding(new ResourcePattern(ResourceType.TOPIC, TestTopics.unique("ops"), PatternType.LITERAL),
                    new AccessControlEntry("User:ops", "*", AclOperation.READ, AclPermissionType.ALLOW));
            admin.createAcls(List.of(operators)).all().get();
            AclOwnership ownership = AclOwnership.of(List.of(product));

            AclPlan withGrant = AclPlan.of(List.of(product), List.of(grant), List.of(), SERVICES);
            AclReconcileResult first = reconciler.reconcile(withGrant, ownership);
            assertThat(first.created()).containsExactlyInAnyOrderElementsOf(withGrant.bindings());
            assertThat(reconciler.reconcile(withGrant, ownership).unchanged()).isTrue();

            AclPlan revoked = AclPlan.of(List.of(product), List.of(), List.of(), SERVICES);
            AclReconcileResult second = reconciler.reconcile(revoked, ownership);
            assertThat(second.created()).isEmpty();
            assertThat(second.deleted()).extracting(b -> b.entry().principal()).containsOnly("User:alice").isNotEmpty();

            AclReconcileResult retired = reconciler.reconcile(AclPlan.of(List.of(), List.of(), List.of(), SERVICES), ownership);
            assertThat(retired.deleted()).containsAll(revoked.bindings().stream().filter(b -> !SERVICES.contains(b)).toList())
                    .doesNotContainAnyElementsOf(SERVICES);
            assertThat(admin.describeAcls(AclBindingFilter.ANY).values().get()).contains(operators)
                    .noneMatch(b -> b.pattern().name().startsWith(domain));
        } finally {
            SharedSecureKafka.release();
        }
    }
}
