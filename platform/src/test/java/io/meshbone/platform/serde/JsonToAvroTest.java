package io.meshbone.platform.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import io.meshbone.platform.control.MeshJson;
import org.apache.avro.Schema;
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
}
