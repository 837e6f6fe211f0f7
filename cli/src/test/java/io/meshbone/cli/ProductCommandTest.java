package io.meshbone.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.meshbone.platform.contract.DataProduct;
import io.meshbone.platform.contract.ProductDescriptors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Runs the product verbs in-process through picocli, on the example contracts the schemas module ships. */
class ProductCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine command = Meshbone.commandLine();
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }

    /** Copies the example contracts from the classpath (schemas module) into {@code dir}. */
    static void copyExamples(Path dir) throws Exception {
        List<String> index;
        try (InputStream in = ProductCommandTest.class.getResourceAsStream("/meshbone/products/index")) {
            index = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        for (String descriptor : index) {
            Path target = dir.resolve(descriptor);
            Files.createDirectories(target.getParent());
            copyResource(descriptor, target);
            String text = Files.readString(target);
            for (String line : text.lines().toList()) {
                int at = line.indexOf("schema: ");
                if (at >= 0) {
                    String avsc = line.substring(at + "schema: ".length()).replace("}", "").trim();
                    String folder = descriptor.substring(0, descriptor.lastIndexOf('/') + 1);
                    copyResource(folder + avsc, target.getParent().resolve(avsc));
                }
            }
        }
    }

    private static void copyResource(String name, Path target) throws Exception {
        try (InputStream in = ProductCommandTest.class.getResourceAsStream("/meshbone/products/" + name)) {
            assertThat(in).as(name).isNotNull();
            Files.write(target, in.readAllBytes());
        }
    }

    @Test
    void lintOfTheExampleContractsExitsZeroWithASummary(@TempDir Path dir) throws Exception {
        copyExamples(dir);

        int exit = run("product", "lint", dir.toString());

        assertThat(exit).isZero();
        assertThat(out.toString()).isEqualTo("7 descriptors checked, no problems" + System.lineSeparator());
    }

    @Test
    void lintOfABrokenFolderPrintsEveryProblemAndExitsOne(@TempDir Path dir) throws Exception {
        copyExamples(dir);
        Path payment = dir.resolve("payments/payment-settled.product.yaml");
        Files.writeString(payment, Files.readString(payment)
                .replace("key: {field: orderId}", "key: {field: orderID}")
                .replace("retention: 30d", "retension: 30d"));
        Files.delete(dir.resolve("orders/order-placed.product.yaml"));

        int exit = run("product", "lint", dir.toString());

        assertThat(exit).isEqualTo(1);
        String sep = File.separator;
        String unknown = "'orders.order-placed' names no known product (known: customers.customer-history,"
                + " customers.customer-profile, orders.order-status, orders.revenue-by-hour, payments.payment-settled,"
                + " shipping.delivery-request)";
        assertThat(out.toString().lines()).containsExactly(
                "orders" + sep + "order-status.product.yaml: spec.inputs[0]: " + unknown,
                "orders" + sep + "revenue-by-hour.product.yaml: spec.inputs[0]: " + unknown,
                "payments" + sep + "payment-settled.product.yaml: spec.retension: unknown field 'retension'; did you mean"
                        + " 'retention'? (allowed here: version, type, key, value, compatibility, classification,"
                        + " partitions, retention, inputs, quality, slo, consumers, residency)",
                "payments" + sep + "payment-settled.product.yaml: spec.key.field: 'orderID' is not a field of"
                        + " payment-settled.avsc (fields: paymentId, orderId, amount, currency, method, settledAt)",
                "shipping" + sep + "delivery-request.product.yaml: spec.inputs[0]: " + unknown,
                "5 problems in 4 of 6 descriptors");
    }

    @Test
    void exportThenImportRecreatesAnEqualDescriptor(@TempDir Path dir) throws Exception {
        copyExamples(dir);
        Path descriptor = dir.resolve("customers/customer-profile.product.yaml");
        Path odcs = dir.resolve("customer-profile.odcs.json");

        int exported = run("product", "export", "--format", "odcs", "--json", "-o", odcs.toString(), descriptor.toString());
        int imported = run("product", "import", "--format", "odcs", "-o", dir.resolve("imported").toString(), odcs.toString());

        assertThat(exported).isZero();
        assertThat(Files.readString(odcs)).contains("\"kind\" : \"DataContract\"", "\"customers.customer-profile.v1\"");
        assertThat(imported).as(err.toString()).isZero();
        DataProduct original = ProductDescriptors.read(descriptor);
        DataProduct roundTripped = ProductDescriptors.read(dir.resolve("imported/customer-profile.product.yaml"));
        assertThat(roundTripped).isEqualTo(original);
        assertThat(out.toString()).contains("imported customers.customer-profile 1.0.0");
    }

    @Test
    void exportWritesYamlToStandardOutput(@TempDir Path dir) throws Exception {
        copyExamples(dir);

        int exit = run("product", "export", "--format", "odcs", dir.resolve("payments/payment-settled.product.yaml").toString());
        int withInputs = run("product", "export", "--format", "odcs", dir.resolve("orders/revenue-by-hour.product.yaml").toString());

        assertThat(exit).isZero();
        assertThat(withInputs).as(err.toString()).isZero();
        assertThat(out.toString()).startsWith("apiVersion: v3.1.0\nkind: DataContract\nid: payments.payment-settled\n")
                .contains("implementation: value.amount > 0");
    }

    @Test
    void exportOfAnInvalidDescriptorPrintsItsProblemsAndExitsOne(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("x.product.yaml");
        Files.writeString(file, "apiVersion: meshbone/v1\nkind: DataProduct\n");

        int exit = run("product", "export", "--format", "odcs", file.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).contains(file + ": metadata: required field is missing");
    }

    @Test
    void importRefusesToOverwriteExistingFiles(@TempDir Path dir) throws Exception {
        copyExamples(dir);
        Path odcs = dir.resolve("order-placed.odcs.yaml");
        run("product", "export", "--format", "odcs", "-o", odcs.toString(), dir.resolve("orders/order-placed.product.yaml").toString());

        int exit = run("product", "import", "--format", "odcs", "-o", dir.resolve("orders").toString(), odcs.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("order-placed.product.yaml: exists (expected a new file; use --force to overwrite)");
    }

    @Test
    void anUnknownFormatIsAUsageError(@TempDir Path dir) {
        int exit = run("product", "export", "--format", "avro", dir.resolve("x.product.yaml").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--format", "odcs");
    }

    @Test
    void durationFlagsTakeDurationsAsDescriptorsWriteThem() {
        assertThat(applyTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(applyTimeout("--timeout", "500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(applyTimeout("--timeout", "2s")).isEqualTo(Duration.ofSeconds(2));
        assertThat(applyTimeout("--timeout=5m")).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void aBadDurationIsAUsageErrorNamingTheFlag() {
        int exit = run("product", "apply", "-f", "x.product.yaml", "--timeout", "5 minutes");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("Invalid value for option '--timeout': '5 minutes' is not a duration",
                "ms, s, m, h or d");
    }

    @Test
    void everyDurationFlagOfEveryVerbUsesTheOneDurationConverter() {
        List<String> flags = new ArrayList<>();
        durationFlags(Meshbone.commandLine(), flags);
        assertThat(flags).contains("meshbone product apply --timeout");
        // Each one reads "500ms": the converter registered on the command tree reaches every verb.
        for (String flag : flags) {
            List<String> words = List.of(flag.split(" "));
            String name = words.get(words.size() - 1);
            CommandLine.ParseResult leaf = Meshbone.commandLine().parseArgs(withRequired(words.subList(1, words.size() - 1), name + "=500ms"));
            while (leaf.hasSubcommand()) {
                leaf = leaf.subcommand();
            }
            assertThat(leaf.commandSpec().findOption(name).<Duration>getValue()).as(flag).isEqualTo(Duration.ofMillis(500));
        }
    }

    /** The --timeout that {@code product apply} parses from these arguments (picocli only, nothing runs). */
    private static Duration applyTimeout(String... timeout) {
        List<String> args = new ArrayList<>(List.of("product", "apply", "-f", "x.product.yaml"));
        args.addAll(List.of(timeout));
        CommandLine.ParseResult apply = Meshbone.commandLine().parseArgs(args.toArray(String[]::new)).subcommand().subcommand();
        return apply.commandSpec().findOption("--timeout").getValue();
    }

    private static void durationFlags(CommandLine command, List<String> found) {
        for (CommandLine.Model.OptionSpec option : command.getCommandSpec().options()) {
            if (option.type() == Duration.class) {
                found.add(command.getCommandSpec().qualifiedName() + " " + option.longestName());
            }
        }
        command.getSubcommands().values().forEach(sub -> durationFlags(sub, found));
    }

    /** The verb path and the flag, plus whatever required options that verb takes (so that it parses). */
    private static String[] withRequired(List<String> verbs, String flag) {
        List<String> args = new ArrayList<>(verbs);
        CommandLine leaf = Meshbone.commandLine();
        for (String verb : verbs) {
            leaf = leaf.getSubcommands().get(verb);
        }
        java.util.Set<CommandLine.Model.ArgGroupSpec> groups = new java.util.HashSet<>();
        for (CommandLine.Model.OptionSpec option : leaf.getCommandSpec().options()) {
            // One option of a mutually exclusive group is enough, and a flag takes no value.
            boolean fresh = option.group() == null || groups.add(option.group());
            if ((option.required() || option.group() != null && option.group().multiplicity().min() > 0) && fresh) {
                args.add(option.longestName());
                if (option.arity().max() > 0) {
                    args.add("x");
                }
            }
        }
        for (CommandLine.Model.PositionalParamSpec positional : leaf.getCommandSpec().positionalParameters()) {
            if (positional.required()) {
                args.add("x");
            }
        }
        args.add(flag);
        return args.toArray(String[]::new);
    }
}
