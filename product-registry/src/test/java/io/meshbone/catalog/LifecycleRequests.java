package io.meshbone.catalog;

import java.time.Duration;
import java.util.Map;

import io.meshbone.platform.control.ContractClient;
import io.meshbone.platform.control.Decision;
import io.meshbone.platform.control.ProductRequest;

/** Lists small products of a test's own domain and sends lifecycle requests, waiting for each decision. */
final class LifecycleRequests {

    private LifecycleRequests() {
    }

    static Decision send(CatalogMesh mesh, ProductRequest request) throws Exception {
        try (ContractClient contracts = new ContractClient(mesh.clientConfig())) {
            return contracts.apply(request, Duration.ofSeconds(60));
        }
    }

    /** Applies {@code domain.name} 1.0.0, one partition, declaring the consumers billing and analytics. */
    static Decision list(CatalogMesh mesh, String principal, String domain, String name) throws Exception {
        String schema = """
                {"type": "record", "name": "Feed", "namespace": "lifecycle.it", "doc": "One entry of a feed.",
                 "fields": [{"name": "id", "type": "string", "doc": "The entry's id."}]}
                """;
        String descriptor = """
                apiVersion: meshbone/v1
                kind: DataProduct
                metadata:
                  name: %s
                  domain: %s
                  owner: team-lifecycle@example.com
                  description: A feed listed by a catalog IT.
                spec:
                  version: 1.0.0
                  type: event
                  value: {schema: %s.avsc}
                  compatibility: BACKWARD
                  classification: internal
                  partitions: 1
                  slo: {freshness: 5m}
                  consumers: [billing, analytics]
                """.formatted(name, domain, name);
        return send(mesh, ProductRequest.apply(principal, domain + "/" + name + ".product.yaml", descriptor,
                Map.of(name + ".avsc", schema)));
    }
}
