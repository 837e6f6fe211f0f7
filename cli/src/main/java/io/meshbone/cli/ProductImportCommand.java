package io.meshbone.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import io.meshbone.platform.contract.ContractException;
import io.meshbone.platform.contract.DescriptorBundle;
import io.meshbone.platform.contract.Odcs;
import io.meshbone.platform.contract.SchemaFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code meshbone product import}: turns an Open Data Contract Standard document back into a descriptor. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Turn an ODCS v3.1.0 document written by 'product export' back into a descriptor and its Avro files.",
                "They are validated like any descriptor; existing files are not overwritten unless --force is given."})
final class ProductImportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--format", required = true, description = "Contract standard to read: ${COMPLETION-CANDIDATES}.")
    ProductExportCommand.ContractFormat format;

    @Option(names = {"-o", "--output-dir"}, paramLabel = "DIR", defaultValue = ".",
            description = "Folder to write <name>.product.yaml and its .avsc files into. Default: the current folder.")
    Path outputDir;

    @Option(names = "--force", description = "Overwrite files that exist.")
    boolean force;

    @Parameters(paramLabel = "FILE", description = "The ODCS document (YAML or JSON).")
    Path file;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        DescriptorBundle bundle;
        try {
            bundle = Odcs.importDocument(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (ContractException e) {
            e.problems().forEach(err::println);
            err.flush();
            return 1;
        }
        Map<Path, String> files = new LinkedHashMap<>();
        files.put(outputDir.resolve(bundle.descriptorFile()), bundle.descriptorYaml());
        bundle.schemaFiles().forEach((name, text) -> files.put(outputDir.resolve(name), text));
        // Odcs only hands out plain names; this also keeps --force from writing through a link out of the folder.
        for (Path target : files.keySet()) {
            String name = target.getFileName().toString();
            Optional<String> outside = SchemaFiles.isPlainFileName(name) && target.getParent().equals(outputDir)
                    ? SchemaFiles.leavesFolder(outputDir, name) : Optional.of("'" + target + "' is not a plain file name");
            if (outside.isPresent()) {
                err.println(file + ": avroSchemaFile: " + outside.get() + " (expected " + SchemaFiles.PLAIN_FILE_NAME + ")");
                err.flush();
                return 1;
            }
        }
        if (!force) {
            for (Path target : files.keySet()) {
                if (Files.exists(target)) {
                    err.println(target + ": exists (expected a new file; use --force to overwrite)");
                    err.flush();
                    return 1;
                }
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        for (Map.Entry<Path, String> entry : files.entrySet()) {
            Path parent = entry.getKey().toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Files.writeString(entry.getKey(), entry.getValue(), StandardCharsets.UTF_8);
            out.println("wrote " + entry.getKey());
        }
        out.println("imported " + bundle.product().name() + " " + bundle.product().spec().version());
        out.flush();
        return 0;
    }
}
