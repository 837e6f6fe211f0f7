package io.meshbone.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meshbone.localkafka.KafkaCluster;
import io.meshbone.localkafka.testing.SharedKafka;
import io.meshbone.localkafka.testing.TestTopics;
import io.meshbone.platform.serde.MeshAvroDeserializer;
import io.meshbone.platform.serde.MeshAvroSerializer;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Confluent's JavaScript client ({@value ConfluentJsClients#CONFLUENT} {@value ConfluentJsClients#CONFLUENT_VERSION})
 * and kafkajs' ({@value ConfluentJsClients#KAFKAJS} {@value ConfluentJsClients#KAFKAJS_VERSION}) against a real
 * registry on the shared broker: one node run makes every call (registry-calls.js), each test checks a part of what
 * the clients were answered, and bytes cross between their serializers and Meshbone's Java serdes both ways.
 */
@ExtendWith(SharedKafka.class)
class ConfluentJsClientIT {

    private static final String V1 = order("");
    private static final String V2 = order(",{\"name\":\"currency\",\"type\":\"string\",\"default\":\"EUR\",\"doc\":\"ISO 4217 code\"}");
    private static final String V3 = order(",{\"name\":\"currency\",\"type\":\"string\",\"default\":\"EUR\",\"doc\":\"ISO 4217 code\"}"
            + ",{\"name\":\"note\",\"type\":\"string\",\"doc\":\"no default: BACKWARD refuses it\"}");

    // One schema with a custom property, spelled with its keys in two orders: only normalization makes them one.
    private static final String NORMALIZED_A = "{\"type\":\"record\",\"name\":\"Norm\",\"fields\":[{\"name\":\"x\",\"type\":\"int\","
            + "\"doc\":\"d\",\"tag\":\"p\",\"z\":\"q\"}]}";
    private static final String NORMALIZED_B = "{\"fields\":[{\"z\":\"q\",\"tag\":\"p\",\"type\":\"int\",\"doc\":\"d\",\"name\":\"x\"}],"
            + "\"name\":\"Norm\",\"type\":\"record\"}";

    private static final Schema SHIPMENT = new Schema.Parser().parse("""
            {"type":"record","name":"JavaShipment","namespace":"io.meshbone.test","doc":"Written by Meshbone's serializer","fields":[
             {"name":"id","type":"string","doc":"id"},
             {"name":"weightGrams","type":"long","doc":"weight"},
             {"name":"parcels","type":"int","doc":"parcels"},
             {"name":"express","type":"boolean","doc":"express"},
             {"name":"note","type":["null","string"],"default":null,"doc":"optional"},
             {"name":"status","type":{"type":"enum","name":"ShipmentStatus","symbols":["NEW","SHIPPED"]},"doc":"status"},
             {"name":"tags","type":{"type":"array","items":"string"},"doc":"tags"},
             {"name":"counts","type":{"type":"map","values":"long"},"doc":"counts"},
             {"name":"ratio","type":"double","doc":"ratio"}]}""");
    private static final Schema PARCEL = new Schema.Parser().parse("""
            {"type":"record","name":"JavaParcel","namespace":"io.meshbone.test","doc":"Under its record name's subject","fields":[
             {"name":"label","type":"string","doc":"label"}]}""");

    private static SchemaRegistryServer registry;
    private static SchemaRegistryServer withBasicAuth;
    private static String prefix;
    private static JsonNode js;

    @BeforeAll
    static void runBothClients(KafkaCluster kafka) throws Exception {
        registry = Registries.start(kafka, Registries.uniqueTopic());
        withBasicAuth = SchemaRegistryServer.start(SchemaRegistrySettings.defaults(kafka.bootstrapServers()).withHost("127.0.0.1")
                .withPort(0).withTopic(Registries.uniqueTopic()).withUsers(Map.of("js-user", "js-s3cret")));
        ConfluentJsClients clients = ConfluentJsClients.install(Path.of("target", "confluent-js-clients"));
        prefix = TestTopics.unique("js");

        ObjectNode input = Http.JSON.createObjectNode().put("url", registry.url().toString()).put("prefix", prefix);
        input.putObject("schemas").put("v1", V1).put("v2", V2).put("v3", V3).put("normalizedA", NORMALIZED_A)
                .put("normalizedB", NORMALIZED_B);
        input.putObject("basicAuth").put("url", withBasicAuth.url().toString()).put("user", "js-user").put("password", "js-s3cret");
        ObjectNode javaBytes = input.putObject("javaBytes");
        javaBytes.putObject("topicName").put("topic", prefix + "-java")
                .put("hex", hex(serialize(Map.of(), prefix + "-java", shipment())));
        // Its id is registered only under io.meshbone.test.JavaParcel: a consumer of the topic asks with <topic>-value.
        GenericRecord parcel = new GenericData.Record(PARCEL);
        parcel.put("label", "P-7");
        javaBytes.putObject("recordName").put("topic", prefix + "-java-rn").put("hex", hex(serialize(
                Map.of("value.subject.name.strategy", "RecordNameStrategy"), prefix + "-java-rn", parcel)));

        js = clients.calls(input);
    }

    @AfterAll
    static void stop() {
        if (registry != null) {
            registry.close();
        }
        if (withBasicAuth != null) {
            withBasicAuth.close();
        }
    }

    @Test
    void registeringTheSameSchemaAgainAnswersTheSameIdAndVersion() {
        int id = js.at("/cfRegisterV1/id").asInt();
        assertThat(id).isPositive();
        assertThat(js.at("/cfRegisterV1/version").asInt()).isEqualTo(1);
        assertThat(js.get("cfRegisterV1Again").asInt()).isEqualTo(id);
        assertThat(js.at("/cfGetId/id").asInt()).isEqualTo(id);
        assertThat(js.at("/cfGetId/version").asInt()).isEqualTo(1);
        assertThat(js.at("/cfGetId/subject").asText()).isEqualTo(prefix + "-cf-value");
        // The same schema under another subject is the same id, registered through kafkajs too.
        assertThat(js.at("/kjRegisterV1/id").asInt()).isEqualTo(id);
        assertThat(js.at("/kjRegisterV1Again/id").asInt()).isEqualTo(id);
    }

    @Test
    void aCompatibleEvolutionIsVersionTwoWithANewId() {
        int v1 = js.at("/cfRegisterV1/id").asInt();
        int v2 = js.at("/cfRegisterV2/id").asInt();
        assertThat(v2).isGreaterThan(v1);
        assertThat(js.at("/cfRegisterV2/version").asInt()).isEqualTo(2);
        assertThat(js.get("cfGetVersionV1").asInt()).isEqualTo(1);
        assertThat(js.get("cfGetVersionV2").asInt()).isEqualTo(2);
        assertThat(js.at("/kjRegisterV2/id").asInt()).isEqualTo(v2);
        assertThat(js.at("/kjRegisterV2/version").asInt()).isEqualTo(2);
    }

    @Test
    void anIncompatibleSchemaIsRefusedWith409AndTheReasonBothClientsReport() {
        JsonNode confluent = js.get("cfRegisterV3Incompatible");
        assertThat(confluent.path("failed").asBoolean()).isTrue();
        assertThat(confluent.path("name").asText()).isEqualTo("RestError");
        assertThat(confluent.path("status").asInt()).isEqualTo(409);
        assertThat(confluent.path("errorCode").asInt()).isEqualTo(40901);
        assertThat(confluent.path("message").asText()).contains("READER_FIELD_MISSING_DEFAULT_VALUE", "'note'");
        JsonNode kafkajs = js.get("kjRegisterV3Incompatible");
        assertThat(kafkajs.path("name").asText()).isEqualTo("ResponseError");
        assertThat(kafkajs.path("status").asInt()).isEqualTo(409);
        assertThat(kafkajs.path("message").asText()).contains("incompatible with an earlier schema", "'note'");
    }

    @Test
    void looksSchemasUpByIdSubjectVersionAndLatest() {
        int v1 = js.at("/cfRegisterV1/id").asInt();
        int v2 = js.at("/cfRegisterV2/id").asInt();
        assertThat(parse(js.at("/cfGetBySubjectAndId/schema").asText())).isEqualTo(parse(V1));
        assertThat(js.at("/cfGetSchemaMetadataV1/id").asInt()).isEqualTo(v1);
        assertThat(js.at("/cfGetSchemaMetadataV1/version").asInt()).isEqualTo(1);
        assertThat(js.at("/cfGetLatest/id").asInt()).isEqualTo(v2);
        assertThat(js.at("/cfGetLatest/version").asInt()).isEqualTo(2);
        assertThat(parse(js.at("/cfGetLatest/schema").asText())).isEqualTo(parse(V2));
        assertThat(ints(js.get("cfGetAllVersions"))).containsExactly(1, 2);
        // The test's Java serializer registered <prefix>-java-value before the script ran.
        assertThat(texts(js.get("cfGetAllSubjects"))).containsExactlyInAnyOrder(prefix + "-cf-value", prefix + "-java-value");
        assertThat(js.get("kjGetLatestSchemaId").asInt()).isEqualTo(v2);
        assertThat(js.get("kjGetRegistryIdVersion1").asInt()).isEqualTo(v1);
        assertThat(js.get("kjGetRegistryIdLatest").asInt()).isEqualTo(v2);
        assertThat(js.get("kjGetRegistryIdBySchema").asInt()).isEqualTo(v1);
        assertThat(js.get("kjGetSchema").asText()).isEqualTo("io.meshbone.test.JsOrder");
        assertThat(js.at("/kjGetRegistryIdBySchemaUnknown/name").asText()).isEqualTo("ConfluentSchemaRegistryError");
        assertThat(js.at("/kjGetRegistryIdBySchemaUnknown/message").asText()).contains("Schema not found");
    }

    @Test
    void testsCompatibilityAgainstTheLatestAndANumberedVersion() {
        assertThat(js.get("cfTestSubjectCompatibilityV3").asBoolean()).isFalse();
        assertThat(js.get("cfTestSubjectCompatibilityV2").isBoolean()).isTrue();
        assertThat(js.get("cfTestSubjectCompatibilityV2").asBoolean()).isTrue();
        assertThat(js.get("cfTestCompatibilityV1AgainstVersion1").asBoolean()).isTrue();
    }

    @Test
    void readsAndChangesTheCompatibilityConfigAsTheClientsExpect() {
        assertThat(js.at("/cfGetCompatibilityUnset/status").asInt()).isEqualTo(404);
        assertThat(js.at("/cfGetCompatibilityUnset/errorCode").asInt()).isEqualTo(40408);
        assertThat(js.get("cfGetDefaultCompatibility").asText()).isEqualTo("BACKWARD");
        assertThat(js.at("/cfGetDefaultConfig/compatibilityLevel").asText()).isEqualTo("BACKWARD");
        assertThat(js.get("cfUpdateCompatibility").asText()).isEqualTo("FULL");
        assertThat(js.get("cfGetCompatibility").asText()).isEqualTo("FULL");
        assertThat(js.at("/cfUpdateConfig/compatibility").asText()).isEqualTo("BACKWARD_TRANSITIVE");
        assertThat(js.at("/cfGetConfig/compatibilityLevel").asText()).isEqualTo("BACKWARD_TRANSITIVE");
        // kafkajs' register() asked GET /config/{subject}, got 404, registered, then set the subject's level.
        assertThat(js.at("/kjConfigAfterFirstRegister/compatibilityLevel").asText()).isEqualTo("BACKWARD");
    }

    @Test
    void keepsNormalizeInTheConfigSoAReorderedSchemaIsTheSameVersion() {
        assertThat(js.get("cfUpdateConfigNormalize")).isEqualTo(Http.JSON.createObjectNode().put("normalize", true));
        assertThat(js.at("/cfRegisterNormalized/version").asInt()).isEqualTo(1);
        assertThat(js.at("/cfRegisterNormalizedReordered/id").asInt()).isEqualTo(js.at("/cfRegisterNormalized/id").asInt());
        assertThat(js.at("/cfRegisterNormalizedReordered/version").asInt()).isEqualTo(1);
    }

    @Test
    void softDeletesVersionsAndSubjectsThenDeletesThemPermanently() {
        assertThat(js.get("cfDeleteVersion2").asInt()).isEqualTo(2);
        assertThat(ints(js.get("cfVersionsAfterDeletingVersion2"))).containsExactly(1);
        assertThat(js.at("/cfGetDeletedVersion2/version").asInt()).isEqualTo(2);
        assertThat(js.at("/cfGetDeletedVersion2/id").asInt()).isEqualTo(js.at("/cfRegisterV2/id").asInt());
        assertThat(ints(js.get("cfDeleteSubject"))).containsExactly(1);
        assertThat(js.get("cfSubjectsAfterSoftDelete").asBoolean()).isFalse();
        assertThat(js.at("/cfLatestAfterSoftDelete/status").asInt()).isEqualTo(404);
        assertThat(js.at("/cfLatestAfterSoftDelete/errorCode").asInt()).isEqualTo(40401);
        assertThat(ints(js.get("cfDeleteSubjectPermanently"))).containsExactly(1, 2);
    }

    @Test
    void confluentSerializerWritesTheWireFormatBothClientsAndMeshboneRead() throws Exception {
        int v2 = js.at("/cfRegisterV2/id").asInt();
        JsonNode written = js.get("cfSerializedLatest");
        assertThat(written.path("magic").asInt()).isZero();
        assertThat(written.path("id").asInt()).isEqualTo(v2);
        assertThat(js.get("cfDeserializedLatest")).isEqualTo(Http.JSON.readTree("{\"id\":\"cf-1\",\"amount\":1234,\"currency\":\"USD\"}"));
        assertThat(js.get("kjDecodedConfluentSerialized")).isEqualTo(js.get("cfDeserializedLatest"));

        GenericRecord read = deserialize(prefix + "-cf", written.path("hex").asText());
        assertThat(read.getSchema()).isEqualTo(parse(V2));
        assertThat(read.get("id")).hasToString("cf-1");
        assertThat(read.get("amount")).isEqualTo(1234L);
        assertThat(read.get("currency")).hasToString("USD");

        // Meshbone's serializer writing the same record with the subject's latest schema writes the very same bytes.
        GenericRecord same = new GenericData.Record(parse(V2));
        same.put("id", "cf-1");
        same.put("amount", 1234L);
        same.put("currency", "USD");
        assertThat(hex(serialize(Map.of("use.latest.version", true, "auto.register.schemas", false), prefix + "-cf", same)))
                .isEqualTo(written.path("hex").asText());
    }

    @Test
    void confluentSerializerAutoRegistersAndPinsSchemas() throws Exception {
        JsonNode auto = js.get("cfSerializedAutoRegistered");
        assertThat(auto.path("id").asInt()).isEqualTo(js.at("/cfAutoRegisteredLatest/id").asInt());
        assertThat(js.at("/cfAutoRegisteredLatest/version").asInt()).isEqualTo(1);
        assertThat(js.get("cfDeserializedAutoRegistered")).isEqualTo(Http.JSON.readTree("{\"sku\":\"sku-9\",\"quantity\":3}"));
        GenericRecord read = deserialize(prefix + "-cf-auto", auto.path("hex").asText());
        assertThat(read.get("sku")).hasToString("sku-9");
        assertThat(read.get("quantity")).isEqualTo(3);

        assertThat(js.at("/cfSerializedWithSchemaId/id").asInt()).isEqualTo(js.at("/cfRegisterV1/id").asInt());
        assertThat(js.at("/cfSerializedKey/id").asInt()).isPositive();
        assertThat(ints(js.get("cfKeySubjectVersions"))).containsExactly(1);
    }

    @Test
    void kafkajsEncodesWhatMeshboneDecodes() throws Exception {
        JsonNode encoded = js.get("kjEncoded");
        assertThat(encoded.path("magic").asInt()).isZero();
        assertThat(encoded.path("id").asInt()).isEqualTo(js.at("/kjRegisterV2/id").asInt());
        assertThat(js.get("kjDecoded")).isEqualTo(Http.JSON.readTree("{\"id\":\"kj-1\",\"amount\":77,\"currency\":\"CHF\"}"));
        GenericRecord read = deserialize(prefix + "-kj", encoded.path("hex").asText());
        assertThat(read.get("id")).hasToString("kj-1");
        assertThat(read.get("amount")).isEqualTo(77L);
        assertThat(read.get("currency")).hasToString("CHF");
    }

    @Test
    void bothClientsDecodeWhatMeshbonesSerializerWrote() throws Exception {
        JsonNode expected = Http.JSON.readTree("""
                {"id":"s-1","weightGrams":1500,"parcels":2,"express":true,"note":"fragile","status":"SHIPPED",
                 "tags":["a","b"],"counts":{"x":1,"y":2},"ratio":0.25}""");
        assertThat(js.get("cfDecodedJava_topicName")).isEqualTo(expected);
        assertThat(js.get("kjDecodedJava_topicName")).isEqualTo(expected);
        assertThat(js.get("kjDecodedJava_recordName")).isEqualTo(Http.JSON.readTree("{\"label\":\"P-7\"}"));
    }

    // Confluent's deserializers ask GET /schemas/ids/{id}?subject=<topic>-value; Confluent serves the id whichever
    // subject has it, so a consumer reads records a RecordNameStrategy producer wrote.
    @Test
    void confluentDeserializerReadsAnIdRegisteredUnderAnotherSubject() throws Exception {
        assertThat(js.get("cfDecodedJava_recordName")).isEqualTo(Http.JSON.readTree("{\"label\":\"P-7\"}"));
    }

    @Test
    void checkingCompatibilityWithASubjectThatHasNoVersionsIsCompatible() {
        assertThat(js.get("cfTestSubjectCompatibilityNoVersions").isBoolean()).as("%s", js.get("cfTestSubjectCompatibilityNoVersions")).isTrue();
        assertThat(js.get("cfTestSubjectCompatibilityNoVersions").asBoolean()).isTrue();
        assertThat(js.at("/cfTestCompatibilityNoSuchVersion/status").asInt()).isEqualTo(404);
        assertThat(js.at("/cfTestCompatibilityNoSuchVersion/errorCode").asInt()).isEqualTo(40402);
    }

    @Test
    void theLatestSchemaWithMetadataMatchesEveryPairTheClientNames() {
        int gold = js.at("/cfRegisterWithMetadataGold/id").asInt();
        int silver = js.at("/cfRegisterWithMetadataSilver/id").asInt();
        assertThat(js.at("/cfRegisterWithMetadataGold/metadata/properties/tier").asText()).isEqualTo("gold");
        assertThat(js.at("/cfGetLatestWithMetadataOwner/id").asInt()).isEqualTo(silver);
        assertThat(js.at("/cfGetLatestWithMetadataOwnerAndGold/id").asInt()).isEqualTo(gold);
        assertThat(js.at("/cfGetLatestWithMetadataOwnerAndGold/version").asInt()).isEqualTo(1);
        assertThat(js.at("/cfGetLatestWithMetadataOwnerAndBronze/status").asInt()).isEqualTo(404);
        assertThat(js.at("/cfGetLatestWithMetadataOwnerAndBronze/errorCode").asInt()).isEqualTo(40403);
        assertThat(js.at("/cfSerializedWithMetadata/id").asInt()).isEqualTo(gold);
    }

    @Test
    void bothClientsSignInWithBasicAuthAndAClientWithoutCredentialsGets401() {
        int id = js.get("authCfRegister").asInt();
        assertThat(id).isPositive();
        assertThat(js.at("/authCfLatest/id").asInt()).isEqualTo(id);
        assertThat(js.at("/authKjRegister/version").asInt()).isEqualTo(2);
        assertThat(js.at("/authCfAnonymous/status").asInt()).isEqualTo(401);
        assertThat(js.at("/authCfAnonymous/errorCode").asInt()).isEqualTo(401);
        assertThat(js.at("/authKjWrongPassword/status").asInt()).isEqualTo(401);
    }

    private static GenericRecord shipment() {
        GenericRecord record = new GenericData.Record(SHIPMENT);
        record.put("id", "s-1");
        record.put("weightGrams", 1500L);
        record.put("parcels", 2);
        record.put("express", true);
        record.put("note", "fragile");
        record.put("status", new GenericData.EnumSymbol(SHIPMENT.getField("status").schema(), "SHIPPED"));
        record.put("tags", List.of("a", "b"));
        record.put("counts", Map.of("x", 1L, "y", 2L));
        record.put("ratio", 0.25);
        return record;
    }

    private static String order(String moreFields) {
        return "{\"type\":\"record\",\"name\":\"JsOrder\",\"namespace\":\"io.meshbone.test\",\"doc\":\"An order the JS clients write\","
                + "\"fields\":[{\"name\":\"id\",\"type\":\"string\",\"doc\":\"order id\"},"
                + "{\"name\":\"amount\",\"type\":\"long\",\"doc\":\"minor units\"}" + moreFields + "]}";
    }

    private static byte[] serialize(Map<String, Object> config, String topic, GenericRecord record) {
        try (MeshAvroSerializer<GenericRecord> serializer = new MeshAvroSerializer<>()) {
            serializer.configure(withUrl(config), false);
            return serializer.serialize(topic, record);
        }
    }

    private static GenericRecord deserialize(String topic, String hex) {
        try (MeshAvroDeserializer<GenericRecord> deserializer = new MeshAvroDeserializer<>()) {
            deserializer.configure(withUrl(Map.of()), false);
            return deserializer.deserialize(topic, HexFormat.of().parseHex(hex));
        }
    }

    private static Map<String, Object> withUrl(Map<String, Object> config) {
        Map<String, Object> all = new HashMap<>(config);
        all.put("schema.registry.url", registry.url().toString());
        return all;
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static Schema parse(String schema) {
        return new Schema.Parser().parse(schema);
    }

    private static List<Integer> ints(JsonNode array) {
        assertThat(array.isArray()).as("an array, not %s", array).isTrue();
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asInt).toList();
    }

    private static List<String> texts(JsonNode array) {
        assertThat(array.isArray()).as("an array, not %s", array).isTrue();
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
