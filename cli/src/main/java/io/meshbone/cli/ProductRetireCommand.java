package io.meshbone.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;

import io.meshbone.platform.control.ProductRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code meshbone product retire}: asks the contract gate to retire a listed product. */
@Command(name = "retire", mixinStandardHelpOptions = true,
        description = {"Retire a listed product: the contract gate checks that you listed it and answers with a decision, printed here.",
                "Once retired the record gate admits no more records for it; the catalog keeps it for history.",
                "Exit code 0 when accepted, 1 when rejected."})
final class ProductRetireCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    MeshOptions mesh;

    @Parameters(paramLabel = "PRODUCT", description = "The listed product, e.g. orders.order-placed.")
    String product;

    @Option(names = "--principal", defaultValue = "${env:MESHBONE_PRINCIPAL:-User:meshbone-up}",
            description = "Who asks; must be who listed the product. Default: ${DEFAULT-VALUE}.")
    String principal;

    @Option(names = "--timeout", defaultValue = "60s", paramLabel = "DURATION",
            description = "How long to wait for the decision, e.g. 500ms, 30s, 5m. Default: ${DEFAULT-VALUE}.")
    Duration timeout;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.printf("retiring %s …%n", product);
        out.flush();
        return LifecycleRequests.send(mesh, ProductRequest.retire(principal, product), timeout, out,
                spec.commandLine().getErr(), decision -> out.println("  retired: the record gate admits no more records for it"));
    }
}
