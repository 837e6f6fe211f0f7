package io.meshbone.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meshbone.platform.contract.DataProduct;
import io.meshbone.platform.contract.LintReport;
import io.meshbone.platform.contract.ProductDescriptors;
import io.meshbone.platform.control.ListedProducts;
import io.meshbone.platform.provisioning.AclPlan;
import io.meshbone.platform.security.ServiceAcls;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code meshbone export strimzi}: one Strimzi {@code KafkaTopic} file per product, staging and DLQ topic, and one
 * {@code KafkaUser} file per principal of the ACL plan under {@code users/}.
 */
@Command(name = "strimzi", mixinStandardHelpOptions = true,
        description = {"Write a Strimzi KafkaTopic resource for every product, staging and DLQ topic of the contracts, with the "
                + "partitions and configs the provisioner applies, one file per topic (<topic>.yaml) in the output folder.",
                "Also a Strimzi KafkaUser per principal (SCRAM-SHA-512, simple authorization with the ACLs the provisioner "
                        + "derives from the contracts, their domains and the mesh services) in users/<user>.yaml."})
final class ExportStrimziCommand implements Callable<Integer> {

    /** The folder under the output folder that holds the {@code KafkaUser} files. */
    static final String USERS = "users";

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
        writeUsers(products, out);
        out.flush();
        return 0;
    }

    // Access grants live on the running mesh and change at runtime: the provisioner applies them, the export does not.
    private void writeUsers(List<DataProduct> products, PrintWriter out) throws IOException {
        AclPlan plan = AclPlan.of(products, List.of(), List.of(), ServiceAcls.services());
        Path users = Files.createDirectories(output.resolve(USERS));
        StrimziUsers renderer = new StrimziUsers(cluster);
        Map<String, ObjectNode> resources = renderer.resources(plan);
        for (ObjectNode user : resources.values()) {
            Files.writeString(users.resolve(StrimziUsers.fileName(user)), StrimziTopics.yaml(user), StandardCharsets.UTF_8);
        }
        out.printf("wrote %d KafkaUser resources to %s%n", resources.size(), users);
        List<String> skipped = StrimziUsers.notExportable(plan);
        if (!skipped.isEmpty()) {
            out.printf("not exported (not User:<Kubernetes resource name>): %s%n", skipped);
        }
    }
}
