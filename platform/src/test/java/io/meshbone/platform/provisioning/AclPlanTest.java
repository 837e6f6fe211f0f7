package io.meshbone.platform.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.apache.kafka.common.acl.AclOperation.ALL;
import static org.apache.kafka.common.acl.AclOperation.CREATE;
import static org.apache.kafka.common.acl.AclOperation.DESCRIBE;
import static org.apache.kafka.common.acl.AclOperation.READ;
import static org.apache.kafka.common.acl.AclOperation.WRITE;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.meshbone.platform.contract.DataProduct;
import io.meshbone.platform.control.AccessGrant;
import io.meshbone.platform.security.ServiceAcls;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;

class AclPlanTest {

    private static final DataProduct ORDERS = AclFixtures.product("orders", "order-placed", 1, List.of("shipping", "analytics"));
    private static final DataProduct PAYMENTS = AclFixtures.product("payments", "payment-settled", 2, List.of());

    private static AclPlan plan(List<AccessGrant> grants) {
        return AclPlan.of(List.of(ORDERS, PAYMENTS), grants, List.of("customers"), List.of());
    }

    @Test
    void theOwningDomainWritesItsStagingTopicAndReadsItsProductAndDlq() {
        AclPlan plan = plan(List.of());
        for (String owner : List.of("User:team-orders", "User:app-orders")) {
            assertThat(plan.bindings()).contains(allow(owner, "orders.order-placed.v1.staging", WRITE),
                    allow(owner, "orders.order-placed.v1.staging", DESCRIBE),
                    allow(owner, "orders.order-placed.v1", READ), allow(owner, "orders.order-placed.v1.dlq", READ));
            assertThat(plan.bindings()).doesNotContain(allow(owner, "orders.order-placed.v1", WRITE),
                    allow(owner, "payments.payment-settled.v2.staging", WRITE));
        }
    }

    @Test
    void onlyTheGateWritesProductAndDlqTopicsAndReadsStaging() {
        AclPlan plan = plan(List.of());
        assertThat(plan.bindings())
                .filteredOn(b -> b.entry().permissionType() == AclPermissionType.ALLOW && b.entry().operation() == WRITE)
                .filteredOn(b -> List.of("orders.order-placed.v1", "orders.order-placed.v1.dlq", "payments.payment-settled.v2",
                        "payments.payment-settled.v2.dlq").contains(b.pattern().name()))
                .extracting(b -> b.entry().principal())
                .containsOnly(KafkaPrincipals.GATE)
                .hasSize(4);
        assertThat(plan.bindings()).contains(allow(KafkaPrincipals.GATE, "orders.order-placed.v1.staging", READ));
    }

    @Test
    void onlyTheConsumersTheContractListsReadTheProduct() {
        AclPlan plan = plan(List.of());
        assertThat(readersOf(plan, "orders.order-placed.v1")).containsExactlyInAnyOrder("User:team-orders", "User:app-orders",
                "User:team-shipping", "User:app-shipping", "User:team-analytics", "User:app-analytics", KafkaPrincipals.CATALOG, KafkaPrincipals.CONNECT, KafkaPrincipals.GATE);
        assertThat(readersOf(plan, "payments.payment-settled.v2")).containsExactlyInAnyOrder("User:team-payments",
                "User:app-payments", KafkaPrincipals.CATALOG, KafkaPrincipals.CONNECT, KafkaPrincipals.GATE);
    }

    @Test
    void anAccessGrantLetsItsPrincipalReadTheProductAndUseItsGroups() {
        AccessGrant grant = new AccessGrant("payments.payment-settled", "User:team-orders", false, "req-1", "reconciliation",
                "User:team-payments", Instant.now());
        AccessGrant unlisted = new AccessGrant("ghost.thing", "User:team-orders", false, "req-2", "why", "User:admin", Instant.now());
        AclPlan plan = plan(List.of(grant, unlisted));
        assertThat(readersOf(plan, "payments.payment-settled.v2")).contains("User:team-orders");
        assertThat(plan.bindings()).contains(new AclBinding(new ResourcePattern(ResourceType.GROUP, "team-orders-", PatternType.PREFIXED),
                new AccessControlEntry("User:team-orders", "*", READ, AclPermissionType.ALLOW)));
        assertThat(plan.bindings()).noneMatch(b -> b.pattern().name().startsWith("ghost."));
    }

    @Test
    void aDomainsStreamsAppsGetTheirInternalTopicsGroupsAndTransactionalIdsByPrefix() {
        AclPlan plan = plan(List.of());
        for (String domain : List.of("orders", "payments", "customers", "shipping")) {
            String app = KafkaPrincipals.app(domain);
            assertThat(plan.bindings()).contains(
                    binding(app, ResourceType.TOPIC, domain + "-", PatternType.PREFIXED, ALL, AclPermissionType.ALLOW),
                    binding(app, ResourceType.GROUP, domain + "-", PatternType.PREFIXED, ALL, AclPermissionType.ALLOW),
                    binding(app, ResourceType.TRANSACTIONAL_ID, domain + "-", PatternType.PREFIXED, ALL, AclPermissionType.ALLOW),
                    binding("User:team-" + domain, ResourceType.GROUP, domain + "-", PatternType.PREFIXED, READ, AclPermissionType.ALLOW),
                    binding(KafkaPrincipals.CONNECT, ResourceType.TOPIC, domain + ".raw", PatternType.PREFIXED, WRITE, AclPermissionType.ALLOW));
        }
    }

    @Test
    void aPrefixThatAlsoNamesAProductTopicIsDeniedThere() {
        DataProduct rawFeed = AclFixtures.product("orders", "raw-feed", 1, List.of());
        DataProduct eu = AclFixtures.product("orders-eu", "order-placed", 1, List.of());
        AclPlan plan = AclPlan.of(List.of(rawFeed, eu), List.of(), List.of(), List.of());
        assertThat(plan.bindings()).contains(
                binding("User:team-orders", ResourceType.TOPIC, "orders.raw-feed.v1", PatternType.LITERAL, WRITE, AclPermissionType.DENY),
                binding(KafkaPrincipals.CONNECT, ResourceType.TOPIC, "orders.raw-feed.v1", PatternType.LITERAL, WRITE, AclPermissionType.DENY),
                binding("User:app-orders", ResourceType.TOPIC, "orders-eu.order-placed.v1.staging", PatternType.LITERAL, WRITE, AclPermissionType.DENY),
                binding("User:app-orders", ResourceType.TOPIC, "orders-eu.order-placed.v1", PatternType.LITERAL, READ, AclPermissionType.DENY));
        // What the plan grants literally stays allowed: the owner still writes its staging topic.
        assertThat(plan.bindings()).doesNotContain(
                binding("User:team-orders", ResourceType.TOPIC, "orders.raw-feed.v1.staging", PatternType.LITERAL, WRITE, AclPermissionType.DENY),
                binding("User:team-orders", ResourceType.TOPIC, "orders.raw-feed.v1.staging", PatternType.LITERAL, DESCRIBE, AclPermissionType.DENY));
        assertThat(plan.bindings()).contains(
                binding("User:team-orders", ResourceType.TOPIC, "orders.raw-feed.v1.staging", PatternType.LITERAL, CREATE, AclPermissionType.DENY));
    }

    @Test
    void aProductsShareIsWhatTheWholePlanWantsOnItsTopicsAndItsGranteesGroups() {
        DataProduct rawFeed = AclFixtures.product("orders", "raw-feed", 1, List.of("analytics"));
        AccessGrant alice = new AccessGrant("orders.raw-feed", "User:alice", false, "req-1", "audit", "User:team-orders", Instant.now());
        AccessGrant bob = new AccessGrant("payments.payment-settled", "User:bob", false, "req-2", "audit", "User:team-payments",
                Instant.now());
        List<AclBinding> services = ServiceAcls.services();
        AclPlan whole = AclPlan.of(List.of(rawFeed, ORDERS, PAYMENTS), List.of(alice, bob), List.of("customers"), services);

        // The other products bring their owners and the domains their consumers name.
        Set<AclBinding> share = AclPlan.forProduct(rawFeed, List.of(alice, bob),
                List.of("customers", "orders", "shipping", "analytics", "payments"), services);

        List<String> topics = List.of("orders.raw-feed.v1", "orders.raw-feed.v1.staging", "orders.raw-feed.v1.dlq");
        assertThat(share).containsExactlyInAnyOrderElementsOf(whole.bindings().stream()
                .filter(b -> b.pattern().patternType() == PatternType.LITERAL && topics.contains(b.pattern().name())
                        || b.pattern().resourceType() == ResourceType.GROUP && b.entry().principal().equals("User:alice"))
                .toList());
        assertThat(share).contains(allow(KafkaPrincipals.GATE, "orders.raw-feed.v1", WRITE),
                allow("User:team-orders", "orders.raw-feed.v1.staging", WRITE), allow("User:app-analytics", "orders.raw-feed.v1", READ),
                allow("User:alice", "orders.raw-feed.v1", READ),
                binding("User:alice", ResourceType.GROUP, "alice-", PatternType.PREFIXED, READ, AclPermissionType.ALLOW),
                binding("User:app-payments", ResourceType.TOPIC, "orders.raw-feed.v1", PatternType.LITERAL, CREATE, AclPermissionType.DENY));
        assertThat(share).noneMatch(b -> b.entry().principal().equals("User:bob"));
    }

    @Test
    void ownershipCoversMeshPrincipalsAndEveryBindingOnListedProductTopicsOnly() {
        AclOwnership ownership = AclOwnership.of(List.of(ORDERS));
        assertThat(ownership.manages(allow("User:team-orders", "anything", READ))).isTrue();
        assertThat(ownership.manages(allow("User:alice", "orders.order-placed.v1", READ))).isTrue();
        assertThat(ownership.manages(allow("User:alice", "alice-private", READ))).isFalse();
        assertThat(ownership.manages(allow("User:admin", "anything", READ))).isFalse();
        assertThat(ownership.manages(binding("User:alice", ResourceType.GROUP, "alice-", PatternType.PREFIXED, READ, AclPermissionType.ALLOW)))
                .isTrue();
        assertThat(ownership.manages(binding("User:alice", ResourceType.GROUP, "reports", PatternType.PREFIXED, READ, AclPermissionType.ALLOW)))
                .isFalse();
    }

    @Test
    void aNewMajorKeepsTheOlderGenerationsReadableButNotWritable() {
        DataProduct settled = AclFixtures.product("payments", "payment-settled", 3, List.of("orders"));
        AccessGrant alice = new AccessGrant("payments.payment-settled", "User:alice", false, "req-1", "audit", "User:team-payments",
                Instant.now());
        AclPlan plan = AclPlan.of(List.of(settled), List.of(alice), List.of(), List.of());
        for (String old : List.of("payments.payment-settled.v1", "payments.payment-settled.v2")) {
            assertThat(readersOf(plan, old)).containsExactlyInAnyOrder("User:team-payments", "User:app-payments",
                    "User:team-orders", "User:app-orders", "User:alice", KafkaPrincipals.CATALOG, KafkaPrincipals.CONNECT);
            assertThat(plan.bindings()).contains(allow("User:app-orders", old, DESCRIBE),
                    allow(KafkaPrincipals.CONNECT, old, AclOperation.DESCRIBE_CONFIGS),
                    allow("User:team-payments", old + ".dlq", READ), allow(KafkaPrincipals.GATE, old + ".staging", READ));
            // Nobody stages on an old generation any more, and the gate publishes only to the current one.
            assertThat(plan.bindings())
                    .filteredOn(b -> b.pattern().name().startsWith(old) && b.entry().permissionType() == AclPermissionType.ALLOW)
                    .noneMatch(b -> b.entry().operation() == WRITE)
                    .noneMatch(b -> b.pattern().name().equals(old + ".staging") && !b.entry().principal().equals(KafkaPrincipals.GATE));
        }
        assertThat(readersOf(plan, "payments.payment-settled.v0")).isEmpty();
        assertThat(plan.bindings()).contains(allow("User:team-payments", "payments.payment-settled.v3.staging", WRITE),
                allow(KafkaPrincipals.GATE, "payments.payment-settled.v3", WRITE));
    }

    @Test
    void prefixGuardsAndOwnershipCoverTheOlderGenerations() {
        DataProduct rawFeed = AclFixtures.product("orders", "raw-feed", 2, List.of());
        AclPlan plan = AclPlan.of(List.of(rawFeed), List.of(), List.of(), List.of());
        assertThat(plan.bindings()).contains(
                binding("User:team-orders", ResourceType.TOPIC, "orders.raw-feed.v1.staging", PatternType.LITERAL, WRITE, AclPermissionType.DENY),
                binding("User:team-orders", ResourceType.TOPIC, "orders.raw-feed.v1", PatternType.LITERAL, WRITE, AclPermissionType.DENY),
                binding(KafkaPrincipals.CONNECT, ResourceType.TOPIC, "orders.raw-feed.v1.dlq", PatternType.LITERAL, WRITE, AclPermissionType.DENY));
        // The literal read the older generation keeps is not denied.
        assertThat(plan.bindings()).doesNotContain(
                binding("User:team-orders", ResourceType.TOPIC, "orders.raw-feed.v1", PatternType.LITERAL, READ, AclPermissionType.DENY));
        AclOwnership ownership = AclOwnership.of(List.of(rawFeed));
        assertThat(ownership.manages(allow("User:alice", "orders.raw-feed.v1", READ))).isTrue();
        assertThat(ownership.manages(allow("User:alice", "orders.raw-feed.v1.staging", WRITE))).isTrue();
        assertThat(ownership.manages(allow("User:alice", "orders.raw-feed.v3", READ))).isFalse();
    }

    @Test
    void aRetiredProductKeepsNothingOnAnyGeneration() {
        DataProduct settled = AclFixtures.product("payments", "payment-settled", 2, List.of("orders"));
        AccessGrant alice = new AccessGrant("payments.payment-settled", "User:alice", false, "req-1", "audit", "User:team-payments",
                Instant.now());
        // The provisioner plans only unretired listings; ownership still covers the retired product's every generation.
        AclPlan plan = AclPlan.of(List.of(), List.of(alice), List.of("payments", "orders"), List.of());
        AclOwnership ownership = AclOwnership.of(List.of(settled));
        assertThat(plan.bindings()).noneMatch(b -> b.pattern().name().startsWith("payments.payment-settled"));
        for (String topic : AclPlan.topicsOf(settled.names())) {
            assertThat(ownership.manages(allow("User:alice", topic, READ))).as(topic).isTrue();
        }
        assertThat(AclPlan.topicsOf(settled.names())).containsExactly("payments.payment-settled.v2",
                "payments.payment-settled.v2.staging", "payments.payment-settled.v2.dlq", "payments.payment-settled.v1",
                "payments.payment-settled.v1.staging", "payments.payment-settled.v1.dlq");
    }

    @Test
    void aHugeMajorKeepsABoundedNumberOfOlderGenerations() {
        DataProduct huge = AclFixtures.product("payments", "payment-settled", 999_999_999, List.of());
        assertThat(OlderMajors.of(huge.names())).hasSize(OlderMajors.KEPT)
                .first().extracting(names -> names.major()).isEqualTo(999_999_998);
        assertThat(AclPlan.of(List.of(huge), List.of(), List.of(), List.of()).bindings()).hasSizeLessThan(100 * (OlderMajors.KEPT + 1));
    }

    @Test
    void groupsBindingsByPrincipalForExports() {
        assertThat(plan(List.of()).byPrincipal()).containsKeys("User:gate", "User:team-orders", "User:app-customers", "User:team-analytics")
                .allSatisfy((principal, bindings) -> assertThat(bindings).allMatch(b -> b.entry().principal().equals(principal)));
    }

    private static List<String> readersOf(AclPlan plan, String topic) {
        return plan.bindings().stream()
                .filter(b -> b.pattern().name().equals(topic) && b.entry().operation() == READ
                        && b.entry().permissionType() == AclPermissionType.ALLOW)
                .map(b -> b.entry().principal()).toList();
    }

    private static AclBinding allow(String principal, String topic, AclOperation operation) {
        return binding(principal, ResourceType.TOPIC, topic, PatternType.LITERAL, operation, AclPermissionType.ALLOW);
    }

    private static AclBinding binding(String principal, ResourceType type, String name, PatternType pattern, AclOperation operation,
                                      AclPermissionType permission) {
        return new AclBinding(new ResourcePattern(type, name, pattern), new AccessControlEntry(principal, "*", operation, permission));
    }
}
