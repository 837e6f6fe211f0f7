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

/** {@code meshbone product deprecate}: asks the contract gate to announce a listed product's sunset and successor. */
@Command(name = "deprecate", mixinStandardHelpOptions = true,
        description = {"Deprecate a listed product: the contract gate checks that you listed it, that the sunset is today (UTC) or"
                + " later and that the successor is another listed product, and answers with a decision, printed here.",
                "Once accepted the catalog shows the deprecation and MeshConsumer warns each new subscriber.",
                "Exit code 0 when accepted, 1 when rejected."})
final class ProductDeprecateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    MeshOptions mesh;

    @Parameters(paramLabel = "PRODUCT", description = "The listed product, e.g. orders.order-placed.")
    String product;

    @Option(names = "--sunset", required = true, paramLabel = "DATE",
            description = "The last day the product is served, an ISO date (e.g. 2027-06-30), today (UTC) or later.")
    String sunset;

    @Option(names = "--successor", required = true, paramLabel = "NAME",
            description = "The listed product consumers should move to.")
    String successor;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why, for consumers (at most 500 characters).")
    String reason;

    @Mixin
    LifecycleOptions asking;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.printf("deprecating %s (sunset %s, successor %s) …%n", product, sunset, successor);
        out.flush();
        return LifecycleRequests.send(mesh, ProductRequest.deprecate(asking.principal, product, sunset, successor, reason), asking.timeout,
                out, spec.commandLine().getErr(), decision -> out.printf("  deprecated: sunset %s, successor %s%n", sunset, successor));
    }
}
