package io.meshbone.cli.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import io.meshbone.cli.check.Baseline;
import io.meshbone.cli.check.Baselines;
import io.meshbone.cli.check.LeftBehind;
import io.meshbone.cli.check.PolicySet;
import io.meshbone.cli.check.Reviewed;
import io.meshbone.cli.check.Reviews;
import io.meshbone.cli.check.SignIn;
import io.meshbone.platform.control.AccessGrant;
import io.meshbone.platform.policy.ClusterFacts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plan of a reviewed descriptor against a folder of listed ones, with live consumer groups as a catalog shows them. */
class PlannerTest {

    private static final String FIELD = "{\"name\": \"id\", \"type\": \"string\", \"doc\": \"The cart's id.\"}";

    @TempDir
    Path listedDir;
    @TempDir
    Path work;

    private Baseline baseline;

    @BeforeEach
    void listCartAndReport() throws Exception {
        write(listedDir, "cart", "1.0.0", "", FIELD, 3);
        write(listedDir, "report", "1.0.0", "  inputs: [shop.cart]\n", FIELD, 1);
        Baseline folder = Baselines.open(listedDir.toString(), listedDir, SignIn.ANONYMOUS);
        baseline = new Baseline(folder.shownAs(), folder.listed(), folder.schemas(), Map.of("shop.cart", List.of("billing (lag 3)")));
    }

    @Test
    void aNewMajorCreatesTheNextTopicGenerationAndLeavesItsReadersBehind() throws Exception {
        Path cart = write(work, "cart", "2.0.0", "", FIELD, 3);

        Reviewed reviewed = review(cart);
        ProductPlan plan = plan(reviewed, 3, SubjectVersions.UNKNOWN);

        assertThat(plan.action()).isEqualTo(ProductPlan.Action.CHANGE);
        assertThat(plan.changes()).filteredOn(c -> c.resource() == Change.Resource.TOPIC).extracting(Change::line)
                .containsExactly("+ topic shop.cart.v2: partitions 3, replication 3, cleanup.policy=delete, compression.gzip.level=1,"
                                + " compression.type=gzip, max.message.bytes=1048588, min.insync.replicas=2",
                        "+ topic shop.cart.v2.staging: partitions 3, replication 3, cleanup.policy=delete, max.message.bytes=1048588,"
                                + " min.insync.replicas=2, retention.ms=604800000",
                        "+ topic shop.cart.v2.dlq: partitions 3, replication 3, cleanup.policy=delete, max.message.bytes=1114124,"
                                + " min.insync.replicas=2, retention.ms=2592000000");
        assertThat(plan.consumers()).isEqualTo(new ProductPlan.Consumers(List.of("analytics"), List.of("shop.report"),
                List.of("billing (lag 3)")));
        assertThat(LeftBehind.of(reviewed.review().orElseThrow().product().orElseThrow(), reviewed.review().orElseThrow().previous(),
                baseline)).contains(List.of("product shop.report", "consumer group billing (lag 3)", "declared consumer analytics"));
    }

    @Test
    void aNewMajorGrantsTheProvisionersAclsOnTheNewTopicsKeepsTheOldOnesReadsAndRevokesItsWrites() throws Exception {
        Path cart = write(work, "cart", "2.0.0", "", FIELD, 3);

        ProductPlan plan = plan(review(cart), 1, SubjectVersions.UNKNOWN);

        assertThat(plan.changes()).extracting(Change::line).contains(
                "+ acl topic shop.cart.v2: (principal=User:gate, host=*, operation=WRITE, permissionType=ALLOW)",
                "+ acl topic shop.cart.v2.dlq: (principal=User:gate, host=*, operation=WRITE, permissionType=ALLOW)",
                "+ acl topic shop.cart.v2.staging: (principal=User:team-shop, host=*, operation=WRITE, permissionType=ALLOW)",
                "+ acl topic shop.cart.v2.staging: (principal=User:app-shop, host=*, operation=WRITE, permissionType=ALLOW)",
                "+ acl topic shop.cart.v2: (principal=User:team-analytics, host=*, operation=READ, permissionType=ALLOW)",
                "+ acl topic shop.cart.v2: (principal=User:app-analytics, host=*, operation=READ, permissionType=ALLOW)",
                "+ acl topic shop.cart.v2: (principal=User:catalog, host=*, operation=READ, permissionType=ALLOW)",
                "- acl topic shop.cart.v1: (principal=User:gate, host=*, operation=WRITE, permissionType=ALLOW)",
                "- acl topic shop.cart.v1.staging: (principal=User:team-shop, host=*, operation=WRITE, permissionType=ALLOW)",
                "= acl topic shop.cart.v1: (principal=User:team-analytics, host=*, operation=READ, permissionType=ALLOW)",
                "= acl topic shop.cart.v1: (principal=User:app-shop, host=*, operation=READ, permissionType=ALLOW)",
                "= acl topic shop.cart.v1: (principal=User:connect, host=*, operation=DESCRIBE_CONFIGS, permissionType=ALLOW)",
                "= acl topic shop.cart.v1.dlq: (principal=User:team-shop, host=*, operation=READ, permissionType=ALLOW)",
                "= acl topic shop.cart.v1.staging: (principal=User:gate, host=*, operation=READ, permissionType=ALLOW)");
        // The old generation stays readable until the product is retired: only writes, and what only writers need, go.
        assertThat(plan.changes()).filteredOn(c -> c.kind() == Change.Kind.REMOVE).extracting(Change::line).containsExactly(
                "- acl topic shop.cart.v1: (principal=User:gate, host=*, operation=READ, permissionType=ALLOW)",
                "- acl topic shop.cart.v1: (principal=User:gate, host=*, operation=WRITE, permissionType=ALLOW)",
                "- acl topic shop.cart.v1: (principal=User:gate, host=*, operation=DESCRIBE, permissionType=ALLOW)",
                "- acl topic shop.cart.v1: (principal=User:gate, host=*, operation=DESCRIBE_CONFIGS, permissionType=ALLOW)",
                "- acl topic shop.cart.v1.staging: (principal=User:app-shop, host=*, operation=WRITE, permissionType=ALLOW)",
                "- acl topic shop.cart.v1.staging: (principal=User:app-shop, host=*, operation=DESCRIBE, permissionType=ALLOW)",
                "- acl topic shop.cart.v1.staging: (principal=User:app-shop, host=*, operation=DESCRIBE_CONFIGS, permissionType=ALLOW)",
                "- acl topic shop.cart.v1.staging: (principal=User:gate, host=*, operation=DESCRIBE_CONFIGS, permissionType=ALLOW)",
                "- acl topic shop.cart.v1.staging: (principal=User:team-shop, host=*, operation=WRITE, permissionType=ALLOW)",
                "- acl topic shop.cart.v1.staging: (principal=User:team-shop, host=*, operation=DESCRIBE, permissionType=ALLOW)",
                "- acl topic shop.cart.v1.staging: (principal=User:team-shop, host=*, operation=DESCRIBE_CONFIGS, permissionType=ALLOW)",
                "- acl topic shop.cart.v1.dlq: (principal=User:catalog, host=*, operation=READ, permissionType=ALLOW)",
                "- acl topic shop.cart.v1.dlq: (principal=User:catalog, host=*, operation=DESCRIBE, permissionType=ALLOW)",
                "- acl topic shop.cart.v1.dlq: (principal=User:gate, host=*, operation=WRITE, permissionType=ALLOW)",
                "- acl topic shop.cart.v1.dlq: (principal=User:gate, host=*, operation=DESCRIBE, permissionType=ALLOW)",
                "- acl topic shop.cart.v1.dlq: (principal=User:gate, host=*, operation=DESCRIBE_CONFIGS, permissionType=ALLOW)");
        // No one but the gate writes the product and dead-letter topics.
        assertThat(plan.changes()).filteredOn(c -> c.name().matches("topic shop\\.cart\\.v2(\\.dlq)?") && c.detail().contains("operation=WRITE"))
                .extracting(Change::detail).allMatch(detail -> detail.contains("principal=User:gate,")).hasSize(2);
        // Owners 14, the gate 10, the catalog 5, Connect 3, the consumer's team and apps 4.
        assertThat(plan.count(Change.Resource.ACL, Change.Kind.CREATE)).isEqualTo(36);
        // On v1 the owners keep 8 (reads of T and the DLQ), the gate 2 (it drains staging), the catalog and Connect 3 each,
        // the consumer 4: 20 of 36.
        assertThat(plan.count(Change.Resource.ACL, Change.Kind.UNCHANGED)).isEqualTo(20);
        assertThat(plan.count(Change.Resource.ACL, Change.Kind.REMOVE)).isEqualTo(16);
        assertThat(plan.changes()).noneMatch(c -> c.detail().contains("meshbone-gate"));
        assertThat(PlanPrinter.summary(List.of(plan))).isEqualTo("Plan: 0 products to list, 1 to change, 3 topics to create, 0 to alter,"
                + " 2 subjects to register, 36 ACLs to grant, 16 to revoke.");
    }

    @Test
    void aGranteeReadsTheNewMajorAndKeepsItsGroupsAndItsReadOfTheOldOne() throws Exception {
        Path cart = write(work, "cart", "2.0.0", "", FIELD, 3);
        AccessGrant alice = new AccessGrant("shop.cart", "User:alice", false, "req-1", "audit", "User:team-shop", Instant.EPOCH);

        ProductPlan plan = new Planner(baseline, new ClusterFacts(1), SubjectVersions.UNKNOWN,
                product -> product.equals("shop.cart") ? List.of(alice) : List.of()).plan(review(cart));

        assertThat(plan.changes()).extracting(Change::line).contains(
                "+ acl topic shop.cart.v2: (principal=User:alice, host=*, operation=READ, permissionType=ALLOW)",
                "= acl topic shop.cart.v1: (principal=User:alice, host=*, operation=READ, permissionType=ALLOW)",
                "= acl topic shop.cart.v1: (principal=User:alice, host=*, operation=DESCRIBE, permissionType=ALLOW)",
                "= acl group prefix alice-: (principal=User:alice, host=*, operation=READ, permissionType=ALLOW)",
                "= acl group prefix alice-: (principal=User:alice, host=*, operation=DESCRIBE, permissionType=ALLOW)");
        assertThat(plan.changes()).filteredOn(c -> c.kind() == Change.Kind.REMOVE).noneMatch(c -> c.detail().contains("User:alice"));
    }

    @Test
    void aProductWhoseNameADomainPrefixReachesIsGuardedByLiteralDenials() throws Exception {
        Path raw = write(work, "raw-cart", "1.0.0", "", FIELD, 3);

        ProductPlan plan = plan(review(raw), 1, SubjectVersions.UNKNOWN);

        // shop's team writes and creates shop.raw* topics by prefix: not this product's topic, which only the gate writes.
        assertThat(plan.changes()).extracting(Change::line).contains(
                "+ acl topic shop.raw-cart.v1: (principal=User:team-shop, host=*, operation=WRITE, permissionType=DENY)",
                "+ acl topic shop.raw-cart.v1.staging: (principal=User:team-shop, host=*, operation=CREATE, permissionType=DENY)",
                "+ acl topic shop.raw-cart.v1: (principal=User:app-analytics, host=*, operation=CREATE, permissionType=DENY)");
    }

    @Test
    void aChangedSchemaRegistersTheNextVersionOfBothValueSubjects() throws Exception {
        Path cart = write(work, "cart", "1.1.0", "", FIELD + ", {\"name\": \"note\", \"type\": \"string\", \"default\": \"\","
                + " \"doc\": \"A note.\"}", 3);

        ProductPlan plan = plan(review(cart), 1, subject -> OptionalInt.of(4));

        assertThat(plan.changes()).filteredOn(c -> c.resource() == Change.Resource.SUBJECT).extracting(Change::line)
                .containsExactly("+ subject shop.cart.v1-value: register version 5", "+ subject shop.cart.v1.staging-value: register version 5");
        assertThat(plan.count(Change.Resource.TOPIC, Change.Kind.UNCHANGED)).isEqualTo(3);
        assertThat(plan.count(Change.Resource.ACL, Change.Kind.CREATE)).isZero();
        assertThat(PlanPrinter.summary(List.of(plan)))
                .isEqualTo("Plan: 0 products to list, 1 to change, 0 topics to create, 0 to alter, 2 subjects to register, 0 ACLs to grant.");
    }

    @Test
    void aNewDeclaredConsumerIsGrantedReadOnTheProductTopic() throws Exception {
        Path cart = write(work, "cart", "1.1.0", "  consumers: [analytics, shipping]\n", FIELD, 3);

        ProductPlan plan = plan(review(cart), 1, SubjectVersions.UNKNOWN);

        assertThat(plan.changes()).filteredOn(c -> c.kind() == Change.Kind.CREATE).extracting(Change::line).containsExactly(
                "+ acl topic shop.cart.v1: (principal=User:app-shipping, host=*, operation=READ, permissionType=ALLOW)",
                "+ acl topic shop.cart.v1: (principal=User:app-shipping, host=*, operation=DESCRIBE, permissionType=ALLOW)",
                "+ acl topic shop.cart.v1: (principal=User:team-shipping, host=*, operation=READ, permissionType=ALLOW)",
                "+ acl topic shop.cart.v1: (principal=User:team-shipping, host=*, operation=DESCRIBE, permissionType=ALLOW)");
        assertThat(plan.changes()).noneMatch(c -> c.kind() == Change.Kind.REMOVE);
        assertThat(plan.changes()).extracting(Change::line)
                .contains("= acl topic shop.cart.v1: (principal=User:gate, host=*, operation=WRITE, permissionType=ALLOW)");
    }

    @Test
    void aDroppedConsumerLosesItsReadAndTheSummaryCountsTheRevocations() throws Exception {
        Path cart = write(work, "cart", "1.1.0", "  consumers: []\n", FIELD, 3);

        ProductPlan plan = plan(review(cart), 1, SubjectVersions.UNKNOWN);

        assertThat(plan.changes()).filteredOn(c -> c.kind() == Change.Kind.REMOVE).extracting(Change::line).containsExactly(
                "- acl topic shop.cart.v1: (principal=User:app-analytics, host=*, operation=READ, permissionType=ALLOW)",
                "- acl topic shop.cart.v1: (principal=User:app-analytics, host=*, operation=DESCRIBE, permissionType=ALLOW)",
                "- acl topic shop.cart.v1: (principal=User:team-analytics, host=*, operation=READ, permissionType=ALLOW)",
                "- acl topic shop.cart.v1: (principal=User:team-analytics, host=*, operation=DESCRIBE, permissionType=ALLOW)");
        assertThat(PlanPrinter.summary(List.of(plan))).isEqualTo("Plan: 0 products to list, 1 to change, 0 topics to create, 0 to alter,"
                + " 0 subjects to register, 0 ACLs to grant, 4 to revoke.");
    }

    private Reviewed review(Path descriptor) {
        return Reviews.of(Map.of(descriptor, descriptor.getFileName().toString()), baseline, PolicySet.inForce(null, SignIn.ANONYMOUS, List.of()),
                new ClusterFacts(1), "User:team-shop", List.of()).get(0);
    }

    private ProductPlan plan(Reviewed reviewed, int brokers, SubjectVersions versions) {
        assertThat(reviewed.acceptable()).as(reviewed.toString()).isTrue();
        return new Planner(baseline, new ClusterFacts(brokers), versions, ProductGrants.UNKNOWN).plan(reviewed);
    }

    private static Path write(Path dir, String name, String version, String extra, String fields, int partitions) throws Exception {
        Files.writeString(dir.resolve(name + ".avsc"), """
                {"type": "record", "name": "Cart", "namespace": "shop", "doc": "A cart.", "fields": [%s]}
                """.formatted(fields));
        Path descriptor = dir.resolve(name + ".product.yaml");
        String consumers = extra.contains("consumers:") ? "" : "  consumers: [analytics]\n";
        Files.writeString(descriptor, """
                apiVersion: meshbone/v1
                kind: DataProduct
                metadata:
                  name: %s
                  domain: shop
                  owner: team-shop@example.com
                  description: A product of PlannerTest.
                spec:
                  version: %s
                  type: event
                  value: {schema: %s.avsc}
                  compatibility: BACKWARD
                  classification: internal
                  partitions: %d
                  slo: {freshness: 5m}
                %s%s""".formatted(name, version, name, partitions, extra, consumers));
        return descriptor;
    }
}
