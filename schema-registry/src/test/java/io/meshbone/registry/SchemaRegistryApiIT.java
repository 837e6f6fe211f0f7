package io.meshbone.registry;

import static io.meshbone.registry.Registries.field;
import static io.meshbone.registry.Registries.fieldWithDefault;
import static io.meshbone.registry.Registries.record;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meshbone.localkafka.KafkaCluster;
import io.meshbone.localkafka.testing.SharedKafka;
import io.meshbone.localkafka.testing.TestTopics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedKafka.class)
class SchemaRegistryApiIT {

    private static SchemaRegistryServer registry;
    private static Http http;

    @BeforeAll
    static void start(KafkaCluster kafka) {
        registry = Registries.start(kafka, Registries.uniqueTopic());
        http = new Http(registry.url());
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    private static String subject() {
        return TestTopics.unique("orders") + "-value";
    }

    @Test
    void registersAndReadsBackASchemaInCanonicalForm() {
        String subject = subject();
        String spaced = "{ \"type\" : \"record\", \"name\" : \"Order\", \"fields\" : [ {\"name\":\"id\", \"type\":\"string\"} ] }";
        Http.Answer registered = http.post("/subjects/" + subject + "/versions", Http.schemaBody(spaced));
        assertThat(registered.status()).isEqualTo(200);
        assertThat(registered.contentType()).isEqualTo("application/vnd.schemaregistry.v1+json");
        int id = registered.json().get("id").asInt();

        Http.Answer version = http.get("/subjects/" + subject + "/versions/1");
        assertThat(version.json().get("schema").asText())
                .isEqualTo("{\"type\":\"record\",\"name\":\"Order\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"}]}");
        assertThat(version.json().get("id").asInt()).isEqualTo(id);
        assertThat(version.json().has("schemaType")).as("AVRO is implied").isFalse();
        assertThat(http.get("/subjects/" + subject + "/versions/latest").json()).isEqualTo(version.json());
        assertThat(http.get("/subjects/" + subject + "/versions/-1").json()).isEqualTo(version.json());
        assertThat(http.get("/schemas/ids/" + id).json().get("schema").asText()).isEqualTo(version.json().get("schema").asText());
        assertThat(http.get("/schemas/ids/" + id + "/schema").body()).isEqualTo(version.json().get("schema").asText());
        assertThat(http.get("/subjects/" + subject + "/versions/1/schema").body()).isEqualTo(version.json().get("schema").asText());
    }

    @Test
    void givesTheSameIdToTheSameSchemaUnderAnotherSubjectAndReturnsTheExistingVersionOnRepeat() {
        String first = subject();
        String second = subject();
        String schema = Http.schemaBody(record("Shared", field("a", "int")));
        int id = http.post("/subjects/" + first + "/versions", schema).json().get("id").asInt();
        Http.Answer again = http.post("/subjects/" + first + "/versions", schema);
        assertThat(again.json().get("id").asInt()).isEqualTo(id);
        assertThat(again.json().get("version").asInt()).isEqualTo(1);
        assertThat(http.post("/subjects/" + second + "/versions", schema).json().get("id").asInt()).isEqualTo(id);
        assertThat(http.get("/schemas/ids/" + id + "/subjects").json().toString()).contains(first, second);
        assertThat(http.get("/schemas/ids/" + id + "/versions").json().size()).isEqualTo(2);
        assertThat(http.get("/subjects/" + first + "/versions").json().toString()).isEqualTo("[1]");
    }

    @Test
    void looksUpASchemaUnderASubject() {
        String subject = subject();
        String schema = record("Looked", field("a", "string"));
        int id = http.post("/subjects/" + subject + "/versions", Http.schemaBody(schema)).json().get("id").asInt();
        Http.Answer found = http.post("/subjects/" + subject, Http.schemaBody(schema));
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json().get("id").asInt()).isEqualTo(id);
        assertThat(found.json().get("subject").asText()).isEqualTo(subject);
        assertThat(found.json().get("version").asInt()).isEqualTo(1);
        Http.Answer missing = http.post("/subjects/" + subject, Http.schemaBody(record("Other", field("b", "int"))));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.errorCode()).isEqualTo(40403);
    }

    @Test
    void rejectsAnIncompatibleSchemaWith409AndNamesTheFieldWhenVerbose() {
        String subject = subject();
        http.post("/subjects/" + subject + "/versions", Http.schemaBody(record("Evolving", field("a", "string"))));
        String breaking = Http.schemaBody(record("Evolving", field("a", "string"), field("required", "int")));
        Http.Answer rejected = http.post("/subjects/" + subject + "/versions", breaking);
        assertThat(rejected.status()).isEqualTo(409);
        assertThat(rejected.errorCode()).isEqualTo(40901);
        assertThat(rejected.json().get("message").asText()).contains("READER_FIELD_MISSING_DEFAULT_VALUE", "'required'");

        Http.Answer verbose = http.post("/compatibility/subjects/" + subject + "/versions/latest?verbose=true", breaking);
        assertThat(verbose.json().get("is_compatible").asBoolean()).isFalse();
        assertThat(verbose.json().get("messages").toString())
                .contains("The field 'required' at path '/fields/1' in the new schema has no default value");
        Http.Answer terse = http.post("/compatibility/subjects/" + subject + "/versions", breaking);
        assertThat(terse.json().get("is_compatible").asBoolean()).isFalse();
        assertThat(terse.json().has("messages")).isFalse();

        String fine = Http.schemaBody(record("Evolving", field("a", "string"), fieldWithDefault("optional", "int", "0")));
        assertThat(http.post("/compatibility/subjects/" + subject + "/versions", fine).json().get("is_compatible").asBoolean()).isTrue();
        assertThat(http.post("/subjects/" + subject + "/versions", fine).json().get("version").asInt()).isEqualTo(2);
    }

    @Test
    void keepsConfigPerSubjectAndFallsBackToGlobalOnlyWhenAsked() {
        String subject = subject();
        Http.Answer none = http.get("/config/" + subject);
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.errorCode()).isEqualTo(40408);
        assertThat(http.get("/config/" + subject + "?defaultToGlobal=true").json().get("compatibilityLevel").asText())
                .isEqualTo(http.get("/config").json().get("compatibilityLevel").asText());
        Http.Answer set = http.put("/config/" + subject, "{\"compatibility\":\"full_transitive\"}");
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.json().get("compatibility").asText()).isEqualTo("FULL_TRANSITIVE");
        assertThat(http.get("/config/" + subject).json().get("compatibilityLevel").asText()).isEqualTo("FULL_TRANSITIVE");
        assertThat(http.delete("/config/" + subject).json().get("compatibilityLevel").asText()).isEqualTo("FULL_TRANSITIVE");
        assertThat(http.get("/config/" + subject).errorCode()).isEqualTo(40408);
    }

    @Test
    void softDeletesThenPermanentlyDeletesAVersion() {
        String subject = subject();
        http.post("/subjects/" + subject + "/versions", Http.schemaBody(record("Del", field("a", "string"))));
        http.post("/subjects/" + subject + "/versions", Http.schemaBody(record("Del", field("a", "string"), fieldWithDefault("b", "int", "1"))));
        assertThat(http.delete("/subjects/" + subject + "/versions/1?permanent=true").errorCode()).isEqualTo(40407);
        assertThat(http.delete("/subjects/" + subject + "/versions/1").body()).isEqualTo("1");
        assertThat(http.delete("/subjects/" + subject + "/versions/1").errorCode()).isEqualTo(40406);
        assertThat(http.get("/subjects/" + subject + "/versions").json().toString()).isEqualTo("[2]");
        assertThat(http.get("/subjects/" + subject + "/versions?deleted=true").json().toString()).isEqualTo("[1,2]");
        assertThat(http.get("/subjects/" + subject + "/versions?deletedOnly=true").json().toString()).isEqualTo("[1]");
        assertThat(http.get("/subjects/" + subject + "/versions/1").errorCode()).isEqualTo(40402);
        assertThat(http.get("/subjects/" + subject + "/versions/1?deleted=true").status()).isEqualTo(200);
        assertThat(http.delete("/subjects/" + subject + "/versions/1?permanent=true").body()).isEqualTo("1");
        assertThat(http.get("/subjects/" + subject + "/versions?deleted=true").json().toString()).isEqualTo("[2]");
    }

    @Test
    void softDeletesThenPermanentlyDeletesASubject() {
        String subject = subject();
        http.post("/subjects/" + subject + "/versions", Http.schemaBody(record("Gone", field("a", "string"))));
        assertThat(http.delete("/subjects/" + subject + "?permanent=true").errorCode()).isEqualTo(40405);
        assertThat(http.delete("/subjects/" + subject).json().toString()).isEqualTo("[1]");
        assertThat(http.delete("/subjects/" + subject).errorCode()).isEqualTo(40404);
        assertThat(http.get("/subjects").json().toString()).doesNotContain(subject);
        assertThat(http.get("/subjects?deleted=true").json().toString()).contains(subject);
        assertThat(http.get("/subjects?deletedOnly=true").json().toString()).contains(subject);
        assertThat(http.delete("/subjects/" + subject + "?permanent=true").json().toString()).isEqualTo("[1]");
        assertThat(http.get("/subjects?deleted=true").json().toString()).doesNotContain(subject);
        assertThat(http.get("/subjects/" + subject + "/versions").errorCode()).isEqualTo(40401);
    }

    @Test
    void resolvesReferencesAndRefusesToDeleteAReferencedVersion() {
        String addressSubject = subject();
        http.post("/subjects/" + addressSubject + "/versions", Http.schemaBody(record("Address", field("city", "string"))));
        ObjectNode body = Http.JSON.createObjectNode();
        body.put("schema", record("Customer", "{\"name\":\"home\",\"type\":\"io.meshbone.test.Address\"}"));
        body.putArray("references").addObject().put("name", "io.meshbone.test.Address").put("subject", addressSubject).put("version", 1);
        String customerSubject = subject();
        Http.Answer registered = http.post("/subjects/" + customerSubject + "/versions", body.toString());
        assertThat(registered.status()).isEqualTo(200);
        int id = registered.json().get("id").asInt();
        Http.Answer byId = http.get("/schemas/ids/" + id);
        assertThat(byId.json().get("references").get(0).get("subject").asText()).isEqualTo(addressSubject);
        // The referenced type stays a name (relative to the namespace, as Avro writes it), never inlined.
        assertThat(byId.json().get("schema").asText()).contains("\"type\":\"Address\"").doesNotContain("city");
        assertThat(http.get("/subjects/" + addressSubject + "/versions/1/referencedby").json().toString()).isEqualTo("[" + id + "]");
        Http.Answer refused = http.delete("/subjects/" + addressSubject + "/versions/1");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.errorCode()).isEqualTo(42206);
    }

    @Test
    void storesAndReturnsMetadataAndRuleSet() {
        String subject = subject();
        ObjectNode body = Http.JSON.createObjectNode();
        body.put("schema", record("Governed", field("email", "string")));
        body.putObject("metadata").putObject("properties").put("owner", "team-orders");
        body.putObject("ruleSet").putArray("domainRules").addObject().put("name", "checkEmail").put("kind", "CONDITION")
                .put("type", "CEL").put("expr", "message.email != ''");
        Http.Answer registered = http.post("/subjects/" + subject + "/versions", body.toString());
        assertThat(registered.status()).isEqualTo(200);
        Http.Answer read = http.get("/subjects/" + subject + "/versions/1");
        assertThat(read.json().get("metadata")).isEqualTo(body.get("metadata"));
        assertThat(read.json().get("ruleSet")).isEqualTo(body.get("ruleSet"));
        assertThat(http.get("/schemas/ids/" + registered.json().get("id").asInt()).json().get("ruleSet")).isEqualTo(body.get("ruleSet"));
        assertThat(http.get("/subjects/" + subject + "/metadata?key=owner&value=team-orders").json().get("version").asInt()).isEqualTo(1);

        ObjectNode withoutMetadata = Http.JSON.createObjectNode().put("schema", record("Governed", field("email", "string")));
        Http.Answer other = http.post("/subjects/" + subject + "/versions", withoutMetadata.toString());
        assertThat(other.json().get("id").asInt()).as("metadata is part of the schema's identity")
                .isNotEqualTo(registered.json().get("id").asInt());
    }

    @Test
    void honoursReadOnlyAndImportModes() {
        String subject = subject();
        assertThat(http.get("/mode/" + subject).errorCode()).isEqualTo(40409);
        assertThat(http.get("/mode/" + subject + "?defaultToGlobal=true").json().get("mode").asText()).isEqualTo("READWRITE");
        assertThat(http.put("/mode/" + subject, "{\"mode\":\"READONLY\"}").json().get("mode").asText()).isEqualTo("READONLY");
        Http.Answer refused = http.post("/subjects/" + subject + "/versions", Http.schemaBody(record("Ro", field("a", "int"))));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.errorCode()).isEqualTo(42205);
        assertThat(http.put("/mode/" + subject, "{\"mode\":\"IMPORT\"}").status()).isEqualTo(200);
        ObjectNode imported = Http.JSON.createObjectNode().put("schema", record("Imported", field("a", "int")))
                .put("id", 900_000).put("version", 7);
        Http.Answer registered = http.post("/subjects/" + subject + "/versions", imported.toString());
        assertThat(registered.status()).isEqualTo(200);
        assertThat(registered.json().get("id").asInt()).isEqualTo(900_000);
        assertThat(http.get("/subjects/" + subject + "/versions/7").json().get("id").asInt()).isEqualTo(900_000);
        assertThat(http.put("/mode/" + subject, "{\"mode\":\"SIDEWAYS\"}").errorCode()).isEqualTo(42204);
        assertThat(http.delete("/mode/" + subject).json().get("mode").asText()).isEqualTo("IMPORT");
        ObjectNode explicitId = Http.JSON.createObjectNode().put("schema", record("Imported", field("b", "int"))).put("id", 900_001);
        assertThat(http.post("/subjects/" + subject + "/versions", explicitId.toString()).errorCode()).isEqualTo(42205);
    }

    @Test
    void refusesGlobalImportModeOverExistingSchemasUnlessForced() {
        http.post("/subjects/" + subject() + "/versions", Http.schemaBody(record("Existing", field("a", "int"))));
        Http.Answer refused = http.put("/mode", "{\"mode\":\"IMPORT\"}");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.errorCode()).isEqualTo(42205);
        assertThat(http.put("/mode?force=true", "{\"mode\":\"IMPORT\"}").json().get("mode").asText()).isEqualTo("IMPORT");
        assertThat(http.put("/mode", "{\"mode\":\"READWRITE\"}").json().get("mode").asText()).isEqualTo("READWRITE");
    }

    @Test
    void listsSchemasSubjectsContextsAndTypesWithPrefixAndPaging() {
        String prefix = TestTopics.unique("paging");
        List<String> subjects = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String subject = prefix + "-" + i;
            subjects.add(subject);
            http.post("/subjects/" + subject + "/versions", Http.schemaBody(record("Paged" + i, field("a", "int"))));
        }
        assertThat(http.get("/subjects?subjectPrefix=" + prefix).json().toString())
                .isEqualTo("[\"" + String.join("\",\"", subjects) + "\"]");
        Http.Answer page = http.get("/schemas?subjectPrefix=" + prefix + "&offset=1&limit=1");
        assertThat(page.json().size()).isEqualTo(1);
        assertThat(page.json().get(0).get("subject").asText()).isEqualTo(subjects.get(1));
        assertThat(http.get("/schemas?subjectPrefix=" + prefix + "&latestOnly=true").json().size()).isEqualTo(3);
        assertThat(http.get("/contexts").json().toString()).isEqualTo("[\".\"]");
        assertThat(http.get("/schemas/types").json().toString()).isEqualTo("[\"AVRO\"]");
        assertThat(http.get("/").status()).isEqualTo(200);
    }

    @Test
    void normalizesKeyOrderWhenAskedSoReorderedSchemasShareAnId() {
        String subject = subject();
        String a = "{\"type\":\"record\",\"name\":\"Norm\",\"fields\":[{\"name\":\"x\",\"type\":\"int\",\"doc\":\"d\",\"tag\":\"p\",\"z\":\"q\"}]}";
        String b = "{\"fields\":[{\"z\":\"q\",\"tag\":\"p\",\"type\":\"int\",\"doc\":\"d\",\"name\":\"x\"}],\"name\":\"Norm\",\"type\":\"record\"}";
        int first = http.post("/subjects/" + subject + "/versions?normalize=true", Http.schemaBody(a)).json().get("id").asInt();
        Http.Answer second = http.post("/subjects/" + subject + "/versions?normalize=true", Http.schemaBody(b));
        assertThat(second.json().get("id").asInt()).isEqualTo(first);
        assertThat(second.json().get("version").asInt()).isEqualTo(1);
    }

    @Test
    void acceptsEveryConfluentContentType() {
        String subject = subject();
        for (String type : List.of("application/vnd.schemaregistry.v1+json", "application/vnd.schemaregistry+json",
                "application/json", "application/octet-stream")) {
            Http.Answer answer = http.send("POST", "/subjects/" + subject + "/versions",
                    Http.schemaBody(record("Typed", field("a", "int"))), type);
            assertThat(answer.status()).as(type).isEqualTo(200);
            assertThat(answer.contentType()).isEqualTo("application/vnd.schemaregistry.v1+json");
        }
    }
}
