package io.meshbone.governance.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import io.meshbone.platform.contract.Compatibility;
import io.meshbone.platform.registry.MockSchemaRegistry;
import io.meshbone.platform.registry.SchemaRegistryClient;
import io.meshbone.platform.registry.SchemaRegistryException;
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
        contracts.close();
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

    @Test
    void registersAContractsSubjectsTogetherUnderOneIdEachWithTheLevel() {
        Schema key = new Schema.Parser().parse("""
                {"type": "record", "name": "ThingKey", "fields": [{"name": "id", "type": "string"}]}""");

        List<Integer> ids = contracts.registerAll(List.of(
                new ContractRegistry.Registration("t-value", V1, Compatibility.FULL),
                new ContractRegistry.Registration("t.staging-value", V1, Compatibility.FULL),
                new ContractRegistry.Registration("t-key", key, Compatibility.FULL),
                new ContractRegistry.Registration("t.staging-key", key, Compatibility.FULL)));

        assertThat(ids).hasSize(4);
        assertThat(ids.get(1)).isEqualTo(ids.get(0));
        assertThat(ids.get(3)).isEqualTo(ids.get(2)).isNotEqualTo(ids.get(0));
        assertThat(List.of("t-value", "t.staging-value", "t-key", "t.staging-key"))
                .allSatisfy(subject -> assertThat(client.subjectCompatibility(subject)).contains("FULL"));
    }

    @Test
    void setsTheNewLevelBeforeRegisteringANewVersionUnderASubjectWithVersions() {
        contracts.register("t-value", V1, Compatibility.BACKWARD);

        // Checked under BACKWARD the new required field would be refused; under NONE, set first, it is not.
        int id = contracts.registerAll(List.of(new ContractRegistry.Registration("t-value", V2_NEW_REQUIRED_FIELD,
                Compatibility.NONE))).get(0);

        assertThat(client.lookup("t-value", V2_NEW_REQUIRED_FIELD.toString()).id()).isEqualTo(id);
        assertThat(client.subjectCompatibility("t-value")).contains("NONE");
    }

    @Test
    void passesTheRegistrysOwnErrorOnWhenARegistrationIsRefused() {
        contracts.register("t-value", V1, Compatibility.BACKWARD);

        assertThatThrownBy(() -> contracts.registerAll(List.of(
                new ContractRegistry.Registration("t-value", V2_NEW_REQUIRED_FIELD, Compatibility.BACKWARD))))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("incompatible");
    }
}
