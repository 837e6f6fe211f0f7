package io.meshbone.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;

import io.meshbone.platform.contract.ContractException;
import io.meshbone.platform.control.ContractClient;
import io.meshbone.platform.control.Decision;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code meshbone product apply}: sends descriptors to the contract gate and prints each decision. */
@Command(name = "apply", mixinStandardHelpOptions = true,
        description = {"Apply descriptors to a running mesh: waits for and prints the gate's decision on each.",
                "Exit code 0 when every one is accepted, 1 when any is rejected."})
final class ProductApplyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    MeshOptions mesh;

    @Option(names = {"-f", "--file"}, required = true, arity = "1..*", paramLabel = "FILE", description = "*.product.yaml files.")
    List<Path> files;

    @Option(names = "--principal", defaultValue = "${env:MESHBONE_PRINCIPAL:-User:meshbone-up}",
            description = "Who asks; must own the domain. Default: ${DEFAULT-VALUE} (the principal 'meshbone up' lists its examples as).")
    String principal;

    @Option(names = "--timeout", defaultValue = "60s", paramLabel = "DURATION",
            description = "How long to wait for each decision, e.g. 500ms, 30s, 5m. Default: ${DEFAULT-VALUE}.")
    Duration timeout;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        boolean allAccepted = true;
        try (ContractClient contracts = new ContractClient(mesh.clientConfig())) {
            int i = 0;
            for (Path file : files) {
                out.printf("[%d/%d] applying %s …%n", ++i, files.size(), file);
                out.flush();
                Decision decision;
                try {
                    decision = contracts.apply(ContractClient.request(file, file.toString(), principal), timeout);
                } catch (TimeoutException e) {
                    spec.commandLine().getErr().println(e.getMessage());
                    return 1;
                } catch (ContractException e) {
                    // Refused before sending, e.g. a schema file that links out of the descriptor's folder.
                    out.printf("%s REJECTED (not sent)%n", file);
                    e.problems().forEach(problem -> out.println("  " + problem));
                    allAccepted = false;
                    continue;
                }
                out.printf("%s %s %s%s%n", decision.product(), decision.version(), decision.outcome(),
                        decision.accepted() && !decision.changed() ? " (unchanged)" : "");
                decision.reasons().forEach(reason -> out.println("  " + reason));
                allAccepted &= decision.accepted();
            }
        }
        out.flush();
        return allAccepted ? 0 : 1;
    }
}
