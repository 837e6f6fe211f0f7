package io.meshbone.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import io.meshbone.cli.check.Baseline;
import io.meshbone.cli.check.Baselines;
import io.meshbone.governance.ContractCheck;
import io.meshbone.governance.ContractReview;
import io.meshbone.platform.contract.ContractException;
import io.meshbone.platform.contract.DataProduct;
import io.meshbone.platform.contract.ProductDescriptors;
import io.meshbone.platform.contract.SchemaFiles;
import io.meshbone.platform.control.ContractClient;
import io.meshbone.platform.control.ProductRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code meshbone product check}: what the contract gate would decide on descriptors, without changing anything. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Say what the contract gate would decide on descriptors, changing nothing: lint, ownership,",
                "version rules and schema compatibility at the contract's level, against a running mesh's catalog,",
                "a folder of descriptors or a git ref. Prints each decision as 'product apply' does.",
                "Exit code 0 when the gate would accept every one, 1 when it would reject any."})
final class ProductCheckCommand implements Callable<Integer> {

    /** Checks beyond the gate's own, run like the gate runs them; mesh policies plug in here. */
    static final List<ContractCheck> CHECKS = List.of();

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE|DIR",
            description = "Descriptors, or folders searched for *.product.yaml (skipping target/ and hidden folders).")
    List<Path> paths;

    @Option(names = "--against", required = true, paramLabel = "URL|DIR|REF",
            description = "What is listed: a catalog URL (http://localhost:8080), a folder of descriptors, or a git ref (origin/main).")
    String against;

    @Option(names = "--principal", defaultValue = "${env:MESHBONE_PRINCIPAL:-User:meshbone-up}",
            description = "Who would apply; checked against the domain's owner when --against is a catalog. Default: ${DEFAULT-VALUE}.")
    String principal;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Map<Path, String> descriptors = descriptors();
        // A git ref is read from the repository around what is checked, wherever the command runs.
        Path first = paths.get(0).toAbsolutePath();
        Baseline baseline = Baselines.open(against, Files.isDirectory(first) ? first : first.getParent());
        List<ProductRequest> requests = new ArrayList<>();
        int rejected = 0;
        for (Map.Entry<Path, String> descriptor : descriptors.entrySet()) {
            try {
                requests.add(ContractClient.request(descriptor.getKey(), descriptor.getValue(), principal));
            } catch (ContractException e) {
                out.printf("%s REJECTED (not sent)%n", descriptor.getValue());
                e.problems().forEach(problem -> out.println("  " + problem));
                rejected++;
            }
        }
        // Inputs may name a listed product or one checked beside it, which the same pull request adds.
        Set<String> known = new HashSet<>(baseline.listed().keySet());
        requests.forEach(r -> ProductDescriptors.parse(r.descriptorPath(), r.descriptor(), SchemaFiles.of(r.files())).product()
                .ifPresent(p -> known.add(p.name())));
        for (ProductRequest request : requests) {
            ContractReview.Result review = ContractReview.review(request, baseline.listed(), known, baseline.schemas(), CHECKS);
            print(out, request, review, baseline);
            rejected += review.acceptable() ? 0 : 1;
        }
        out.printf("%d %s checked against %s: %s%n", descriptors.size(), descriptors.size() == 1 ? "descriptor" : "descriptors",
                baseline.shownAs(), rejected == 0 ? "the gate would accept all" : rejected + " would be rejected");
        out.flush();
        return rejected == 0 ? 0 : 1;
    }

    private static void print(PrintWriter out, ProductRequest request, ContractReview.Result review, Baseline baseline) {
        String name = review.product().map(DataProduct::name).orElse(request.descriptorPath());
        String version = review.product().map(p -> " " + p.spec().version()).orElse("");
        String outcome = review.acceptable() ? "ACCEPTED" + (review.unchanged() ? " (unchanged)" : "") : "REJECTED";
        out.printf("%s%s %s%n", name, version, outcome);
        review.reasons().forEach(reason -> out.println("  " + reason));
        if (review.newMajor()) {
            DataProduct listed = review.previous().orElseThrow();
            List<String> behind = new ArrayList<>();
            baseline.downstream(name).forEach(product -> behind.add("product " + product));
            baseline.consumers().getOrDefault(name, List.of()).forEach(group -> behind.add("consumer group " + group));
            out.printf("  new major %d: %s (listed %s) stays for its readers; left behind on it: %s%n",
                    review.product().orElseThrow().spec().version().major(), listed.names().topic(), listed.spec().version(),
                    behind.isEmpty() ? "nobody known" : String.join(", ", behind));
        }
    }

    /** Each descriptor to check, named as lint names it: relative to a folder given, or as a file was given. */
    private Map<Path, String> descriptors() {
        Map<Path, String> found = new LinkedHashMap<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                ProductDescriptors.find(path).forEach(file -> found.put(file, path.relativize(file).toString()));
            } else if (Files.isRegularFile(path)) {
                found.put(path, path.toString());
            } else {
                throw new IllegalArgumentException(path + ": no such file or folder (expected a descriptor or a folder of descriptors)");
            }
        }
        return found;
    }
}
