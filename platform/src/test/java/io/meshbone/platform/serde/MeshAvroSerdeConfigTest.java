package io.meshbone.platform.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class MeshAvroSerdeConfigTest {

    @Test
    void usesConfluentNamesAndDefaults() {
        MeshAvroSerdeConfig config = new MeshAvroSerdeConfig(Map.of("schema.registry.url", "http://a:8081,http://b:8081"));
        assertThat(config.autoRegister()).isTrue();
        assertThat(config.useLatestVersion()).isFalse();
        assertThat(config.specificReader()).isFalse();
        assertThat(config.strategy(false)).isEqualTo(SubjectNameStrategy.TOPIC_NAME);
        assertThat(config.clientSettings().urls()).hasSize(2);
        assertThat(config.clientSettings().cacheCapacity()).isEqualTo(1000);
        assertThat(MeshAvroSerdeConfig.configDef().names()).contains("schema.registry.url", "auto.register.schemas",
                "use.latest.version", "specific.avro.reader", "key.subject.name.strategy", "value.subject.name.strategy",
                "basic.auth.credentials.source", "basic.auth.user.info", "max.schemas.per.subject");
    }

    @Test
    void acceptsConfluentFullyQualifiedStrategyNames() {
        MeshAvroSerdeConfig config = new MeshAvroSerdeConfig(Map.of(
                "key.subject.name.strategy", "io.confluent.kafka.serializers.subject.TopicRecordNameStrategy",
                "value.subject.name.strategy", "io.confluent.kafka.serializers.subject.RecordNameStrategy"));
        assertThat(config.strategy(true)).isEqualTo(SubjectNameStrategy.TOPIC_RECORD_NAME);
        assertThat(config.strategy(false)).isEqualTo(SubjectNameStrategy.RECORD_NAME);
    }

    @Test
    void rejectsAnUnknownStrategy() {
        assertThatThrownBy(() -> new MeshAvroSerdeConfig(Map.of("value.subject.name.strategy", "com.example.Mine")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("com.example.Mine");
    }

    @Test
    void rejectsAnUnknownCredentialsSourceAndMissingUserInfo() {
        assertThatThrownBy(() -> new MeshAvroSerdeConfig(Map.of("basic.auth.credentials.source", "SASL_INHERIT")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("basic.auth.credentials.source");
        assertThatThrownBy(() -> new MeshAvroSerdeConfig(Map.of("basic.auth.credentials.source", "USER_INFO")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("basic.auth.user.info");
    }

    @Test
    void takesCredentialsFromUserInfoOnlyWhenTheSourceSaysSo() {
        MeshAvroSerdeConfig fromUserInfo = new MeshAvroSerdeConfig(Map.of("schema.registry.url", "http://a:8081",
                "basic.auth.credentials.source", "USER_INFO", "basic.auth.user.info", "u:p"));
        assertThat(fromUserInfo.clientSettings().userInfo()).isEqualTo("u:p");
        MeshAvroSerdeConfig fromUrl = new MeshAvroSerdeConfig(Map.of("schema.registry.url", "http://a:8081",
                "basic.auth.user.info", "u:p"));
        assertThat(fromUrl.clientSettings().userInfo()).isNull();
    }

    @Test
    void requiresAUrlWhenItMustCreateAClient() {
        assertThatThrownBy(() -> new MeshAvroSerdeConfig(Map.of()).clientSettings())
                .isInstanceOf(ConfigException.class).hasMessageContaining("schema.registry.url");
    }

    @Test
    void sizesTheClientCachesWithConfluentsMaxSchemasPerSubject() {
        MeshAvroSerdeConfig config = new MeshAvroSerdeConfig(Map.of("schema.registry.url", "http://a:8081",
                "max.schemas.per.subject", "20"));
        assertThat(config.clientSettings().cacheCapacity()).isEqualTo(20);
        assertThatThrownBy(() -> new MeshAvroSerdeConfig(Map.of("max.schemas.per.subject", "0")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("max.schemas.per.subject");
    }

    @Test
    void rejectsNonBooleanFlags() {
        assertThatThrownBy(() -> new MeshAvroSerdeConfig(Map.of("auto.register.schemas", "maybe")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("auto.register.schemas");
    }
}
