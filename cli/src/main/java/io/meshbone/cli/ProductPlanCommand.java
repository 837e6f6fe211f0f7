package io.meshbone.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
import io.meshbone.cli.plan.PlanPrinter;
import io.meshbone.cli.plan.Planner;
import io.meshbone.cli.plan.ProductGrants;
import io.meshbone.cli.plan.ProductPlan;
import io.meshbone.cli.plan.SubjectVersions;
import io.meshbone.platform.policy.ClusterFacts;
import io.meshbone.platform.policy.Policy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code meshbone product plan}: what applying descriptors would change, like a Terraform plan, changing nothing. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Say what applying descriptors would change, changing nothing.",
                "For each product, after the gate's decision as 'check' prints it: whether it is new or listed, the topics to "
                + "create or alter, the subjects and versions to register, the ACLs to grant or revoke and the consumers "
                + "affected (declared, downstream products, live groups).",
                "Exit code 0 when the gate would accept every one, 1 when it would reject any, 2 on usage errors."})
final class ProductPlanCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE|DIR",
            description = "Descriptors, or folders searched for *.product.yaml (skipping target/ and hidden folders).")
    List<Path> paths;

    @Option(names = "--against", paramLabel = "URL|DIR|REF",
            description = "What is listed: a catalog URL (http://localhost:8080), a folder of descriptors, or a git ref."
                    + " Default: nothing is listed.")
    String against;

    @Option(names = "--principal", defaultValue = "${env:MESHBONE_PRINCIPAL:-User:meshbone-up}",
            description = "Who would apply; checked against the domain's owner when --against is a catalog. Default: "
                    + "the --credentials principal, else ${DEFAULT-VALUE}.")
    String principal;

    @Mixin
    SignInOption credentials;

    @Option(names = "--policies", paramLabel = "FILE|DIR",
            description = "Policy documents to apply on top of the policies in force, as for 'product check'; repeatable.")
    List<Path> policies = List.of();

    @Option(names = "--brokers", paramLabel = "N",
            description = "The cluster's broker count (replication, policies). Default: asked of the catalog's cluster, else 1.")
    Integer brokers;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Map<Path, String> descriptors;
        Baseline baseline;
        List<Policy> inForce;
        SignIn signIn = credentials.signIn(against);
        try {
            descriptors = ProductCheckCommand.descriptors(paths);
            Path first = paths.get(0).toAbsolutePath();
            baseline = against == null ? Baselines.empty()
                    : Baselines.open(against, Files.isDirectory(first) ? first : first.getParent(), signIn);
            inForce = PolicySet.inForce(against, signIn, PolicyApplyCommand.documents(policies));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        if (brokers != null && brokers < 1) {
            throw new ParameterException(spec.commandLine(), "--brokers must be at least 1, got " + brokers);
        }
        ClusterFacts cluster = ClusterSize.of(brokers, against, signIn, spec.commandLine().getErr());
        String applier = SignInOption.principal(spec, principal, signIn);
        Planner planner = new Planner(baseline, cluster, SubjectVersions.of(against, signIn), ProductGrants.of(against, signIn));
        List<ProductPlan> plans = new ArrayList<>();
        for (Reviewed reviewed : Reviews.of(descriptors, baseline, inForce, cluster, applier, ProductCheckCommand.CHECKS)) {
            DecisionLines.print(out, reviewed, baseline);
            ProductPlan plan = planner.plan(reviewed);
            PlanPrinter.print(out, plan);
            plans.add(plan);
        }
        out.println(PlanPrinter.summary(plans));
        out.flush();
        return plans.stream().anyMatch(p -> p.action() == ProductPlan.Action.REJECTED) ? 1 : 0;
    }
}
