package io.meshbone.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Beyond the bound a call is refused with 429 at once; a finished call frees its place. */
class InFlightLimitTest {

    @Test
    void refusesTheCallBeyondTheBoundWith429AndAcceptsOneAgainWhenAPlaceIsFree() {
        InFlightLimit limit = new InFlightLimit(2, "applies");
        InFlightLimit.Permit first = limit.acquire();
        InFlightLimit.Permit second = limit.acquire();

        assertThatThrownBy(limit::acquire).isInstanceOfSatisfying(CatalogError.class, e -> {
            assertThat(e.status()).isEqualTo(429);
            assertThat(e.getMessage()).contains("Too many applies").contains("at most 2");
        });

        first.close();
        try (InFlightLimit.Permit third = limit.acquire()) {
            assertThat(third).isNotNull();
        }
        second.close();
    }

    @Test
    void theCatalogAllows16AppliesInFlight() {
        assertThat(InFlightLimit.APPLIES).isEqualTo(16);
    }
}
