package io.meshbone.domains.customers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import io.meshbone.domains.ExampleMesh;
import io.meshbone.domains.ExampleMeshTest;
import io.meshbone.domains.raw.RawProfileChange;
import io.meshbone.domains.raw.RawTopics;
import io.meshbone.schemas.customers.CustomerProfile;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CustomerProfilesTest extends ExampleMeshTest {

    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    private TestInputTopic<String, RawProfileChange> changes;
    private TestOutputTopic<String, CustomerProfile> profiles;

    @BeforeEach
    void startDriver() {
        driver = mesh.driver(CustomerProfiles.topology(mesh.catalog()));
        changes = ExampleMesh.raw(driver, RawTopics.PROFILE_CHANGES);
        profiles = mesh.staging(driver, CustomerProfiles.PRODUCT);
    }

    @Test
    void mergesPartialChangesIntoTheCurrentProfile() {
        changes.pipeInput("c-1", new RawProfileChange("c-1", "UPSERT", "Ada Lovelace", "ada@example.com", null, "GB", T0));
        changes.pipeInput("c-1", new RawProfileChange("c-1", "upsert", null, "ada@analytical.engine", "+441234", null,
                T0.plusSeconds(60)));

        var out = profiles.readRecordsToList();
        assertThat(out).hasSize(2);
        CustomerProfile latest = out.get(1).value();
        assertThat(latest.getFullName().toString()).isEqualTo("Ada Lovelace");
        assertThat(latest.getEmail().toString()).isEqualTo("ada@analytical.engine");
        assertThat(latest.getPhone().toString()).isEqualTo("+441234");
        assertThat(latest.getCountry().toString()).isEqualTo("GB");
        assertThat(latest.getCreatedAt()).isEqualTo(T0);
        assertThat(latest.getUpdatedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(out.get(1).key()).isEqualTo("c-1");
    }

    @Test
    void publishesATombstoneWhenACustomerIsDeleted() {
        changes.pipeInput("c-2", new RawProfileChange("c-2", "UPSERT", "Alan Turing", "alan@example.com", null, "GB", T0));
        changes.pipeInput("c-2", new RawProfileChange("c-2", "DELETE", null, null, null, null, T0.plusSeconds(5)));
        changes.pipeInput("c-2", new RawProfileChange("c-2", "UPSERT", null, "alan@bletchley.park", null, null, T0.plusSeconds(9)));

        var out = profiles.readRecordsToList();
        assertThat(out).extracting(TestRecord::key).containsExactly("c-2", "c-2", "c-2");
        assertThat(out.get(0).value()).isNotNull();
        assertThat(out.get(1).value()).as("tombstone").isNull();
        assertThat(out.get(2).value()).as("a partial change does not bring a deleted customer back").isNull();
    }
}
