package io.meshbone.cli.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshbone.platform.control.MeshJson;
import org.junit.jupiter.api.Test;

/** The live consumer groups a catalog's product answer shows, in either shape, or none. */
class CatalogBaselineTest {

    @Test
    void readsLiveGroupsOfTheConsumersObject() throws Exception {
        var consumers = MeshJson.tree("""
                {"declared": ["analytics"], "live": [{"groupId": "billing", "lag": 3}, {"groupId": "audit"}]}""");

        assertThat(CatalogBaseline.liveGroups(consumers)).containsExactly("billing (lag 3)", "audit");
    }

    @Test
    void readsAnArrayOfGroups() throws Exception {
        assertThat(CatalogBaseline.liveGroups(MeshJson.tree("[{\"group\": \"billing\", \"lag\": 0}]")))
                .containsExactly("billing (lag 0)");
    }

    @Test
    void readsNoGroupsWhenTheCatalogShowsNone() throws Exception {
        assertThat(CatalogBaseline.liveGroups(MeshJson.tree("{}").path("consumers"))).isEmpty();
        assertThat(CatalogBaseline.liveGroups(MeshJson.tree("{\"declared\": [\"analytics\"]}"))).isEmpty();
    }
}
