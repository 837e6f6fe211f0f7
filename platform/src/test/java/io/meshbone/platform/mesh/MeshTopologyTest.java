package io.meshbone.platform.mesh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import io.meshbone.platform.contract.DataProduct;
import io.meshbone.platform.contract.ProductDescriptors;
import org.junit.jupiter.api.Test;

class MeshTopologyTest {

    static final String ISOLATED = """
            clusters:
              - name: exchange
                region: us
                bootstrapServers: kafka-us:9092
                exchange: true
                domains: [orders]
              - name: eu
                region: eu
                bootstrapServers: kafka-eu-1:9092,kafka-eu-2:9092
                domains: [customers, shipping]
            """;

    @Test
    void readsClustersAndHostsUnnamedDomainsOnTheExchange() {
        MeshTopology topology = MeshTopology.parse("clusters.yaml", ISOLATED);

        assertThat(topology.clusters()).extracting(MeshCluster::name).containsExactly("exchange", "eu");
        assertThat(topology.exchange().bootstrapServers()).isEqualTo("kafka-us:9092");
        assertThat(topology.clusterOf("customers").name()).isEqualTo("eu");
        assertThat(topology.clusterOf("orders").name()).isEqualTo("exchange");
        assertThat(topology.clusterOf("payments").name()).isEqualTo("exchange");
        assertThat(topology.cluster("eu").orElseThrow().bootstrapServers()).isEqualTo("kafka-eu-1:9092,kafka-eu-2:9092");
    }

    @Test
    void servesAProductWhereverItsResidencyAllowsHomeFirst() {
        MeshTopology topology = MeshTopology.parse("clusters.yaml", ISOLATED);

        assertThat(topology.servingClusters("customers", List.of()))
                .extracting(MeshCluster::name).containsExactly("eu", "exchange");
        assertThat(topology.servingClusters("customers", List.of("eu")))
                .extracting(MeshCluster::name).containsExactly("eu");
        assertThat(topology.servingClusters("orders", List.of()))
                .extracting(MeshCluster::name).containsExactly("exchange", "eu");
    }

    @Test
    void picksTheClusterForAReaderInARegionElseTheExchangeElseHome() throws Exception {
        MeshTopology topology = MeshTopology.parse("clusters.yaml", ISOLATED);
        DataProduct order = ProductDescriptors.read(Path.of(
                MeshTopologyTest.class.getResource("/contracts/valid/orders/order-placed.product.yaml").toURI()));
        DataProduct profile = ProductDescriptors.read(Path.of(
                MeshTopologyTest.class.getResource("/contracts/valid/customers/customer-profile.product.yaml").toURI()));

        assertThat(topology.clusterFor(order, "eu").name()).isEqualTo("eu");
        assertThat(topology.clusterFor(order, "apac").name()).isEqualTo("exchange");
        assertThat(topology.clusterFor(profile, "us").name()).isEqualTo("eu");
    }

    @Test
    void reportsEveryProblemOfAClustersFile() {
        String broken = """
                clusters:
                  - name: EU
                    region: eu
                    bootstrapServers: a:9092
                    domains: [customers]
                    exchange: yes please
                  - name: us
                    regoin: us
                    bootstrapServers: b:9092
                """;

        assertThatThrownBy(() -> MeshTopology.parse("clusters.yaml", broken))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("clusters.yaml: clusters[0].exchange: expected true or false, got 'yes please'")
                .hasMessageContaining("clusters.yaml: clusters[1].regoin: unknown field 'regoin'")
                .hasMessageContaining("clusters.yaml: clusters[1].region:");
    }

    @Test
    void refusesATopologyWithoutExactlyOneExchangeOrWithADomainOnTwoClusters() {
        MeshCluster a = new MeshCluster("a", "eu", "a:9092", List.of("customers"), false);
        MeshCluster b = new MeshCluster("b", "us", "b:9092", List.of("customers"), false);

        assertThatThrownBy(() -> new MeshTopology(List.of(a, b)))
                .hasMessageContaining("domain 'customers' is hosted by both 'a' and 'b' (expected one cluster per domain)")
                .hasMessageContaining("0 clusters are marked exchange: true (expected exactly one)");
    }
}
