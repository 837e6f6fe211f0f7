package io.meshbone.connect.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InsertLineageHeadersTest {

    private final InsertLineageHeaders<SourceRecord> smt = new InsertLineageHeaders<>();

    @AfterEach
    void close() {
        smt.close();
    }

    @Test
    void stampsProductDomainAndConnectorAndKeepsTheRecord() {
        smt.configure(Map.of("product", "orders.order-placed", "connector", "orders-cdc-source"));
        ConnectHeaders headers = new ConnectHeaders();
        headers.addString("traceparent", "00-abc-def-01");
        SourceRecord record = new SourceRecord(Map.of("server", "db"), Map.of("lsn", 42L), "orders.raw.orders", 2,
                Schema.STRING_SCHEMA, "o-1", Schema.STRING_SCHEMA, "value", 1234L, headers);

        SourceRecord out = smt.apply(record);

        assertThat(header(out, "mesh.product")).isEqualTo("orders.order-placed");
        assertThat(header(out, "mesh.domain")).isEqualTo("orders");
        assertThat(header(out, "mesh.connector")).isEqualTo("orders-cdc-source");
        assertThat(out.headers().lastWithName("mesh.source")).as("mesh.source is the gate's to stamp").isNull();
        assertThat(header(out, "traceparent")).isEqualTo("00-abc-def-01");
        assertThat(out.topic()).isEqualTo("orders.raw.orders");
        assertThat(out.kafkaPartition()).isEqualTo(2);
        assertThat(out.key()).isEqualTo("o-1");
        assertThat(out.value()).isEqualTo("value");
        assertThat(out.timestamp()).isEqualTo(1234L);
        assertThat(out.sourceOffset()).isEqualTo(Map.of("lsn", 42L));
        assertThat(record.headers().lastWithName("mesh.product")).as("input record untouched").isNull();
    }

    @Test
    void replacesLineageHeadersTheRecordAlreadyHas() {
        smt.configure(Map.of("product", "orders.order-placed", "domain", "orders", "connector", "cdc"));
        ConnectHeaders headers = new ConnectHeaders();
        headers.addString("mesh.product", "stale.product");
        headers.addString("mesh.connector", "stale");
        SourceRecord record = new SourceRecord(null, null, "t", null, null, null, null, null, null, headers);

        SourceRecord out = smt.apply(record);

        assertThat(out.headers().allWithName("mesh.product")).toIterable().hasSize(1);
        assertThat(header(out, "mesh.product")).isEqualTo("orders.order-placed");
        assertThat(header(out, "mesh.connector")).isEqualTo("cdc");
    }

    @Test
    void rejectsMissingProduct() {
        assertThatThrownBy(() -> smt.configure(Map.of("connector", "cdc")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("product");
    }

    @Test
    void rejectsProductNamesOutsideTheConvention() {
        for (String bad : new String[] {"Orders.OrderPlaced", "orders", "orders.order_placed", ".order-placed", ""}) {
            assertThatThrownBy(() -> smt.configure(Map.of("product", bad, "connector", "cdc")))
                    .as(bad).isInstanceOf(ConfigException.class).hasMessageContaining("product");
        }
    }

    @Test
    void rejectsADomainThatIsNotTheProductsDomain() {
        assertThatThrownBy(() -> smt.configure(Map.of("product", "orders.order-placed", "domain", "payments", "connector", "cdc")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("belongs to domain orders");
        assertThatThrownBy(() -> smt.configure(Map.of("product", "orders.order-placed", "domain", "Orders!", "connector", "cdc")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("domain");
    }

    @Test
    void rejectsMissingOrEmptyConnector() {
        assertThatThrownBy(() -> smt.configure(Map.of("product", "orders.order-placed")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("connector");
        Map<String, String> props = new HashMap<>(Map.of("product", "orders.order-placed", "connector", ""));
        assertThatThrownBy(() -> smt.configure(props)).isInstanceOf(ConfigException.class).hasMessageContaining("connector");
    }

    @Test
    void documentsEverySetting() {
        assertThat(smt.config().configKeys()).containsOnlyKeys("product", "domain", "connector");
        smt.config().configKeys().values().forEach(key -> assertThat(key.documentation).as(key.name).isNotBlank());
    }

    private static String header(SourceRecord record, String name) {
        Header header = record.headers().lastWithName(name);
        return header == null ? null : (String) header.value();
    }
}
