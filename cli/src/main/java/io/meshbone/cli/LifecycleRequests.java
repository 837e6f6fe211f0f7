package io.meshbone.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import io.meshbone.platform.control.ContractClient;
import io.meshbone.platform.control.Decision;
import io.meshbone.platform.control.ProductRequest;

/** Sends one deprecate or retire request to the contract gate and prints its decision the way {@code product apply} does. */
final class LifecycleRequests {

    private LifecycleRequests() {
    }

    /**
     * Sends {@code request}, waits up to {@code timeout} for the decision and prints it; {@code onAccepted} prints
     * what else the verb has to say about an accepted one.
     *
     * @return the exit code: 0 accepted, 1 rejected or unanswered
     */
    static int send(MeshOptions mesh, ProductRequest request, Duration timeout, PrintWriter out, PrintWriter err,
                    Consumer<Decision> onAccepted) {
        if (mesh.credentials().isPresent()) {
            return throughCatalog(mesh, request, out, err, onAccepted);
        }
        boolean[] accepted = {false};
        List<ProductRequest> unanswered;
        try (ContractClient contracts = new ContractClient(mesh.clientConfig())) {
            unanswered = contracts.applyAll(List.of(request), timeout, decision -> {
                print(out, decision);
                if (decision.accepted()) {
                    accepted[0] = true;
                    onAccepted.accept(decision);
                }
            });
        }
        out.flush();
        for (ProductRequest each : unanswered) {
            err.println("no decision on request " + each.requestId() + " (" + each.descriptorPath() + ") within "
                    + timeout + ": is the contract gate running?");
        }
        err.flush();
        return accepted[0] ? 0 : 1;
    }

    // Secure mode: only the catalog writes the request topics, and it asks as the principal that signed in.
    private static int throughCatalog(MeshOptions mesh, ProductRequest request, PrintWriter out, PrintWriter err,
                                      Consumer<Decision> onAccepted) {
        try {
            Decision decision = new CatalogRequests(mesh.catalogUrl, mesh.credentials().orElseThrow()).lifecycle(request);
            print(out, decision);
            if (decision.accepted()) {
                onAccepted.accept(decision);
                out.flush();
                return 0;
            }
            return 1;
        } catch (IllegalStateException e) {
            err.println(request.descriptorPath() + ": " + e.getMessage());
            err.flush();
            return 1;
        }
    }

    // A product that was never listed has no version to name.
    private static void print(PrintWriter out, Decision decision) {
        if (decision.version() != null) {
            ProductApplyCommand.print(out, decision);
            return;
        }
        out.printf("%s %s%n", decision.product(), decision.outcome());
        decision.reasons().forEach(reason -> out.println("  " + reason));
        out.flush();
    }
}
