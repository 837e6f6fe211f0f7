package io.meshbone.platform.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openlineage.client.OpenLineage;
import org.junit.jupiter.api.Test;

class LineageEventsTest {

    @Test
    void runEventNamesJobDatasetsAndStreamingProcessingType() throws Exception {
        UUID runId = UUID.randomUUID();
        OpenLineage.RunEvent event = new LineageEvents("cluster-42").runEvent(runId, OpenLineage.RunEvent.EventType.START,
                "meshbone.record-gate", "RECORD_GATE",
                List.of("orders.order-placed.v1.staging"), List.of("orders.order-placed.v1", "orders.order-placed.v1.dlq"));

        JsonNode json = new ObjectMapper().readTree(LineageEvents.toJson(event));

        assertThat(json.path("eventType").asText()).isEqualTo("START");
        assertThat(json.path("run").path("runId").asText()).isEqualTo(runId.toString());
        assertThat(json.path("job").path("namespace").asText()).isEqualTo("kafka://cluster-42");
        assertThat(json.path("job").path("name").asText()).isEqualTo("meshbone.record-gate");
        assertThat(json.path("job").path("facets").path("jobType").path("processingType").asText()).isEqualTo("STREAMING");
        assertThat(json.path("inputs").get(0).path("name").asText()).isEqualTo("orders.order-placed.v1.staging");
        assertThat(json.path("outputs")).extracting(node -> node.path("name").asText())
                .containsExactly("orders.order-placed.v1", "orders.order-placed.v1.dlq");
        assertThat(json.path("producer").asText()).isEqualTo(LineageEvents.PRODUCER.toString());
        assertThat(json.path("schemaURL").asText()).contains("openlineage.io/spec");
    }
}
