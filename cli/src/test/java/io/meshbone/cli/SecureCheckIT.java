package io.meshbone.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import io.meshbone.catalog.CatalogServer;
import io.meshbone.catalog.CatalogSettings;
import io.meshbone.localkafka.KafkaSecurity;
import io.meshbone.localkafka.LocalKafka;
import io.meshbone.localkafka.ScramUsers;
import io.meshbone.localkafka.testing.SharedSecureKafka;
import io.meshbone.localkafka.testing.TestTopics;
import io.meshbone.platform.control.ListedProduct;
import io.meshbone.platform.control.MeshJson;
import io.meshbone.platform.control.MeshTopics;
import io.meshbone.platform.registry.SchemaRegistryClient;
import io.meshbone.platform.registry.SchemaRegistryClientSettings;
import io.meshbone.platform.security.BasicAuth;
import io.meshbone.registry.SchemaRegistryServer;
import io.meshbone.registry.SchemaRegistrySettings;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code product check} and {@code product plan --against} a secure mesh: SCRAM Kafka (the shared secure broker), a
 * registry and a catalog that sign callers in. With {@code --credentials} both read the catalog, the registry and the
 * cluster as the file's principal; without, or with a wrong password, they say so in one line.
 */
@ExtendWith(SharedSecureKafka.class)
class SecureCheckIT {

    private static final String DOMAIN = "sk" + TestTopics.letters(6);
    private static final String PRODUCT = DOMAIN + ".widget";
    private static final String ID = "{\"name\":\"id\",\"type\":\"string\",\"doc\":\"Its id.\"}";
    private static final String COLOUR = "{\"name\":\"colour\",\"type\":\"string\",\"default\":\"red\",\"doc\":\"Its colour.\"}";

    @Test
    void checkAndPlanReadASecureMeshSignedInAndSayWhenRefused(LocalKafka kafka, @TempDir Path dir) throws Exception {
        String team = "team-" + DOMAIN;
        ScramUsers.upsert(kafka, team, "t-pw");
        Path users = Files.writeString(dir.resolve("http-users.properties"), "admin: adm1n\n" + team + ": t-pw\n");
        Path catalogUsers = Files.writeString(dir.resolve("catalog-users.properties"),
                "admin: adm1n\n" + team + ": t-pw\nviewer: v-pw\n");
        Path good = credentials(dir.resolve("good.properties"), team, "t-pw");
        Path wrong = credentials(dir.resolve("wrong.properties"), team, "nope");
        Path viewer = credentials(dir.resolve("viewer.properties"), "viewer", "v-pw");
        createMeshTopics(kafka);
        try (SchemaRegistryServer registry = SchemaRegistryServer.start(SchemaRegistrySettings.defaults(kafka.bootstrapServers())
                     .withHost("127.0.0.1").withPort(0).withTopic("_schemas-" + DOMAIN).withKafkaConfig(kafka.clientConfig())
                     .withUsersFile(users));
             CatalogServer catalog = CatalogServer.start(new CatalogSettings(kafka.clientConfig(), registry.url().toString(),
                     "127.0.0.1", 0, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT)).withUsersFile(catalogUsers))) {
            String url = catalog.url().toString();
            String registryUrl = registry.url().toString();
            new SchemaRegistryClient(SchemaRegistryClientSettings.of(registryUrl).withUserInfo("admin:adm1n"))
                    .register(PRODUCT + ".v1-value", avsc(ID));
            list(kafka, team);
            await().atMost(Duration.ofSeconds(60)).until(() -> status(catalog.url().resolve("/api/products/" + PRODUCT)) == 200);
            Path changed = descriptor(dir, "1.1.0", avsc(ID + "," + COLOUR));

            Run check = run("product", "check", changed.toString(), "--against", url, "--credentials", good.toString());
            assertThat(check.exit()).as(check.all()).isZero();
            assertThat(check.out()).contains(PRODUCT + " 1.1.0 ACCEPTED", "1 descriptor checked against " + url);
            assertThat(check.err()).as("the cluster answered the file's SCRAM login").doesNotContain("cannot ask the cluster");

            Run plan = run("product", "plan", changed.toString(), "--against", url, "--credentials", good.toString());
            assertThat(plan.exit()).as(plan.all()).isZero();
            assertThat(plan.out()).contains("to change: listed 1.0.0",
                    "+ subject " + PRODUCT + ".v1-value: register version 2", "principal=User:" + team);
            assertThat(plan.err()).doesNotContain("cannot ask the cluster");

            Run incompatible = run("product", "check", descriptor(dir, "1.2.0", avsc(ID + ","
                    + COLOUR.replace(",\"default\":\"red\"", ""))).toString(), "--against", url, "--credentials", good.toString());
            assertThat(incompatible.exit()).as(incompatible.all()).isEqualTo(1);
            assertThat(incompatible.out()).as("the registry's version 1 was read").contains("READER_FIELD_MISSING_DEFAULT_VALUE");

            Run asAnother = run("product", "check", changed.toString(), "--against", url, "--credentials", good.toString(),
                    "--principal", "User:team-elsewhere");
            assertThat(asAnother.exit()).as("--principal still says who would apply").isEqualTo(1);
            assertThat(asAnother.out()).contains("User:team-elsewhere");

            for (String verb : List.of("check", "plan")) {
                Run anonymous = run("product", verb, changed.toString(), "--against", url);
                assertThat(anonymous.exit()).as(anonymous.all()).isEqualTo(1);
                assertThat(anonymous.err()).isEqualTo("meshbone: the catalog at " + url + " refused the credentials (401);"
                        + " sign in with --credentials FILE (or MESHBONE_CREDENTIALS)\n");
                Run refused = run("product", verb, changed.toString(), "--against", url, "--credentials", wrong.toString());
                assertThat(refused.exit()).as(refused.all()).isEqualTo(1);
                assertThat(refused.err()).isEqualTo("meshbone: the catalog at " + url + " refused the credentials of --credentials "
                        + wrong + " (401); check the user and password there\n");
                // As the domain's team, so that the review goes on to the registry's versions.
                Run registryRefused = run("product", verb, changed.toString(), "--against", url, "--credentials", viewer.toString(),
                        "--principal", "User:" + team);
                assertThat(registryRefused.exit()).as(registryRefused.all()).isEqualTo(1);
                assertThat(registryRefused.err()).contains("meshbone: the schema registry at " + registryUrl
                        + " refused the credentials of --credentials " + viewer + " (401)").doesNotContain("v-pw");
            }
        }
    }

    private static void createMeshTopics(LocalKafka kafka) throws Exception {
        try (Admin admin = Admin.create(kafka.adminClientConfig())) {
            for (String topic : List.of(MeshTopics.PRODUCTS, MeshTopics.DECISIONS, MeshTopics.LINEAGE, MeshTopics.POLICIES,
                    MeshTopics.ACCESS_REQUESTS, MeshTopics.ACCESS_GRANTS, MeshTopics.DOMAINS, MeshTopics.DOMAIN_REQUESTS)) {
                try {
                    admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        }
    }

    /** Lists {@link #PRODUCT} 1.0.0 as the gate would have, by {@code team}. */
    private static void list(LocalKafka kafka, String team) throws Exception {
        String yaml = Files.readString(descriptor(Files.createTempDirectory("listed"), "1.0.0", avsc(ID)));
        ListedProduct listed = new ListedProduct(PRODUCT, DOMAIN + "/widget.product.yaml", yaml,
                Map.of("widget.avsc", avsc(ID)), 1, null, "req-" + DOMAIN, "User:" + team, Instant.now(), false);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(kafka.adminClientConfig(), new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(MeshTopics.PRODUCTS, PRODUCT, MeshJson.write(listed))).get();
        }
    }

    private static Path descriptor(Path dir, String version, String avsc) throws Exception {
        Path folder = Files.createDirectories(dir.resolve(version).resolve(DOMAIN));
        Files.writeString(folder.resolve("widget.avsc"), avsc);
        return Files.writeString(folder.resolve("widget.product.yaml"), """
                apiVersion: meshbone/v1
                kind: DataProduct
                metadata: {name: widget, domain: %s, owner: team-%s@example.com, description: Widgets made.}
                spec:
                  version: %s
                  type: event
                  key: {field: id}
                  value: {schema: widget.avsc}
                  compatibility: BACKWARD
                  classification: internal
                  partitions: 1
                  retention: 1d
                  slo: {freshness: 5m}
                """.formatted(DOMAIN, DOMAIN, version));
    }

    private static String avsc(String fields) {
        return "{\"type\":\"record\",\"name\":\"Widget\",\"namespace\":\"io.meshbone.test\",\"doc\":\"A widget.\","
                + "\"fields\":[" + fields + "]}";
    }

    /** A credentials file as {@code up --secure} writes it: the SCRAM login and the HTTP user. */
    private static Path credentials(Path file, String user, String password) throws Exception {
        StringBuilder text = new StringBuilder();
        KafkaSecurity.clientConfig(user, password).forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        text.append("basic.auth.credentials.source=USER_INFO\nbasic.auth.user.info=").append(user).append(':').append(password);
        return Files.writeString(file, text.append('\n').toString());
    }

    private static int status(URI url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(url).header("Authorization",
                BasicAuth.header("admin:adm1n")).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    record Run(int exit, String out, String err) {
        String all() {
            return out + err;
        }
    }

    private static Run run(String... args) {
        CommandLine cli = Meshbone.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }
}
