package io.meshbone.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.meshbone.cli.check.Baseline;
import io.meshbone.cli.check.Baselines;
import io.meshbone.cli.check.ClusterSize;
import io.meshbone.cli.check.DecisionLines;
import io.meshbone.cli.check.PolicySet;
import io.meshbone.cli.check.Reviewed;
import io.meshbone.cli.check.Reviews;
import io.meshbone.cli.check.SignIn;
import io.meshbone.governance.ContractCheck;
import io.meshbone.platform.contract.ProductDescriptors;
import io.meshbone.platform.policy.ClusterFacts;
import io.meshbone.platform.policy.Policy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code meshbone product check}: what the contract gate would decide on descriptors, without changing anything. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Say what the contract gate would decide on descriptors, changing nothing.",
                "Checks lint, ownership, the policies in force (the mesh's own against a catalog, else the shipped default "
                + "set), version rules and schema compatibility at the contract's level, against a running mesh's catalog, "
                + "a folder of descriptors or a git ref. Prints each decision as 'product apply' does.",
                "Exit code 0 when the gate would accept every one, 1 when it would reject any."})
final class ProductCheckCommand implements Callable<Integer> {

    /** Checks beyond the gate's own and the policies in force, run like the gate runs them. */
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
            description = "Who would apply; checked against the domain's owner when --against is a catalog. Default: "
                    + "the --credentials principal, else ${DEFAULT-VALUE}.")
    String principal;

    @Mixin
    SignInOption credentials;

    @Option(names = "--policies", paramLabel = "FILE|DIR",
            description = {"Policy documents (*.policy.yaml, or folders of them) to apply on top of the policies in force,",
                    "adding or replacing the policy of the same name; repeatable."})
    List<Path> policies = List.of();

    @Option(names = "--brokers", paramLabel = "N",
            description = "The cluster's broker count policies see. Default: asked of the catalog's cluster, else 1.")
    Integer brokers;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Map<Path, String> descriptors = descriptors(paths);
        // A git ref is read from the repository around what is checked, wherever the command runs.
        Path first = paths.get(0).toAbsolutePath();
        SignIn signIn = credentials.signIn(against);
        Baseline baseline = Baselines.open(against, Files.isDirectory(first) ? first : first.getParent(), signIn);
        ClusterFacts cluster = ClusterSize.of(brokers, against, signIn, spec.commandLine().getErr());
        List<Policy> inForce = PolicySet.inForce(against, signIn, PolicyApplyCommand.documents(policies));
        String applier = SignInOption.principal(spec, principal, signIn);
        int rejected = 0;
        for (Reviewed reviewed : Reviews.of(descriptors, baseline, inForce, cluster, applier, CHECKS)) {
            DecisionLines.print(out, reviewed, baseline);
            rejected += reviewed.acceptable() ? 0 : 1;
        }
        out.printf("%d %s checked against %s: %s%n", descriptors.size(), descriptors.size() == 1 ? "descriptor" : "descriptors",
                baseline.shownAs(), rejected == 0 ? "the gate would accept all" : rejected + " would be rejected");
        out.flush();
        return rejected == 0 ? 0 : 1;
    }

    /** Each descriptor to check, named as lint names it: relative to a folder given, or as a file was given. */
    static Map<Path, String> descriptors(List<Path> paths) {
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
