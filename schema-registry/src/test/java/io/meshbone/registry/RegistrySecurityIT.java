package io.meshbone.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import io.meshbone.localkafka.KafkaCluster;
import io.meshbone.localkafka.testing.SharedKafka;
import io.meshbone.platform.control.ListedProduct;
import io.meshbone.platform.control.MeshJson;
import io.meshbone.platform.control.MeshTopics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Secure mode: who may change which subjects, on a real registry with a real listing in {@code _mesh.products}. */
@ExtendWith(SharedKafka.class)
class RegistrySecurityIT {

    private static final String SCHEMA = Http.schemaBody(Registries.record("Widget", Registries.field("id", "string")));
    private static final String A = "sa" + letters();
    private static final String B = "sb" + letters();
    private static final String PRODUCT_SUBJECT = B + ".widget.v1-value";

    @TempDir
    static Path dir;
    private static Path users;

    @BeforeAll
    static void listAProductOfB(KafkaCluster kafka) throws Exception {
        users = Files.writeString(dir.resolve("http-users.properties"), String.join("\n", "admin: adm1n", "gate: g4te",
                "team-" + A + ": a-pw", "team-" + B + ": b-pw", "app-" + B + ": app-pw", "catalog: cat-pw", ""));
        Map<String, Object> config = Map.of("bootstrap.servers", kafka.bootstrapServers());
        try (Admin admin = Admin.create(config)) {
            admin.createTopics(List.of(new NewTopic(MeshTopics.PRODUCTS, 1, (short) 1))).all().get();
        } catch (java.util.concurrent.ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
        String descriptor = """
                apiVersion: meshbone/v1
                kind: DataProduct
                metadata: {name: widget, domain: %s, owner: team-%s@example.com, description: Widgets.}
                spec:
                  version: 1.0.0
                  type: event
                  key: {field: id}
                  value: {schema: widget.avsc}
                  compatibility: BACKWARD
                  classification: internal
                  partitions: 1
                  retention: 1d
                """.formatted(B, B);
        String avsc = "{\"type\":\"record\",\"name\":\"Widget\",\"namespace\":\"io.meshbone.test\",\"doc\":\"A widget.\","
                + "\"fields\":[{\"name\":\"id\",\"type\":\"string\",\"doc\":\"Its id.\"}]}";
        ListedProduct listed = new ListedProduct(B + ".widget", "widget.product.yaml", descriptor, Map.of("widget.avsc", avsc),
                1, null, "req-" + B, "User:gate", Instant.now(), false);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", kafka.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(MeshTopics.PRODUCTS, listed.name(), MeshJson.write(listed).getBytes(java.nio.charset.StandardCharsets.UTF_8))).get();
        }
    }

    private static SchemaRegistryServer secure(KafkaCluster kafka) {
        return secure(kafka, Registries.uniqueTopic());
    }

    private static SchemaRegistryServer secure(KafkaCluster kafka, String topic) {
        return SchemaRegistryServer.start(SchemaRegistrySettings.defaults(kafka.bootstrapServers()).withHost("127.0.0.1")
                .withPort(0).withTopic(topic).withUsersFile(users));
    }

    @Test
    void aWriteForwardedToTheWriterIsSignedInAndDecidedThereAsTheCaller(KafkaCluster kafka) {
        String topic = Registries.uniqueTopic();
        try (SchemaRegistryServer writer = secure(kafka, topic); SchemaRegistryServer other = secure(kafka, topic)) {
            URI writerUrl = writer.advertisedUrl();
            assertThat(new Http(writer.url()).withBasicAuth("admin", "adm1n").post("/subjects/" + A + ".first-value/versions", SCHEMA)
                    .status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(30)).until(() -> other.writer().equals(Optional.of(writerUrl)));

            Http a = new Http(other.url()).withBasicAuth("team-" + A, "a-pw");
            assertThat(a.post("/subjects/" + A + ".forwarded-value/versions", SCHEMA).status()).isEqualTo(200);
            Http.Answer denied = a.post("/subjects/" + B + ".forwarded-value/versions", SCHEMA);
            assertDenied(denied, "Write", B + ".forwarded-value");
            assertThat(denied.json().path("message").asText()).as("the writer judged the caller, not the forwarding instance")
                    .contains("User:team-" + A);
            assertDenied(new Http(other.url()).withBasicAuth("gate", "g4te").put("/mode", "{\"mode\":\"READONLY\"}"),
                    "AlterConfigs", "Cluster");
            assertThat(new Http(other.url()).withBasicAuth("team-" + A, "wrong").post("/subjects/" + A + ".x-value/versions", SCHEMA)
                    .status()).isEqualTo(401);
            assertThat(new Http(other.url()).post("/subjects/" + A + ".x-value/versions", SCHEMA).status()).isEqualTo(401);
            assertThat(other.writer()).as("the other instance never wrote").contains(writerUrl);
            assertThat(a.get("/subjects").json()).as("read back on the instance asked")
                    .anyMatch(s -> s.asText().equals(A + ".forwarded-value"))
                    .noneMatch(s -> s.asText().equals(B + ".forwarded-value") || s.asText().equals(A + ".x-value"));
        }
    }

    @Test
    void refusesCallersWithoutOrWithWrongCredentialsWith401(KafkaCluster kafka) {
        try (SchemaRegistryServer registry = secure(kafka)) {
            Http anonymous = new Http(registry.url());
            for (Http caller : List.of(anonymous, anonymous.withBasicAuth("team-" + A, "wrong"), anonymous.withBasicAuth("nobody", "a-pw"))) {
                Http.Answer refused = caller.get("/subjects");
                assertThat(refused.status()).isEqualTo(401);
                assertThat(refused.errorCode()).isEqualTo(401);
            }
            assertThat(anonymous.post("/subjects/" + A + ".raw-value/versions", SCHEMA).status()).isEqualTo(401);
            assertThat(anonymous.withBasicAuth("catalog", "cat-pw").get("/subjects").status()).as("reads are open to the signed in")
                    .isEqualTo(200);
        }
    }

    @Test
    void aDomainChangesOnlyItsOwnRawSubjects(KafkaCluster kafka) {
        try (SchemaRegistryServer registry = secure(kafka)) {
            Http a = new Http(registry.url()).withBasicAuth("team-" + A, "a-pw");
            Http b = new Http(registry.url()).withBasicAuth("team-" + B, "b-pw");
            assertThat(a.post("/subjects/" + A + ".raw.things-value/versions", SCHEMA).status()).isEqualTo(200);
            String bRaw = "/subjects/" + B + ".raw.things-value";
            assertDenied(a.post(bRaw + "/versions", SCHEMA), "Write", B + ".raw.things-value");
            assertThat(b.post(bRaw + "/versions", SCHEMA).status()).isEqualTo(200);
            assertDenied(a.delete(bRaw), "Delete", B + ".raw.things-value");
            assertDenied(a.delete(bRaw + "/versions/1"), "Delete", B + ".raw.things-value");
            assertDenied(a.put("/config/" + B + ".raw.things-value", "{\"compatibility\":\"NONE\"}"), "AlterConfigs", B + ".raw.things-value");
            assertThat(a.post(bRaw, SCHEMA).status()).as("a lookup is a read").isEqualTo(200);
            assertThat(b.delete(bRaw).status()).isEqualTo(200);
            assertThat(new Http(registry.url()).withBasicAuth("catalog", "cat-pw").post("/subjects/" + A + ".x-value/versions", SCHEMA)
                    .status()).as("a service that registers nothing").isEqualTo(403);
        }
    }

    @Test
    void aListedProductsSubjectsChangeOnlyThroughTheGateAndAreDeletedOnlyByTheAdmin(KafkaCluster kafka) {
        try (SchemaRegistryServer registry = secure(kafka)) {
            Http owner = new Http(registry.url()).withBasicAuth("team-" + B, "b-pw");
            Http app = new Http(registry.url()).withBasicAuth("app-" + B, "app-pw");
            Http gate = new Http(registry.url()).withBasicAuth("gate", "g4te");
            Http admin = new Http(registry.url()).withBasicAuth("admin", "adm1n");
            assertDenied(owner.post("/subjects/" + PRODUCT_SUBJECT + "/versions", SCHEMA), "Write", PRODUCT_SUBJECT);
            assertDenied(app.post("/subjects/" + B + ".widget.v1.staging-value/versions", SCHEMA), "Write", B + ".widget.v1.staging-value");
            assertThat(gate.post("/subjects/" + PRODUCT_SUBJECT + "/versions", SCHEMA).status()).isEqualTo(200);
            assertThat(gate.put("/config/" + PRODUCT_SUBJECT, "{\"compatibility\":\"BACKWARD\"}").status()).isEqualTo(200);
            assertDenied(owner.put("/config/" + PRODUCT_SUBJECT, "{\"compatibility\":\"NONE\"}"), "AlterConfigs", PRODUCT_SUBJECT);
            assertDenied(owner.put("/mode/" + PRODUCT_SUBJECT, "{\"mode\":\"READONLY\"}"), "AlterConfigs", PRODUCT_SUBJECT);
            assertDenied(owner.delete("/subjects/" + PRODUCT_SUBJECT), "Delete", PRODUCT_SUBJECT);
            assertDenied(gate.delete("/subjects/" + PRODUCT_SUBJECT + "/versions/1"), "Delete", PRODUCT_SUBJECT);
            assertThat(owner.get("/subjects/" + PRODUCT_SUBJECT + "/versions").status()).isEqualTo(200);
            assertThat(admin.delete("/subjects/" + PRODUCT_SUBJECT).status()).isEqualTo(200);
        }
    }

    @Test
    void importModeAndRegistryWideSettingsAreTheAdminsOnly(KafkaCluster kafka) {
        try (SchemaRegistryServer registry = secure(kafka)) {
            Http a = new Http(registry.url()).withBasicAuth("team-" + A, "a-pw");
            Http gate = new Http(registry.url()).withBasicAuth("gate", "g4te");
            Http admin = new Http(registry.url()).withBasicAuth("admin", "adm1n");
            String subject = A + ".imported-value";
            assertDenied(a.put("/mode/" + subject, "{\"mode\":\"import\"}"), "AlterConfigs", subject);
            assertDenied(gate.put("/mode", "{\"mode\":\"IMPORT\"}"), "AlterConfigs", "Cluster");
            assertDenied(a.put("/config", "{\"compatibility\":\"NONE\"}"), "AlterConfigs", "Cluster");
            assertThat(a.put("/mode/" + subject, "{\"mode\":\"READONLY\"}").status()).as("its own subject's mode").isEqualTo(200);
            assertThat(admin.put("/mode/" + subject, "{\"mode\":\"IMPORT\"}").status()).isEqualTo(200);
            assertThat(admin.delete("/mode/" + subject).status()).isEqualTo(200);
        }
    }

    @Test
    void aCrossSitePostIsRefusedInSecureModeEvenWithCredentials(KafkaCluster kafka) {
        try (SchemaRegistryServer registry = secure(kafka)) {
            Http admin = new Http(registry.url()).withBasicAuth("admin", "adm1n");
            Http.Answer plain = admin.send("POST", "/subjects/" + A + ".csrf-value/versions", SCHEMA, "text/plain");
            assertThat(plain.status()).isEqualTo(415);
            assertThat(plain.errorCode()).isEqualTo(415);
            Http.Answer evil = admin.withOrigin("https://evil.example").post("/subjects/" + A + ".csrf-value/versions", SCHEMA);
            assertThat(evil.status()).isEqualTo(403);
            assertThat(evil.errorCode()).isEqualTo(403);
            assertThat(admin.get("/subjects").json()).as("nothing registered").noneMatch(s -> s.asText().startsWith(A + ".csrf"));
        }
    }

    private static void assertDenied(Http.Answer answer, String operation, String resource) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(403);
        assertThat(answer.errorCode()).isEqualTo(40301);
        assertThat(answer.json().path("message").asText()).startsWith("User is denied operation " + operation + " on ").contains(resource);
    }

    private static String letters() {
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            name.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return name.toString();
    }
}
