package io.meshbone.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code meshbone export strimzi} writes a KafkaUser per principal of the ACL plan that the Strimzi CRD accepts. */
class ExportStrimziUsersTest {

    private static final Path CONTRACTS = Path.of("../schemas");
    private static final CrdSchemas CRDS = new CrdSchemas();

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path output;

    @Test
    void writesAValidKafkaUserPerPrincipalWithScramAndTheProvisionersAcls() throws IOException {
        CommandLine command = Meshbone.commandLine();
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        assertThat(command.execute("export", "strimzi", "--from", CONTRACTS.toString(), "-o", output.toString())).as(err.toString()).isZero();

        Map<String, JsonNode> users = users();
        assertThat(CRDS.knows("KafkaUser")).isTrue();
        users.forEach((file, user) -> assertThat(CRDS.problems(user)).as(file).isEmpty());
        assertThat(users).containsKeys("gate.yaml", "registry.yaml", "provisioner.yaml", "catalog.yaml", "connect.yaml", "demo.yaml",
                "team-orders.yaml", "app-orders.yaml", "team-shipping.yaml", "app-payments.yaml");
        assertThat(out.toString()).contains("wrote 21 KafkaTopic resources for 7 products to " + output)
                .contains("wrote " + users.size() + " KafkaUser resources to " + output.resolve("users"));

        JsonNode teamOrders = users.get("team-orders.yaml");
        assertThat(teamOrders.path("spec").path("authentication").path("type").asText()).isEqualTo("scram-sha-512");
        assertThat(teamOrders.path("spec").path("authorization").path("type").asText()).isEqualTo("simple");
        assertThat(rules(teamOrders)).contains("allow topic literal orders.order-placed.v1.staging [Write, Describe, DescribeConfigs]",
                "allow topic literal orders.order-placed.v1 [Read, Describe]",
                "allow topic literal customers.customer-profile.v1 [Read, Describe]",
                "allow group prefix orders- [Read, Describe]");
        assertThat(rules(teamOrders)).noneMatch(rule -> rule.startsWith("allow topic literal orders.order-placed.v1 ") && rule.contains("Write"));
        assertThat(rules(users.get("gate.yaml"))).contains("allow topic literal orders.order-placed.v1 [Read, Write, Describe, DescribeConfigs]");
        assertThat(rules(users.get("app-orders.yaml"))).contains("allow topic prefix orders- [All]",
                "allow transactionalId prefix orders- [All]");
        assertThat(rules(users.get("provisioner.yaml"))).contains("allow cluster [Create, Alter, Describe]");
    }

    private Map<String, JsonNode> users() throws IOException {
        Map<String, JsonNode> users = new TreeMap<>();
        try (Stream<Path> files = Files.list(output.resolve("users"))) {
            files.forEach(f -> users.put(f.getFileName().toString(), CrdSchemas.documents(f).get(0)));
        }
        return users;
    }

    private static List<String> rules(JsonNode user) {
        List<String> rules = new ArrayList<>();
        for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
            JsonNode resource = acl.path("resource");
            String name = resource.has("name") ? " " + resource.path("patternType").asText() + " " + resource.path("name").asText() : "";
            List<String> operations = new ArrayList<>();
            acl.path("operations").forEach(op -> operations.add(op.asText()));
            rules.add(acl.path("type").asText() + " " + resource.path("type").asText() + name + " " + operations);
        }
        return rules;
    }
}
