package io.meshbone.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ConnectorConfigTest {

    @Test
    void readsTheConfluentRequestShapeAndAddsTheName() {
        ConnectorConfig config = ConnectorConfig.parse("""
                {"name": "sink", "config": {"connector.class": "X", "tasks.max": 2, "flag": true}}""");

        assertThat(config.name()).isEqualTo("sink");
        assertThat(config.config()).containsEntry("name", "sink").containsEntry("tasks.max", "2").containsEntry("flag", "true");
    }

    @Test
    void readsAFlatSettingsObjectThatHoldsTheName() {
        assertThat(ConnectorConfig.parse("{\"name\": \"flat\", \"connector.class\": \"X\"}").name()).isEqualTo("flat");
    }

    @Test
    void overridesReplaceSettingsButKeepTheName() {
        ConnectorConfig config = ConnectorConfig.parse("{\"name\": \"a\", \"config\": {\"k\": \"1\"}}")
                .with(Map.of("k", "2", "other", "3"));

        assertThat(config.config()).containsEntry("k", "2").containsEntry("other", "3").containsEntry("name", "a");
    }

    @Test
    void rejectsWhatIsNotAConnectorConfig() {
        assertThatThrownBy(() -> ConnectorConfig.parse("{not json")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not JSON");
        assertThatThrownBy(() -> ConnectorConfig.parse("[1]")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("JSON object");
        assertThatThrownBy(() -> ConnectorConfig.parse("{\"config\": {\"k\": \"v\"}}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name");
        assertThatThrownBy(() -> ConnectorConfig.parse("{\"name\": \"x\", \"config\": \"k=v\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"config\"");
    }

    @Test
    void theShippedConfigsParseAndAreBundledIdentically() {
        for (String file : new String[] {"dashboard-sink.json", "orders-cdc-source.json"}) {
            ConnectorConfig onDisk = ConnectorConfig.read(Path.of("config", file));
            assertThat(ConnectorConfig.bundled(file)).isEqualTo(onDisk);
            assertThat(onDisk.config()).containsKey("connector.class");
        }
        assertThat(ConnectorConfig.read(Path.of("config", "dashboard-sink.json")).config())
                .containsEntry("value.converter", MeshAvroConverter.class.getName());
    }
}
