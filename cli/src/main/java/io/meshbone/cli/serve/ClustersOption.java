package io.meshbone.cli.serve;

import java.nio.file.Path;
import java.util.Optional;

import io.meshbone.platform.mesh.MeshTopology;
import picocli.CommandLine.Option;

/** {@code --clusters}: the {@code clusters.yaml} of an isolated mesh, for the parts that look across clusters. */
final class ClustersOption {

    @Option(names = "--clusters", paramLabel = "FILE",
            description = "The mesh's clusters.yaml (isolated deployment): residency rules and inputs listed on other "
                    + "clusters for the gate, every cluster's products and lineage for the catalog. Default: none (one cluster).")
    Path clusters;

    /** The topology read from the file, every problem reported at once; empty without one. */
    Optional<MeshTopology> topology() {
        return Optional.ofNullable(clusters).map(MeshTopology::read);
    }
}
