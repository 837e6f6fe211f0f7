package io.meshbone.platform.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import io.meshbone.platform.serde.MeshAvroDeserializer;
import io.meshbone.platform.serde.MeshAvroSerializer;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MockSchemaRegistryTest {

    private static final String SCOPE = "mock-schema-registry-test";
    private static final String V1 = "{\"type\":\"record\",\"name\":\"Order\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"}]}";
    private static final String V2_WITH_DEFAULT = "{\"type\":\"record\",\"name\":\"Order\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"},"
            + "{\"name\":\"note\",\"type\":\"string\",\"default\":\"\"}]}";
    private static final String V2_REQUIRED = "{\"type\":\"record\",\"name\":\"Order\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"},"
            + "{\"name\":\"amount\",\"type\":\"int\"}]}";

    private final SchemaRegistryClient client = MockSchemaRegistry.clientForScope(SCOPE);

    @AfterEach
    void dropScope() {
        MockSchemaRegistry.dropScope(SCOPE);
    }

    @Test
    void givesOneSchemaOneIdAcrossSubjectsAndAnswersItAgainOnReRegistration() {
        int id = client.register("orders-value", V1);

        assertThat(client.register("orders.staging-value", V1)).isEqualTo(id);
        assertThat(MockSchemaRegistry.clientForScope(SCOPE).register("orders-value", V1)).as("a fresh client, same scope").isEqualTo(id);
        assertThat(client.register("orders-value", V2_WITH_DEFAULT)).isNotEqualTo(id);
        assertThat(client.subjects()).containsExactly("orders-value", "orders.staging-value");
    }

    @Test
    void looksSchemasUpByIdSubjectAndVersion() {
        int id = client.register("orders-value", V1);
        int next = client.register("orders-value", V2_WITH_DEFAULT);

        assertThat(new Schema.Parser().parse(MockSchemaRegistry.clientForScope(SCOPE).schemaById(id)))
                .isEqualTo(new Schema.Parser().parse(V1));
        assertThat(client.latest("orders-value")).extracting(RegisteredSchema::version, RegisteredSchema::id).containsExactly(2, next);
        assertThat(client.version("orders-value", 1).id()).isEqualTo(id);
        assertThat(client.lookup("orders-value", V1)).extracting(RegisteredSchema::subject, RegisteredSchema::version)
                .containsExactly("orders-value", 1);
        assertThat(client.id("orders-value", V2_WITH_DEFAULT)).isEqualTo(next);
    }

    @Test
    void answersConfluentErrorCodesForWhatIsMissing() {
        client.register("orders-value", V1);

        assertThatThrownBy(() -> client.schemaById(99)).isInstanceOfSatisfying(SchemaRegistryException.class,
                e -> assertThat(e.errorCode()).isEqualTo(40403));
        assertThatThrownBy(() -> client.latest("nobody-value")).isInstanceOfSatisfying(SchemaRegistryException.class,
                e -> assertThat(e.errorCode()).isEqualTo(40401));
        assertThatThrownBy(() -> client.version("orders-value", 7)).isInstanceOfSatisfying(SchemaRegistryException.class,
                e -> assertThat(e.errorCode()).isEqualTo(40402));
        assertThatThrownBy(() -> client.lookup("orders-value", V2_WITH_DEFAULT)).isInstanceOfSatisfying(SchemaRegistryException.class,
                e -> assertThat(e.errorCode()).isEqualTo(40403));
        assertThatThrownBy(() -> client.register("orders-value", "{\"type\":\"nonsense\"}"))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(42201));
        assertThatThrownBy(() -> client.setCompatibility("orders-value", "SIDEWAYS"))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(42203));
    }

    @Test
    void checksAndEnforcesTheSubjectsCompatibilityLevel() {
        client.register("orders-value", V1);

        assertThat(client.compatibility("orders-value")).isEqualTo("BACKWARD");
        assertThat(client.testCompatibility("orders-value", V2_WITH_DEFAULT).compatible()).isTrue();
        CompatibilityResult missingDefault = client.testCompatibility("orders-value", V2_REQUIRED);
        assertThat(missingDefault.compatible()).isFalse();
        assertThat(missingDefault.messages()).anySatisfy(m -> assertThat(m).contains("READER_FIELD_MISSING_DEFAULT_VALUE").contains("amount"));
        assertThatThrownBy(() -> client.register("orders-value", V2_REQUIRED))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.status()).isEqualTo(409));

        assertThat(client.setCompatibility("orders-value", "none")).isEqualTo("NONE");
        assertThat(client.register("orders-value", V2_REQUIRED)).isPositive();
        assertThat(client.globalCompatibility()).isEqualTo("BACKWARD");
    }

    @Test
    void startsEmptyAgainAfterTheScopeIsDropped() {
        client.register("orders-value", V1);
        SchemaRegistryClient other = MockSchemaRegistry.clientForScope("another-" + SCOPE);
        assertThat(other.subjects()).as("scopes are apart").isEmpty();

        MockSchemaRegistry.dropScope(SCOPE);

        assertThat(MockSchemaRegistry.clientForScope(SCOPE).subjects()).isEmpty();
    }

    @Test
    void letsSerdesConfiguredWithAMockUrlShareTheScope() {
        Schema schema = new Schema.Parser().parse(V1);
        GenericRecord order = new GenericData.Record(schema);
        order.put("id", "o-1");
        Map<String, String> config = Map.of("schema.registry.url", MockSchemaRegistry.url(SCOPE));
        try (MeshAvroSerializer<GenericRecord> serializer = new MeshAvroSerializer<>();
             MeshAvroDeserializer<GenericRecord> deserializer = new MeshAvroDeserializer<>()) {
            serializer.configure(config, false);
            deserializer.configure(config, false);

            byte[] bytes = serializer.serialize("orders", order);

            assertThat(deserializer.deserialize("orders", bytes).get("id").toString()).isEqualTo("o-1");
        }
        assertThat(client.latest("orders-value").schema()).isEqualTo(schema.toString());
    }

    @Test
    void rejectsAMockUrlBesideOthersOrWithoutAScope() {
        assertThatThrownBy(() -> new SchemaRegistryClient(SchemaRegistryClientSettings.of("mock://a,http://b:8081")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("schema.registry.url").hasMessageContaining("only");
        assertThatThrownBy(() -> new SchemaRegistryClient(SchemaRegistryClientSettings.of("mock:///")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mock://<scope>");
        assertThatThrownBy(() -> new SchemaRegistryClient(SchemaRegistryClientSettings.of("mock://a/b")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mock://a/b");
    }
}
