package io.meshbone.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import io.meshbone.platform.contract.ContractException;
import io.meshbone.platform.control.ContractClient;
import io.meshbone.platform.control.Decision;
import io.meshbone.platform.control.ProductRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code meshbone product apply}: sends descriptors to the contract gate and prints each decision. */
@Command(name = "apply", mixinStandardHelpOptions = true,
        description = {"Apply descriptors to a running mesh: sends every request, then waits for and prints the gate's decision on each.",
                "Exit code 0 when every one is accepted, 1 when any is rejected."})
final class ProductApplyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    MeshOptions mesh;

    @Option(names = {"-f", "--file"}, required = true, arity = "1..*", paramLabel = "FILE|DIR",
            description = "*.product.yaml files, or folders searched for them (skipping target/ and hidden folders); repeatable.")
    List<Path> files;

    @Option(names = "--principal", defaultValue = "${env:MESHBONE_PRINCIPAL:-User:meshbone-up}",
            description = "Who asks; must own the domain. Not used with --credentials, where the signed-in principal asks. "
                    + "Default: ${DEFAULT-VALUE} (the principal 'meshbone up' lists its examples as).")
    String principal;

    @Option(names = "--timeout", defaultValue = "60s", paramLabel = "DURATION",
            description = "How long to wait for each decision, e.g. 500ms, 30s, 5m. Default: ${DEFAULT-VALUE}.")
    Duration timeout;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (mesh.credentials().isEmpty()) {
            // An unreachable cluster fails in its one line before anything is printed, as README shows.
            mesh.clientConfig();
        }
        List<Path> descriptors = ProductApplyOrder.of(files);
        List<ProductRequest> requests = new ArrayList<>();
        boolean allAccepted = true;
        int i = 0;
        for (Path file : descriptors) {
            out.printf("[%d/%d] applying %s …%n", ++i, descriptors.size(), file);
            try {
                requests.add(ContractClient.request(file, file.toString(), principal));
            } catch (ContractException e) {
                // Refused before sending, e.g. a schema file that links out of the descriptor's folder.
                out.printf("%s REJECTED (not sent)%n", file);
                e.problems().forEach(problem -> out.println("  " + problem));
                allAccepted = false;
            }
        }
        out.flush();
        if (requests.isEmpty()) {
            return allAccepted ? 0 : 1;
        }
        if (mesh.credentials().isPresent()) {
            return throughCatalog(requests, out, err) && allAccepted ? 0 : 1;
        }
        ApplyProgress progress = new ApplyProgress(requests.size(), err);
        boolean[] rejected = {false};
        List<ProductRequest> unanswered;
        try (ContractClient contracts = new ContractClient(mesh.clientConfig())) {
            unanswered = contracts.applyAll(requests, timeout, decision -> {
                print(out, decision);
                rejected[0] |= !decision.accepted();
                progress.decided(decision.accepted());
            });
        }
        out.flush();
        progress.finish();
        for (ProductRequest request : unanswered) {
            err.println("no decision on request " + request.requestId() + " (" + request.descriptorPath() + ") within "
                    + timeout + ": is the contract gate running?");
        }
        err.flush();
        return allAccepted && !rejected[0] && unanswered.isEmpty() ? 0 : 1;
    }

    /** Secure mode: each request through the catalog, as the credentials' principal; true when all were accepted. */
    private boolean throughCatalog(List<ProductRequest> requests, PrintWriter out, PrintWriter err) {
        CatalogRequests catalog = new CatalogRequests(mesh.catalogUrl, mesh.credentials().orElseThrow());
        boolean accepted = true;
        for (ProductRequest request : requests) {
            try {
                Decision decision = catalog.apply(request);
                print(out, decision);
                accepted &= decision.accepted();
            } catch (IllegalStateException e) {
                err.println(request.descriptorPath() + ": " + e.getMessage());
                err.flush();
                accepted = false;
            }
        }
        return accepted;
    }

    /** Prints a decision as {@code product apply} does: {@code name version OUTCOME}, then each reason. */
    static void print(PrintWriter out, Decision decision) {
        out.printf("%s %s %s%s%n", decision.product(), decision.version(), decision.outcome(),
                decision.accepted() && !decision.changed() ? " (unchanged)" : "");
        decision.reasons().forEach(reason -> out.println("  " + reason));
        decision.warnings().forEach(warning -> out.println("  warning: " + warning));
        out.flush();
    }
}
