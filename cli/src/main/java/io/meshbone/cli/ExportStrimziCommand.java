package io.meshbone.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meshbone.platform.contract.DataProduct;
import io.meshbone.platform.contract.LintReport;
import io.meshbone.platform.contract.ProductDescriptors;
import io.meshbone.platform.control.ListedProducts;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code meshbone export strimzi}: one Strimzi {@code KafkaTopic} file per product, staging and DLQ topic. */
@Command(name = "strimzi", mixinStandardHelpOptions = true,
        description = {"Write a Strimzi KafkaTopic resource for every product, staging and DLQ topic of the contracts, with the "
                + "partitions and configs the provisioner applies, one file per topic (<topic>.yaml) in the output folder.",
                "KafkaUser resources follow once the mesh has ACLs."})
final class ExportStrimziCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "Folder to write the resources to (created when missing).")
    Path output;

    @Option(names = "--cluster", paramLabel = "NAME", defaultValue = "meshbone", description = "The Strimzi Kafka resource the topics belong to. Default: ${DEFAULT-VALUE}.")
    String cluster;

    @Option(names = "--replicas", paramLabel = "N", defaultValue = "3",
            description = "Replication factor of every topic; at 3 or more min.insync.replicas=2. Default: ${DEFAULT-VALUE}.")
    int replicas;

    @Option(names = "--bootstrap-server", paramLabel = "HOST:PORT", defaultValue = "${env:MESHBONE_BOOTSTRAP_SERVER:-localhost:9092}",
            description = "Kafka bootstrap servers, for --from-mesh. Default: ${DEFAULT-VALUE}.")
    String bootstrapServer;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "30s", description = "How long --from-mesh waits to read the listed products. Default: ${DEFAULT-VALUE}.")
    Duration timeout;

    /** Where the contracts come from. */
    static final class Source {
        @Option(names = "--from", paramLabel = "DIR", description = "A folder searched for *.product.yaml, as `meshbone product lint` reads it.")
        Path from;

        @Option(names = "--from-mesh", description = "The products listed on _mesh.products of the cluster at --bootstrap-server.")
        boolean fromMesh;
    }

    @Override
    public Integer call() throws IOException {
        StrimziTopics topics = new StrimziTopics(cluster, replicas);
        PrintWriter out = spec.commandLine().getOut();
        List<DataProduct> products;
        if (source.fromMesh) {
            MeshOptions mesh = new MeshOptions();
            mesh.bootstrapServer = bootstrapServer;
            products = ListedProducts.read(mesh.clientConfig(), timeout);
        } else {
            LintReport report = ProductDescriptors.lint(List.of(source.from), Set.of());
            if (!report.clean()) {
                PrintWriter err = spec.commandLine().getErr();
                report.problems().forEach(err::println);
                err.printf("%s: nothing written, fix the descriptors first%n", source.from);
                err.flush();
                return 1;
            }
            products = report.products();
        }
        Files.createDirectories(output);
        int written = 0;
        for (DataProduct product : products.stream().sorted(Comparator.comparing(DataProduct::name)).toList()) {
            for (ObjectNode resource : topics.resources(product)) {
                Files.writeString(output.resolve(StrimziTopics.fileName(resource)), StrimziTopics.yaml(resource), StandardCharsets.UTF_8);
                written++;
            }
        }
        out.printf("wrote %d KafkaTopic resources for %d products to %s%n", written, products.size(), output);
        out.flush();
        return 0;
    }
}
