package io.meshbone.governance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import io.meshbone.platform.contract.Compatibility;
import io.meshbone.platform.registry.MockSchemaRegistry;
import io.meshbone.platform.registry.SchemaRegistryClient;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RegistryContractsTest {

    private static final Schema V1 = new Schema.Parser().parse("""
            {"type": "record", "name": "Thing", "fields": [{"name": "id", "type": "string"}]}""");
    private static final Schema V2_NEW_REQUIRED_FIELD = new Schema.Parser().parse("""
            {"type": "record", "name": "Thing", "fields": [{"name": "id", "type": "string"}, {"name": "size", "type": "int"}]}""");

    private final String scope = "registry-contracts-" + UUID.randomUUID();
    private final SchemaRegistryClient client = MockSchemaRegistry.clientForScope(scope);
    private final RegistryContracts contracts = new RegistryContracts(client);

    @AfterEach
    void dropScope() {
        MockSchemaRegistry.dropScope(scope);
    }

    @Test
    void checksANewSubjectWithoutGivingItALevel() {
        assertThat(contracts.incompatibilities("t-value", V1, Compatibility.BACKWARD_TRANSITIVE)).isEmpty();
        assertThat(client.subjectCompatibility("t-value")).isEmpty();
    }

    @Test
    void registersUnderTheContractsLevelAndReusesTheIdForAnotherSubject() {
        int id = contracts.register("t-value", V1, Compatibility.BACKWARD_TRANSITIVE);
        int staging = contracts.register("t.staging-value", V1, Compatibility.BACKWARD_TRANSITIVE);

        assertThat(staging).isEqualTo(id);
        assertThat(contracts.register("t-value", V1, Compatibility.BACKWARD_TRANSITIVE)).isEqualTo(id);
        assertThat(client.subjectCompatibility("t-value")).contains("BACKWARD_TRANSITIVE");
        assertThat(client.subjectCompatibility("t.staging-value")).contains("BACKWARD_TRANSITIVE");
    }

    @Test
    void checksAnExistingSubjectUnderTheContractsLevelEvenWhenItsOwnLevelDiffers() {
        contracts.register("t-value", V1, Compatibility.BACKWARD);
        client.setCompatibility("t-value", "NONE");

        assertThat(contracts.incompatibilities("t-value", V2_NEW_REQUIRED_FIELD, Compatibility.BACKWARD))
                .anySatisfy(message -> assertThat(message).contains("size"));
        assertThat(client.subjectCompatibility("t-value")).contains("BACKWARD");
    }

    @Test
    void movesTheSubjectToTheNewLevelWhenRegistering() {
        contracts.register("t-value", V1, Compatibility.BACKWARD);
        contracts.register("t-value", V1, Compatibility.FULL_TRANSITIVE);

        assertThat(client.subjectCompatibility("t-value")).contains("FULL_TRANSITIVE");
    }
}
