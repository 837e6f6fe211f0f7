package io.meshbone.domains.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Instant;

import io.meshbone.domains.ExampleMesh;
import io.meshbone.domains.ExampleMeshTest;
import io.meshbone.platform.lineage.LineageHeaders;
import io.meshbone.schemas.customers.CustomerHistory;
import io.meshbone.schemas.customers.CustomerProfile;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProfileHistoryTest extends ExampleMeshTest {

    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private static final Instant T1 = T0.plusSeconds(3600);
    private static final Instant T2 = T0.plusSeconds(7200);

    private TestInputTopic<String, CustomerProfile> profiles;
    private TestOutputTopic<String, CustomerHistory> history;

    @BeforeEach
    void startDriver() {
        driver = mesh.driver(ProfileHistory.topology(mesh.catalog()));
        profiles = mesh.input(driver, "customers.customer-profile");
        history = mesh.staging(driver, ProfileHistory.PRODUCT);
    }

    @Test
    void opensTheFirstVersionAndClosesItWhenTheEmailChanges() {
        profiles.pipeInput("c-1", profile("Ada", "ada@example.com", "GB", T0), T0);
        profiles.pipeInput("c-1", profile("Ada", "ada@analytical.engine", "GB", T1), T1);

        var out = history.readRecordsToList();
        assertThat(out).extracting(r -> r.value().getVersion(), r -> r.value().getValidFrom(), r -> r.value().getValidTo())
                .containsExactly(tuple(1L, T0, null), tuple(1L, T0, T1), tuple(2L, T1, null));
        assertThat(out.get(2).value().getEmail().toString()).isEqualTo("ada@analytical.engine");
        assertThat(out).allSatisfy(r -> assertThat(r.key()).isEqualTo("c-1"));
        assertThat(LineageHeaders.upstream(out.get(0).headers())).containsExactly("customers.customer-profile");
    }

    @Test
    void opensNoVersionWhenOnlyUntrackedFieldsChangeOrTheChangeIsStale() {
        profiles.pipeInput("c-2", profile("Grace", "grace@example.com", "US", T1), T1);
        profiles.pipeInput("c-2", profile("Grace Hopper", "grace@example.com", "US", T2), T2);
        profiles.pipeInput("c-2", profile("Grace", "old@example.com", "US", T0), T2);

        assertThat(history.readRecordsToList()).extracting(r -> r.value().getVersion()).containsExactly(1L);
    }

    @Test
    void closesTheOpenVersionWhenTheCustomerIsDeleted() {
        profiles.pipeInput("c-3", profile("Linus", "linus@example.com", "FI", T0), T0);
        profiles.pipeInput("c-3", (CustomerProfile) null, T1);
        profiles.pipeInput("c-3", profile("Linus", "linus@example.com", "FI", T2), T2);

        var out = history.readRecordsToList();
        assertThat(out).extracting(r -> r.value().getVersion(), r -> r.value().getValidTo())
                .containsExactly(tuple(1L, null), tuple(1L, T1), tuple(1L, null));
        assertThat(out.get(2).value().getValidFrom()).as("a re-created customer starts a new history").isEqualTo(T2);
    }

    private static CustomerProfile profile(String name, String email, String country, Instant updatedAt) {
        return new CustomerProfile("c", name, email, null, country, T0, updatedAt);
    }
}
