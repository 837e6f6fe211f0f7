package io.meshbone.registry;

import static io.meshbone.registry.Registries.field;
import static io.meshbone.registry.Registries.fieldWithDefault;
import static io.meshbone.registry.Registries.record;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meshbone.localkafka.KafkaCluster;
import io.meshbone.localkafka.testing.SharedKafka;
import io.meshbone.localkafka.testing.TestTopics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Lookups Confluent's clients make, answered over plain HTTP as Confluent's server answers them (each found wrong
 * first through {@link ConfluentJsClientIT}).
 */
@ExtendWith(SharedKafka.class)
class ClientLookupsIT {

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
        return TestTopics.unique("lookups") + "-value";
    }

    // Confluent's deserializers send ?subject=<topic>-value even when the producer registered under another subject.
    @Test
    void servesASchemaByIdWhicheverSubjectTheQueryNames() {
        String schema = record("ById", field("a", "int"));
        String holder = subject();
        int id = http.post("/subjects/" + holder + "/versions", Http.schemaBody(schema)).json().get("id").asInt();
        String other = subject();

        Http.Answer byId = http.get("/schemas/ids/" + id + "?subject=" + other);
        assertThat(byId.status()).isEqualTo(200);
        assertThat(byId.json().get("schema").asText()).isEqualTo(schema);
        assertThat(http.get("/schemas/ids/" + id + "/schema?subject=" + other).body()).isEqualTo(schema);
        assertThat(http.get("/schemas/ids/" + id + "/subjects?subject=" + other).json().toString()).isEqualTo("[\"" + holder + "\"]");
        assertThat(http.get("/schemas/ids/" + id + "/versions?subject=" + other).json().toString())
                .isEqualTo("[{\"subject\":\"" + holder + "\",\"version\":1}]");
        Http.Answer unknown = http.get("/schemas/ids/" + (id + 1000) + "?subject=" + other);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo(40403);
    }

    @Test
    void theLatestOfASubjectWithoutLiveVersionsIsCompatibleAndAMissingNumberedVersionIs40402() {
        String schema = Http.schemaBody(record("Compat", field("a", "int")));
        String empty = subject();
        Http.Answer latest = http.post("/compatibility/subjects/" + empty + "/versions/latest", schema);
        assertThat(latest.status()).isEqualTo(200);
        assertThat(latest.json().get("is_compatible").asBoolean()).isTrue();
        Http.Answer numbered = http.post("/compatibility/subjects/" + empty + "/versions/1", schema);
        assertThat(numbered.status()).isEqualTo(404);
        assertThat(numbered.errorCode()).isEqualTo(40402);

        String deleted = subject();
        http.post("/subjects/" + deleted + "/versions", Http.schemaBody(record("Compat", field("a", "string"))));
        http.delete("/subjects/" + deleted);
        assertThat(http.post("/compatibility/subjects/" + deleted + "/versions/latest", schema).json().get("is_compatible")
                .asBoolean()).as("soft-deleted versions take no part").isTrue();
        assertThat(http.post("/compatibility/subjects/" + deleted + "/versions/1", schema).errorCode()).isEqualTo(40402);
    }

    @Test
    void findsTheLatestVersionWhoseMetadataHoldsEveryPairAsked() {
        String subject = subject();
        int gold = register(subject, record("Tiered", field("a", "int")), "gold");
        int silver = register(subject, record("Tiered", field("a", "int"), fieldWithDefault("b", "int", "0")), "silver");
        http.post("/subjects/" + subject + "/versions", Http.schemaBody(record("Tiered", field("a", "int"),
                fieldWithDefault("b", "int", "0"), fieldWithDefault("c", "int", "0"))));

        String metadata = "/subjects/" + subject + "/metadata";
        assertThat(http.get(metadata + "?key=owner&value=team-orders&key=tier&value=gold").json().get("id").asInt()).isEqualTo(gold);
        assertThat(http.get(metadata + "?key=tier&value=gold&key=owner&value=team-orders").json().get("version").asInt()).isEqualTo(1);
        assertThat(http.get(metadata + "?key=owner&value=team-orders").json().get("id").asInt()).isEqualTo(silver);
        assertThat(http.get(metadata).json().get("version").asInt()).as("a version without metadata never matches").isEqualTo(2);
        Http.Answer none = http.get(metadata + "?key=owner&value=team-orders&key=tier&value=bronze");
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.errorCode()).isEqualTo(40403);
    }

    // Confluent's JS client sends updateConfig(subject, {normalize: true}); the registry keeps it and normalizes with it.
    @Test
    void keepsNormalizeInASubjectsConfigAndNormalizesItsRegistrations() {
        String subject = subject();
        Http.Answer set = http.put("/config/" + subject, "{\"normalize\":true}");
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.json().toString()).isEqualTo("{\"normalize\":true}");
        assertThat(http.get("/config/" + subject).json().toString()).isEqualTo("{\"normalize\":true}");
        assertThat(http.put("/config/" + subject, "{\"compatibility\":\"FULL\"}").json().toString())
                .as("fields the update leaves out keep their value").isEqualTo("{\"compatibility\":\"FULL\",\"normalize\":true}");
        assertThat(http.get("/config/" + subject).json().toString()).isEqualTo("{\"compatibilityLevel\":\"FULL\",\"normalize\":true}");

        String a = "{\"type\":\"record\",\"name\":\"Norm\",\"fields\":[{\"name\":\"x\",\"type\":\"int\",\"doc\":\"d\",\"tag\":\"p\",\"z\":\"q\"}]}";
        String b = "{\"fields\":[{\"z\":\"q\",\"tag\":\"p\",\"type\":\"int\",\"doc\":\"d\",\"name\":\"x\"}],\"name\":\"Norm\",\"type\":\"record\"}";
        int first = http.post("/subjects/" + subject + "/versions", Http.schemaBody(a)).json().get("id").asInt();
        Http.Answer second = http.post("/subjects/" + subject + "/versions", Http.schemaBody(b));
        assertThat(second.json().get("id").asInt()).as("no ?normalize=true: the config's").isEqualTo(first);
        assertThat(second.json().get("version").asInt()).isEqualTo(1);
        assertThat(http.post("/subjects/" + subject, Http.schemaBody(b)).json().get("id").asInt()).isEqualTo(first);
        String other = subject();
        http.post("/subjects/" + other + "/versions", Http.schemaBody(a));
        assertThat(http.post("/subjects/" + other + "/versions", Http.schemaBody(b)).json().get("version").asInt())
                .as("a subject without normalize keeps the two apart").isEqualTo(2);

        assertThat(http.delete("/config/" + subject).json().toString()).isEqualTo("{\"compatibilityLevel\":\"FULL\",\"normalize\":true}");
        assertThat(http.get("/config/" + subject).errorCode()).isEqualTo(40408);
    }

    @Test
    void refusesConfigFieldsItDoesNotKeepByName() {
        String subject = subject();
        Http.Answer alias = http.put("/config/" + subject, "{\"compatibility\":\"NONE\",\"alias\":\"other\"}");
        assertThat(alias.status()).isEqualTo(422);
        assertThat(alias.errorCode()).isEqualTo(42203);
        assertThat(alias.json().get("message").asText()).contains("'alias'");
        Http.Answer notBoolean = http.put("/config/" + subject, "{\"normalize\":\"yes\"}");
        assertThat(notBoolean.errorCode()).isEqualTo(42203);
        assertThat(notBoolean.json().get("message").asText()).contains("'normalize'", "\"yes\"");
        assertThat(http.get("/config/" + subject).errorCode()).as("nothing was stored").isEqualTo(40408);

        // A client serialising every field of its request sends the unset ones empty: they ask for nothing.
        Http.Answer allFields = http.put("/config/" + subject, "{\"compatibility\":\"NONE\",\"alias\":null,"
                + "\"compatibilityGroup\":\"\",\"validateFields\":false,\"defaultMetadata\":{},\"overrideRuleSet\":null}");
        assertThat(allFields.status()).as(allFields.body()).isEqualTo(200);
        assertThat(http.get("/config/" + subject).json().get("compatibilityLevel").asText()).isEqualTo("NONE");
        assertThat(http.put("/config/" + subject, "{\"validateFields\":true}").errorCode()).isEqualTo(42203);
    }

    private static int register(String subject, String schema, String tier) {
        ObjectNode body = Http.JSON.createObjectNode().put("schema", schema);
        body.putObject("metadata").putObject("properties").put("owner", "team-orders").put("tier", tier);
        Http.Answer answer = http.post("/subjects/" + subject + "/versions", body.toString());
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().get("id").asInt();
    }
}
