package io.meshbone.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class ServeCredentialsConfigTest {

    @Test
    void aCredentialsFileAsConfigPassesItsLoginToEveryKafkaClient() {
        Properties file = new Properties();
        file.setProperty("security.protocol", "SASL_PLAINTEXT");
        file.setProperty("sasl.mechanism", "SCRAM-SHA-512");
        file.setProperty("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        file.setProperty("basic.auth.credentials.source", "USER_INFO");
        file.setProperty("basic.auth.user.info", "gate:pw");
        file.setProperty("port", "8081");

        Map<String, Object> settings = ServeEnvironment.kafkaClientSettings(Map.of(), file);

        assertThat(settings).containsEntry("security.protocol", "SASL_PLAINTEXT")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("basic.auth.user.info", "gate:pw")
                .containsKey("sasl.jaas.config")
                .doesNotContainKey("port");
    }

    @Test
    void anEnvironmentVariableStillBeatsTheFile() {
        Properties file = new Properties();
        file.setProperty("security.protocol", "SASL_PLAINTEXT");

        Map<String, Object> settings = ServeEnvironment.kafkaClientSettings(
                Map.of("MESHBONE_KAFKA_SECURITY_PROTOCOL", "SASL_SSL"), file);

        assertThat(settings).containsEntry("security.protocol", "SASL_SSL");
    }
}
