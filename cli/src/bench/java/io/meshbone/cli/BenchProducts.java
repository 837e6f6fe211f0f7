package io.meshbone.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes N tiny product descriptors (domain {@code bench}, one small schema each) into a folder. */
final class BenchProducts {

    static final String DOMAIN = "bench";

    private BenchProducts() {
    }

    /** The product names, {@code bench.p00001} …; the files are {@code p00001.product.yaml} and {@code p00001.avsc}. */
    static List<String> write(Path folder, int count) throws IOException {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String name = String.format("p%05d", i);
            Files.writeString(folder.resolve(name + ".product.yaml"), """
                    apiVersion: meshbone/v1
                    kind: DataProduct
                    metadata:
                      name: %1$s
                      domain: bench
                      owner: team-bench@example.com
                      description: Benchmark product number %2$d, tracking parcel scans in warehouse %2$d.
                      tags: [bench, warehouse-%2$d]
                    spec:
                      version: 1.0.0
                      type: event
                      value: {schema: %1$s.avsc}
                      compatibility: BACKWARD_TRANSITIVE
                      classification: internal
                      partitions: 1
                      retention: 1d
                      quality:
                        - {name: positive-weight, rule: "value.weight > 0", onFailure: dlq}
                    """.formatted(name, i));
            Files.writeString(folder.resolve(name + ".avsc"), """
                    {"type": "record", "name": "Scan%1$d", "namespace": "bench.scans", "doc": "A parcel scan.",
                     "fields": [
                       {"name": "parcelId", "type": "string", "doc": "The parcel scanned."},
                       {"name": "weight", "type": "double", "doc": "Weight in kg at scan %1$d."}
                     ]}
                    """.formatted(i));
            names.add(DOMAIN + "." + name);
        }
        return names;
    }
}
