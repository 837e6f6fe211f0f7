package io.meshbone.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.meshbone.platform.contract.ParsedDescriptor;
import org.junit.jupiter.api.Test;

class ListedProductTest {

    // HostileControlPlaneIT found it: such a record on _mesh.products made contract() throw, which stopped the provisioner.
    @Test
    void aListingWithoutDescriptorPathOrDescriptorHasProblemsInsteadOfThrowing() {
        ParsedDescriptor noPath = new ListedProduct("ghost.x", null, "spec: 1", null, 0, null, "r", null, null, false).contract();
        assertThat(noPath.valid()).isFalse();
        assertThat(noPath.file()).isEqualTo("ghost.x");
        assertThat(noPath.problems()).isNotEmpty();

        ParsedDescriptor nothing = new ListedProduct(null, null, null, Map.of(), 0, null, null, null, null, false).contract();
        assertThat(nothing.valid()).isFalse();
        assertThat(nothing.problems()).singleElement().hasToString("null: (file): the file is empty (expected a DataProduct descriptor)");
    }
}
