package io.meshbone.platform.provisioning;

import java.util.List;
import java.util.Map;

import io.meshbone.platform.contract.DataProduct;
import io.meshbone.platform.contract.ProductDescriptors;
import io.meshbone.platform.contract.SchemaFiles;

/** Small valid contracts for ACL tests. */
final class AclFixtures {

    private static final String AVSC = """
            {"type": "record", "name": "Thing", "namespace": "test.thing",
             "fields": [{"name": "thingId", "type": "string", "doc": "Thing id."}]}""";

    private AclFixtures() {
    }

    static DataProduct product(String domain, String name, int major, List<String> consumers) {
        return ProductDescriptors.parse(domain + "/" + name + ".product.yaml", descriptor(domain, name, major, consumers),
                SchemaFiles.of(Map.of("thing.avsc", AVSC))).orThrow();
    }

    /** A listed product's descriptor, for tests that write listings to {@code _mesh.products}. */
    static String descriptor(String domain, String name, int major, List<String> consumers) {
        return """
                apiVersion: meshbone/v1
                kind: DataProduct
                metadata:
                  name: %s
                  domain: %s
                  owner: team@example.com
                  description: Things.
                spec:
                  version: %d.0.0
                  type: event
                  key: {field: thingId}
                  value: {schema: thing.avsc}
                  compatibility: BACKWARD
                  classification: internal
                  partitions: 1
                  retention: 1d
                  slo: {freshness: 5m}
                  consumers: [%s]
                """.formatted(name, domain, major, String.join(", ", consumers));
    }

    static String avsc() {
        return AVSC;
    }
}
