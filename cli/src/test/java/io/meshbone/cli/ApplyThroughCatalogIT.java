package io.meshbone.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

import io.meshbone.catalog.CatalogServer;
import io.meshbone.catalog.CatalogSettings;
import io.meshbone.governance.Governance;
import io.meshbone.governance.GovernanceSettings;
import io.meshbone.localkafka.KafkaCluster;
import io.meshbone.localkafka.testing.SharedKafka;
import io.meshbone.platform.control.MeshJson;
import io.meshbone.registry.SchemaRegistryServer;
import io.meshbone.registry.SchemaRegistrySettings;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** With {@code --credentials}, {@code product apply} asks through a secure catalog as the credentials' principal. */
@ExtendWith(SharedKafka.class)
class ApplyThroughCatalogIT {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void appliesAsTheSignedInPrincipalAndSaysWhyWhenTheCatalogRefuses(KafkaCluster kafka, @TempDir Path dir) throws Exception {
        String domain = "cl" + letters();
        Path users = Files.writeString(dir.resolve("http-users.properties"), "team-" + domain + ": t-pw\n");
        Path good = Files.writeString(dir.resolve("team.properties"), "basic.auth.credentials.source=USER_INFO\n"
                + "basic.auth.user.info=team-" + domain + ":t-pw\n");
        Path wrong = Files.writeString(dir.resolve("wrong.properties"), "basic.auth.user.info=team-" + domain + ":nope\n");
        Path contract = Files.createDirectories(dir.resolve(domain));
        Files.writeString(contract.resolve("widget.avsc"), "{\"type\":\"record\",\"name\":\"Widget\",\"namespace\":\"io.meshbone.test\","
                + "\"doc\":\"A widget.\",\"fields\":[{\"name\":\"id\",\"type\":\"string\",\"doc\":\"Its id.\"}]}");
        Path descriptor = Files.writeString(contract.resolve("widget.product.yaml"), """
                apiVersion: meshbone/v1
                kind: DataProduct
                metadata: {name: widget, domain: %s, owner: team-%s@example.com, description: Widgets made.}
                spec:
                  version: 1.0.0
                  type: event
                  key: {field: id}
                  value: {schema: widget.avsc}
                  compatibility: BACKWARD
                  classification: internal
                  partitions: 1
                  retention: 1d
                  slo: {freshness: 5m}
                """.formatted(domain, domain));
        try (SchemaRegistryServer registry = SchemaRegistryServer.start(SchemaRegistrySettings.defaults(kafka.bootstrapServers())
                     .withHost("127.0.0.1").withPort(0));
             Governance governance = Governance.start(new GovernanceSettings(kafka.clientConfig(), registry.url().toString(),
                     dir.resolve("gate"), new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), Duration.ofSeconds(30)));
             CatalogServer catalog = CatalogServer.start(CatalogSettings.defaults(kafka.bootstrapServers(), registry.url().toString())
                     .withHost("127.0.0.1").withPort(0).withUsersFile(users))) {
            String[] mesh = {"--catalog-url", catalog.url().toString(), "--bootstrap-server", kafka.bootstrapServers()};

            assertThat(run(mesh, "product", "apply", "-f", descriptor.toString(), "--credentials", wrong.toString())).isEqualTo(1);
            assertThat(err.toString()).contains("answered 401");

            await().atMost(Duration.ofSeconds(120)).until(governance::running);
            assertThat(run(mesh, "product", "apply", "-f", descriptor.toString(), "--credentials", good.toString(),
                    "--principal", "User:someone-else")).as(out + "\n" + err).isZero();
            assertThat(out.toString()).contains(domain + ".widget 1.0.0 ACCEPTED");
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                out.getBuffer().setLength(0);
                assertThat(run(mesh, "product", "describe", domain + ".widget", "--credentials", good.toString()))
                        .as("a signed-in read: %s", err).isZero();
            });
            HttpResponse<String> detail = HttpClient.newHttpClient().send(HttpRequest.newBuilder(catalog.url().resolve(
                    "/api/products/" + domain + ".widget")).header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString(("team-" + domain + ":t-pw").getBytes(StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(MeshJson.tree(detail.body()).path("versions").get(0).path("principal").asText()).isEqualTo("User:team-" + domain);
        }
    }

    private int run(String[] mesh, String... args) {
        CommandLine command = Meshbone.commandLine();
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + mesh.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(mesh, 0, all, args.length, mesh.length);
        return command.execute(all);
    }

    private static String letters() {
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            name.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return name.toString();
    }
}
