package io.meshbone.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.ServiceLoader;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.storage.Converter;
import org.apache.kafka.connect.transforms.Transformation;
import org.junit.jupiter.api.Test;

class MeshAvroConverterTest {

    private static final String URL = "http://127.0.0.1:1";

    @Test
    void acceptsConfluentAvroConverterSettingNames() {
        assertThat(new MeshAvroConverter().config().names()).contains("schema.registry.url", "auto.register.schemas",
                "use.latest.version", "key.subject.name.strategy", "value.subject.name.strategy",
                "basic.auth.credentials.source", "basic.auth.user.info", "schemas.cache.config");
        new MeshAvroConverter().config().configKeys().values()
                .forEach(key -> assertThat(key.documentation).as(key.name).isNotBlank());
    }

    @Test
    void rejectsAMissingRegistryUrl() {
        assertThatThrownBy(() -> new MeshAvroConverter().configure(Map.of(), false))
                .isInstanceOf(ConfigException.class).hasMessageContaining("schema.registry.url");
    }

    @Test
    void rejectsAnUnknownSubjectNameStrategy() {
        assertThatThrownBy(() -> new MeshAvroConverter().configure(
                Map.of("schema.registry.url", URL, "value.subject.name.strategy", "ByColourStrategy"), false))
                .isInstanceOf(ConfigException.class).hasMessageContaining("ByColourStrategy");
    }

    @Test
    void rejectsUserInfoCredentialsWithoutUserInfo() {
        assertThatThrownBy(() -> new MeshAvroConverter().configure(
                Map.of("schema.registry.url", URL, "basic.auth.credentials.source", "USER_INFO"), false))
                .isInstanceOf(ConfigException.class).hasMessageContaining("basic.auth.user.info");
        assertThatThrownBy(() -> new MeshAvroConverter().configure(
                Map.of("schema.registry.url", URL, "basic.auth.credentials.source", "SASL_INHERIT"), false))
                .isInstanceOf(ConfigException.class).hasMessageContaining("basic.auth.credentials.source");
    }

    @Test
    void rejectsANonPositiveCacheSizeAndANonBooleanFlag() {
        assertThatThrownBy(() -> new MeshAvroConverter().configure(
                Map.of("schema.registry.url", URL, "schemas.cache.config", "0"), false))
                .isInstanceOf(ConfigException.class).hasMessageContaining("schemas.cache.config");
        assertThatThrownBy(() -> new MeshAvroConverter().configure(
                Map.of("schema.registry.url", URL, "auto.register.schemas", "sometimes"), false))
                .isInstanceOf(ConfigException.class).hasMessageContaining("auto.register.schemas");
    }

    @Test
    void passesNullsThroughAndRefusesSchemalessValues() {
        MeshAvroConverter converter = new MeshAvroConverter();
        converter.configure(Map.of("schema.registry.url", URL), false);

        assertThat(converter.fromConnectData("t", null, null)).isNull();
        assertThat(converter.toConnectData("t", null)).isEqualTo(SchemaAndValue.NULL);
        assertThatThrownBy(() -> converter.fromConnectData("t", null, Map.of("a", 1)))
                .isInstanceOf(DataException.class).hasMessageContaining("schema");
        converter.close();
    }

    @Test
    void rejectsBytesThatAreNotConfluentFramedWithoutCallingTheRegistry() {
        MeshAvroConverter converter = new MeshAvroConverter();
        converter.configure(Map.of("schema.registry.url", URL), false);

        assertThatThrownBy(() -> converter.toConnectData("t", new byte[] {1, 0, 0, 0, 1, 2}))
                .isInstanceOf(DataException.class).hasMessageContaining("'t'");
        assertThatThrownBy(() -> converter.toConnectData("t", new byte[] {0, 0}))
                .isInstanceOf(DataException.class);
        converter.close();
    }

    @Test
    void isRegisteredForServiceLoaderDiscovery() {
        assertThat(ServiceLoader.load(Converter.class).stream().map(p -> p.type().getName()))
                .contains(MeshAvroConverter.class.getName());
        assertThat(ServiceLoader.load(Transformation.class).stream().map(p -> p.type().getName()))
                .contains(io.meshbone.connect.transforms.InsertLineageHeaders.class.getName());
    }
}
