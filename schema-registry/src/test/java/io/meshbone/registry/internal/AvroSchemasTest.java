package io.meshbone.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class AvroSchemasTest {

    @Test
    void anUndefinedTopLevelNameIsA42201NamingIt() {
        assertThatThrownBy(() -> AvroSchemas.parse("{\"type\":\"nope\"}", List.of(), new RegistryState()))
                .isInstanceOfSatisfying(RestError.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.errorCode()).isEqualTo(42201);
                    assertThat(e.getMessage()).contains("Undefined schema: \"nope\"").doesNotContain("NullPointerException");
                });
        assertThatThrownBy(() -> AvroSchemas.parse("\"Nope\"", List.of(), new RegistryState()))
                .isInstanceOf(RestError.class).hasMessageContaining("Undefined schema: \"Nope\"");
    }

    @Test
    void anUndefinedNameInsideARecordIsA42201NamingIt() {
        String schema = "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"Nope\"}]}";
        assertThatThrownBy(() -> AvroSchemas.parse(schema, List.of(), new RegistryState()))
                .isInstanceOf(RestError.class).hasMessageContaining("Undefined schema: Nope");
    }
}
