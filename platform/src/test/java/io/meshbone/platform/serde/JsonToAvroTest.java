package io.meshbone.platform.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import io.meshbone.platform.control.MeshJson;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

class JsonToAvroTest {

    private static final Schema PROFILE = parse("customers", "customer-profile");
    private static final Schema ORDER = parse("orders", "order-placed");

    private static Schema parse(String domain, String name) {
        try {
            return new Schema.Parser().parse(Path.of("..", "schemas", domain, name + ".avsc").toFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static JsonNode json(String text) throws Exception {
        return MeshJson.tree(text);
    }

    @Test
    void roundTripsPlainJsonThroughAvroAndBackWithPiiMasked() throws Exception {
        GenericRecord record = JsonToAvro.record(json("""
                {"customerId":"c1","fullName":"Ada","email":"ada@example.com","country":"GB",
                 "createdAt":"2026-01-01T00:00:00Z","updatedAt":1}"""), PROFILE);
        assertThat(record.get("phone")).as("optional field takes its default").isNull();
        assertThat(record.get("createdAt")).isEqualTo(1767225600000L);

        JsonNode masked = AvroJson.toJson(record, PROFILE, true);
        assertThat(masked.path("email").asText()).isEqualTo(AvroJson.MASK);
        assertThat(masked.path("fullName").asText()).isEqualTo(AvroJson.MASK);
        assertThat(masked.path("phone").isNull()).as("a null PII field stays null").isTrue();
        assertThat(masked.path("country").asText()).isEqualTo("GB");
        assertThat(AvroJson.toJson(record, PROFILE, false).path("email").asText()).isEqualTo("ada@example.com");
    }

    @Test
    void decimalsAndEnumsReadAsPeopleWriteThem() throws Exception {
        GenericRecord order = JsonToAvro.record(json("""
                {"orderId":"o1","customerId":"c1","placedAt":5,"currency":"EUR","totalAmount":19.9,"itemCount":2,"channel":"WEB"}"""), ORDER);
        JsonNode back = AvroJson.toJson(order, ORDER, true);
        assertThat(back.path("totalAmount").decimalValue()).isEqualByComparingTo("19.90");
        assertThat(back.path("channel").asText()).isEqualTo("WEB");
    }

    @Test
    void namesTheFieldAtFaultAndWhatWasExpected() {
        String base = "{\"orderId\":\"o1\",\"customerId\":\"c1\",\"placedAt\":5,\"currency\":\"EUR\",\"itemCount\":2,\"channel\":\"WEB\"";
        assertThatThrownBy(() -> JsonToAvro.record(json(base + ",\"totalAmount\":1.234}"), ORDER))
                .hasMessage("totalAmount: expected a decimal with at most 2 fraction digits, got a number");
        assertThatThrownBy(() -> JsonToAvro.record(json(base + "}"), ORDER))
                .hasMessageStartingWith("totalAmount: missing");
        assertThatThrownBy(() -> JsonToAvro.record(json(base.replace("\"WEB\"", "\"FAX\"") + ",\"totalAmount\":1}"), ORDER))
                .hasMessage("channel: expected one of [WEB, MOBILE, STORE], got a string");
        assertThatThrownBy(() -> JsonToAvro.record(json(base + ",\"totalAmount\":1,\"colour\":\"red\"}"), ORDER))
                .hasMessage("colour: not a field of OrderPlaced");
        assertThatThrownBy(() -> JsonToAvro.record(json("[1]"), ORDER))
                .hasMessage("record: expected an object for record OrderPlaced, got an array");
    }

    private static final Schema TYPES = new Schema.Parser().parse("""
            {"type":"record","name":"Types","fields":[
             {"name":"hash","type":{"type":"fixed","name":"Hash","size":4}},
             {"name":"price","type":{"type":"bytes","logicalType":"decimal","precision":20,"scale":2}},
             {"name":"cost","type":{"type":"fixed","name":"Cost","size":8,"logicalType":"decimal","precision":18,"scale":3}},
             {"name":"at","type":{"type":"long","logicalType":"timestamp-micros"}},
             {"name":"localMillis","type":{"type":"long","logicalType":"local-timestamp-millis"}},
             {"name":"localMicros","type":{"type":"long","logicalType":"local-timestamp-micros"}},
             {"name":"timeMicros","type":{"type":"long","logicalType":"time-micros"}},
             {"name":"timeMillis","type":{"type":"int","logicalType":"time-millis"}},
             {"name":"day","type":{"type":"int","logicalType":"date"}},
             {"name":"id","type":{"type":"string","logicalType":"uuid"}}]}""");

    private static final String TYPES_JSON = """
            {"hash":"AQIDBA==","price":1234567890123456.78,"cost":"-123456789012345.678",
             "at":"2026-01-01T00:00:00.123456Z","localMillis":"2026-01-01T00:00:00.5","localMicros":"2026-01-01T00:00:00.000001",
             "timeMicros":"13:45:00.000123","timeMillis":"00:00:01.5","day":"1970-01-03",
             "id":"123e4567-e89b-12d3-a456-426614174000"}""";

    @Test
    void fixedTakesBase64OfExactlyItsSize() throws Exception {
        GenericRecord record = JsonToAvro.record(json(TYPES_JSON), TYPES);
        assertThat(((GenericFixed) record.get("hash")).bytes()).containsExactly(1, 2, 3, 4);
        assertThatThrownBy(() -> JsonToAvro.record(json(TYPES_JSON.replace("AQIDBA==", "AQID")), TYPES))
                .hasMessage("hash: expected base64 of exactly 4 bytes for fixed Hash, got 3");
    }

    @Test
    void decimalsStayExactBeyondWhatADoubleHolds() throws Exception {
        GenericRecord record = JsonToAvro.record(json(TYPES_JSON), TYPES);
        JsonNode back = AvroJson.toJson(record, TYPES, false);
        assertThat(back.path("price").decimalValue()).isEqualByComparingTo("1234567890123456.78");
        assertThat(back.path("cost").decimalValue()).isEqualByComparingTo("-123456789012345.678");
        assertThat(record.get("cost")).isInstanceOf(GenericFixed.class);
        assertThatThrownBy(() -> JsonToAvro.record(json(TYPES_JSON.replace("\"-123456789012345.678\"", "1.2345")), TYPES))
                .hasMessage("cost: expected a decimal with at most 3 fraction digits, got a number");
        assertThatThrownBy(() -> JsonToAvro.record(json(TYPES_JSON.replace("1234567890123456.78", "123456789012345678901")), TYPES))
                .hasMessage("price: expected a decimal with at most 20 digits, got a number");
    }

    @Test
    void isoTextBecomesEachLogicalTypesOwnUnit() throws Exception {
        GenericRecord record = JsonToAvro.record(json(TYPES_JSON), TYPES);
        assertThat(record.get("at")).as("timestamp-micros").isEqualTo(1767225600123456L);
        assertThat(record.get("localMillis")).as("local-timestamp-millis").isEqualTo(1767225600500L);
        assertThat(record.get("localMicros")).as("local-timestamp-micros").isEqualTo(1767225600000001L);
        assertThat(record.get("timeMicros")).as("time-micros").isEqualTo((13 * 3600 + 45 * 60) * 1_000_000L + 123);
        assertThat(record.get("timeMillis")).as("time-millis").isEqualTo(1500);
        assertThat(record.get("day")).as("date").isEqualTo(2);
        assertThat(record.get("id")).isEqualTo("123e4567-e89b-12d3-a456-426614174000");
        assertThat(JsonToAvro.record(json(TYPES_JSON.replace("\"2026-01-01T00:00:00.123456Z\"", "7")), TYPES).get("at"))
                .as("numbers pass as they are").isEqualTo(7L);
    }

    @Test
    void badTemporalTextAndUuidsNameTheFieldAndTheUnit() {
        assertThatThrownBy(() -> JsonToAvro.record(json(TYPES_JSON.replace("2026-01-01T00:00:00.123456Z", "yesterday")), TYPES))
                .hasMessage("at: expected epoch micros or an ISO-8601 instant, got a string");
        assertThatThrownBy(() -> JsonToAvro.record(json(TYPES_JSON.replace("2026-01-01T00:00:00.000001", "2026-01-01T00:00:00Z")), TYPES))
                .hasMessage("localMicros: expected micros or an ISO-8601 local date-time (2026-01-31T13:45:00), got a string");
        assertThatThrownBy(() -> JsonToAvro.record(json(TYPES_JSON.replace("123e4567-e89b-12d3-a456-426614174000", "not-a-uuid")), TYPES))
                .hasMessage("id: expected a UUID like 123e4567-e89b-12d3-a456-426614174000, got a string");
    }
}
