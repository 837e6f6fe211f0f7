package io.meshbone.cli;

import java.io.PrintWriter;
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

    @Mixin
    LifecycleOptions asking;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.printf("retiring %s …%n", product);
        out.flush();
        return LifecycleRequests.send(mesh, ProductRequest.retire(asking.principal, product), asking.timeout, out,
                spec.commandLine().getErr(), decision -> out.println("  retired: the record gate admits no more records for it"));
    }
}
