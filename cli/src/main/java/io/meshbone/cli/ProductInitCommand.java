package io.meshbone.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

import io.meshbone.cli.init.AppScaffold;
import io.meshbone.cli.init.ProductScaffold;
import io.meshbone.platform.contract.LintReport;
import io.meshbone.platform.contract.ProductDescriptors;
import io.meshbone.platform.contract.ProductNames;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code meshbone product init}: writes a new product's first descriptor and schema (and an app skeleton) to edit. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"Write a new data product's descriptor <dir>/<domain>/<name>.product.yaml and its Avro schema, "
                + "lint-clean, for the team to edit.",
                "With --app also a Kafka Streams app skeleton and its test.",
                "Exit code 0 when written and lint-clean, 1 otherwise; never overwrites without --force."})
final class ProductInitCommand implements Callable<Integer> {

    enum Type { event, entity }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "<domain>/<name>", description = "The new product, e.g. payments/refund-issued (or payments.refund-issued).")
    String product;

    @Option(names = "--type", defaultValue = "event", description = "event or entity (compacted, keyed). Default: ${DEFAULT-VALUE}.")
    Type type;

    @Option(names = "--from-avro", paramLabel = "FILE", description = "Take the value schema from this .avsc (a record) instead of a skeleton.")
    Path fromAvro;

    @Option(names = {"-o", "--output"}, defaultValue = "schemas", paramLabel = "DIR",
            description = "The contract repository folder to write <domain>/<name>.* into. Default: ${DEFAULT-VALUE}.")
    Path output;

    @Option(names = "--input", paramLabel = "PRODUCT", description = "A product this one is derived from (spec.inputs); the app reads it.")
    List<String> inputs = new ArrayList<>();

    @Option(names = "--app", description = "Also write a Kafka Streams app on the mesh DSL reading the first --input, and its TopologyTestDriver test.")
    boolean app;

    @Option(names = "--app-dir", paramLabel = "DIR", description = "Where the app's sources go (src/main/java, src/test/java). Default: <name>-app.")
    Path appDir;

    @Option(names = "--package", paramLabel = "NAME", description = "Java package of the app and Avro namespace. Default: com.example.<domain>.")
    String packageName;

    @Option(names = "--force", description = "Overwrite files that exist.")
    boolean force;

    @Override
    public Integer call() throws IOException {
        String[] parts = product.split("[/.]", 2);
        if (parts.length != 2) {
            throw new ParameterException(spec.commandLine(), "<domain>/<name>: '" + product + "' has no domain (expected e.g. payments/refund-issued)");
        }
        String domain = parts[0];
        String name = parts[1];
        if (!ProductNames.isNamePart(domain) || !ProductNames.isNamePart(name)) {
            throw new ParameterException(spec.commandLine(), "<domain>/<name>: '" + product + "' is not two lower-kebab names"
                    + " (expected e.g. payments/refund-issued: lower-case letters and digits in parts joined by '-')");
        }
        if (app && inputs.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--app: the app reads a product; name it with --input (e.g. --input orders.order-placed)");
        }
        String pkg = packageName != null ? packageName : AppScaffold.defaultPackage(domain);
        ProductScaffold scaffold = new ProductScaffold(domain, name, type == Type.entity, inputs, pkg);
        PrintWriter out = spec.commandLine().getOut();
        Map<Path, String> files = new LinkedHashMap<>();
        Path folder = output.resolve(domain);
        List<String> todo = new ArrayList<>();
        Optional<String> keyField;
        String schemaText;
        if (fromAvro == null) {
            schemaText = scaffold.schema();
            keyField = Optional.of(ProductScaffold.KEY_FIELD);
        } else {
            schemaText = Files.readString(fromAvro, StandardCharsets.UTF_8);
            Schema schema = recordSchema(schemaText);
            keyField = scaffold.keyFieldOf(schema);
            if (type == Type.entity && keyField.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "--from-avro: " + fromAvro + " has no key field for an entity"
                        + " (expected a string, int or long field 'id' or '" + name.replace("-", "") + "Id'; fields: "
                        + schema.getFields().stream().map(Schema.Field::name).toList() + ")");
            }
            ProductScaffold.undocumentedFields(schema).forEach(field -> todo.add(
                    folder.resolve(name + ".avsc") + ": " + field + ": has no doc; add one (every field needs a doc)"));
        }
        files.put(folder.resolve(name + ProductDescriptors.SUFFIX), scaffold.descriptor(name + ".avsc", keyField));
        files.put(folder.resolve(name + ".avsc"), schemaText);
        if (app) {
            AppScaffold skeleton = new AppScaffold(domain + "." + name, inputs.get(0), pkg, keyField,
                    fromAvro == null ? Optional.of(scaffold.timeField()) : Optional.empty(), output.toString());
            Path dir = appDir != null ? appDir : Path.of(name + "-app");
            Path sources = Path.of(pkg.replace('.', '/'));
            files.put(dir.resolve("src/main/java").resolve(sources).resolve(skeleton.className() + ".java"), skeleton.app());
            files.put(dir.resolve("src/test/java").resolve(sources).resolve(skeleton.className() + "Test.java"), skeleton.test());
        }
        List<Path> existing = files.keySet().stream().filter(Files::exists).toList();
        if (!force && !existing.isEmpty()) {
            spec.commandLine().getErr().println("meshbone: not overwriting " + existing + " (use --force)");
            return 1;
        }
        for (Map.Entry<Path, String> file : files.entrySet()) {
            Files.createDirectories(file.getKey().toAbsolutePath().getParent());
            Files.writeString(file.getKey(), file.getValue(), StandardCharsets.UTF_8);
            out.println("wrote " + file.getKey());
        }
        LintReport report = ProductDescriptors.lint(List.of(folder.resolve(name + ProductDescriptors.SUFFIX)), Set.copyOf(inputs));
        report.problems().forEach(out::println);
        todo.forEach(out::println);
        out.printf("%s %s: %s%n", domain + "." + name, report.clean() ? "lint-clean" : "NOT lint-clean",
                "edit the TODOs, then: meshbone product check " + output + " --against origin/main");
        out.flush();
        return report.clean() ? 0 : 1;
    }

    private Schema recordSchema(String text) {
        try {
            Schema schema = new Schema.Parser().parse(text);
            if (schema.getType() != Schema.Type.RECORD) {
                throw new ParameterException(spec.commandLine(), "--from-avro: " + fromAvro + " is a " + schema.getType().getName()
                        + " schema; expected a record");
            }
            return schema;
        } catch (SchemaParseException e) {
            throw new ParameterException(spec.commandLine(), "--from-avro: " + fromAvro + " is not an Avro schema: " + e.getMessage());
        }
    }
}
