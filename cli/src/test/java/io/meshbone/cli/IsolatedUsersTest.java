package io.meshbone.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meshbone.cli.internal.ExampleContracts;
import io.meshbone.cli.internal.ResidentExamples;
import io.meshbone.connect.replication.ReplicationPlanner;
import io.meshbone.platform.contract.DataProduct;
import io.meshbone.platform.mesh.MeshCluster;
import io.meshbone.platform.mesh.MeshTopology;
import io.meshbone.platform.provisioning.AclPlan;
import io.meshbone.platform.provisioning.CopyAcls;
import io.meshbone.platform.security.MeshPrincipals;
import io.meshbone.platform.security.ServiceAcls;
import org.apache.kafka.common.acl.AclBinding;
import org.junit.jupiter.api.Test;

/**
 * The eu cluster's {@code KafkaUser}s of the isolated overlay ({@code deploy/kubernetes/isolated/users-eu.yaml}): the
 * same principals as the exchange's, in the namespace the eu User Operator watches, each with the exchange user's
 * password (the Secret {@code meshbone-passwords}), so one login works on both clusters; and exactly the ACLs the plan
 * gives eu — its own products', every example domain's app grants, and the grants on the copies MirrorMaker makes there.
 */
class IsolatedUsersTest {

    static final Path FILE = Path.of("../deploy/kubernetes/isolated/users-eu.yaml");
    static final String NAMESPACE = "meshbone-eu";
    static final String PASSWORDS = "meshbone-passwords";

    @Test
    void everyEuUserHasThePlansAclsAndTheExchangeUsersPassword() {
        Map<String, ObjectNode> expected = expected();
        Map<String, JsonNode> users = new TreeMap<>();
        CrdSchemas.documents(FILE).forEach(user -> users.put(user.path("metadata").path("name").asText(), user));
        List<String> names = new ArrayList<>(expected.values().stream().map(u -> u.path("metadata").path("name").asText()).toList());
        names.add(MeshPrincipals.ADMIN);
        names.add("mirror-maker");
        assertThat(users.keySet()).containsExactlyInAnyOrderElementsOf(names);
        users.forEach((name, user) -> {
            assertThat(user.path("kind").asText()).isEqualTo("KafkaUser");
            assertThat(user.path("metadata").path("namespace").asText()).as(name).isEqualTo(NAMESPACE);
            assertThat(user.path("metadata").path("labels").path(StrimziTopics.CLUSTER_LABEL).asText()).as(name).isEqualTo("meshbone-eu");
            JsonNode password = user.path("spec").path("authentication").path("password").path("valueFrom").path("secretKeyRef");
            assertThat(password.path("name").asText()).as(name).isEqualTo(PASSWORDS);
            assertThat(password.path("key").asText()).as(name).isEqualTo(name);
        });
        expected.values().forEach(user -> {
            String name = user.path("metadata").path("name").asText();
            assertThat(users.get(name).path("spec").path("authorization")).as(name).isEqualTo(user.path("spec").path("authorization"));
        });
        assertThat(users.get(MeshPrincipals.ADMIN).path("spec").has("authorization")).isFalse();
        // The copies' readers on eu are the product's: shipping reads orders.order-placed there, customers does not.
        assertThat(users.get("app-shipping").toString()).contains("orders.order-placed.v1");
        assertThat(users.get("app-customers").toString()).doesNotContain("orders.order-placed.v1");
    }

    @Test
    void mirrorMakerWritesTheCopiesAndItsOwnTopicsOnEuOnly() {
        JsonNode mirror = CrdSchemas.documents(FILE).stream()
                .filter(u -> u.path("metadata").path("name").asText().equals("mirror-maker")).findFirst().orElseThrow();
        String acls = mirror.path("spec").path("authorization").path("acls").toString();
        assertThat(acls).contains("_connect.mirror-exchange-to-eu.", "meshbone-mirror-exchange-to-eu", "\"orders.\"", "\"payments.\"")
                .doesNotContain("customers.", "shipping.", "_mesh.");
    }

    /** The eu users as the plan makes them, before the namespace and the password reference are added. */
    static Map<String, ObjectNode> expected() {
        MeshTopology topology = IsolatedManifestsTest.topology();
        MeshCluster eu = topology.cluster("eu").orElseThrow();
        List<DataProduct> examples = ResidentExamples.load(MeshPrincipals.kafkaPrincipal(MeshPrincipals.ADMIN),
                IsolatedMesh.EU_DOMAINS, "eu").stream().map(ExampleContracts.Example::product).toList();
        List<AclBinding> fixed = new ArrayList<>(ServiceAcls.services());
        MeshPrincipals.EXAMPLE_DOMAINS.forEach(domain -> {
            fixed.addAll(ServiceAcls.domainApps(domain, MeshPrincipals.EXAMPLE_DOMAINS));
            fixed.addAll(ServiceAcls.demoRawTopics(domain));
        });
        ReplicationPlanner.plan(topology, examples).forEach((route, topics) -> {
            if (route.target().equals(eu.name())) {
                examples.stream().filter(p -> topics.contains(p.names().topic())).forEach(p -> CopyAcls.target(p).stream()
                        .filter(b -> !b.entry().principal().equals(MeshPrincipals.kafkaPrincipal(MeshPrincipals.MIRROR)))
                        .forEach(fixed::add));
            }
        });
        List<DataProduct> home = examples.stream().filter(p -> topology.clusterOf(p.metadata().domain()).name().equals(eu.name())).toList();
        return new StrimziUsers("meshbone-eu").resources(AclPlan.of(home, List.of(), List.of(), fixed));
    }
}
