package io.meshbone.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.meshbone.platform.contract.ContractException;
import io.meshbone.platform.contract.DataProduct;
import io.meshbone.platform.contract.Odcs;
import io.meshbone.platform.contract.ProductDescriptors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code meshbone product export}: writes a descriptor as an Open Data Contract Standard document. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write a descriptor as an Open Data Contract Standard v3.1.0 document (YAML, or JSON with --json).",
                "Kafka facts (topics, subjects, compatibility, key, partitions, the Avro schemas) go in customProperties."})
final class ProductExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--format", required = true, description = "Contract standard to write: ${COMPLETION-CANDIDATES}.")
    ContractFormat format;

    @Option(names = "--json", description = "Write JSON instead of YAML.")
    boolean json;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path output;

    @Parameters(paramLabel = "FILE", description = "The descriptor (*.product.yaml) to export.")
    Path file;

    @Override
    public Integer call() throws IOException {
        DataProduct product;
        try {
            product = ProductDescriptors.read(file);
        } catch (ContractException e) {
            e.problems().forEach(spec.commandLine().getErr()::println);
            spec.commandLine().getErr().flush();
            return 1;
        }
        String document = json ? Odcs.exportJson(product) : Odcs.exportYaml(product);
        if (output == null) {
            spec.commandLine().getOut().print(document);
            spec.commandLine().getOut().flush();
        } else {
            Files.writeString(output, document, StandardCharsets.UTF_8);
            spec.commandLine().getErr().println("wrote " + output);
            spec.commandLine().getErr().flush();
        }
        return 0;
    }

    /** The contract standards Meshbone maps to. */
    enum ContractFormat { odcs }
}
