package io.meshbone.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import io.meshbone.platform.control.ContractClient;
import io.meshbone.platform.control.Decision;
import io.meshbone.platform.control.PolicyRequest;
import io.meshbone.platform.policy.Policies;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code meshbone policy apply}: sends policy documents to the contract gate and prints each decision. */
@Command(name = "apply", mixinStandardHelpOptions = true,
        description = {"Apply policy documents to a running mesh: waits for and prints the gate's decision on each.",
                "Exit code 0 when every one is accepted, 1 when any is rejected."})
final class PolicyApplyCommand implements Callable<Integer> {

    static final String SUFFIX = ".policy.yaml";

    @Spec
    CommandSpec spec;

    @Mixin
    MeshOptions mesh;

    @Option(names = {"-f", "--file"}, required = true, arity = "1..*", paramLabel = "FILE|DIR",
            description = "*.policy.yaml files, or folders whose *.policy.yaml files are applied in name order.")
    List<Path> paths;

    @Option(names = "--principal", defaultValue = "${env:MESHBONE_PRINCIPAL:-" + Policies.GOVERNANCE_PRINCIPAL + "}",
            description = "Who asks: the governance group for mesh-wide policies, the domain's owner for a domain's."
                    + " Not used with --credentials, where the signed-in principal asks."
                    + " Default: ${DEFAULT-VALUE}.")
    String principal;

    @Option(names = "--timeout", defaultValue = "60s", paramLabel = "DURATION",
            description = "How long to wait for each decision, e.g. 500ms, 30s, 5m. Default: ${DEFAULT-VALUE}.")
    Duration timeout;

    @Override
    public Integer call() throws Exception {
        List<Path> files = documents(paths);
        PrintWriter out = spec.commandLine().getOut();
        boolean allAccepted = true;
        if (mesh.credentials().isPresent()) {
            return throughCatalog(files, out) ? 0 : 1;
        }
        try (ContractClient gate = new ContractClient(mesh.clientConfig())) {
            int i = 0;
            for (Path file : files) {
                out.printf("[%d/%d] applying %s …%n", ++i, files.size(), file);
                out.flush();
                Decision decision;
                try {
                    decision = gate.apply(PolicyRequest.apply(principal, file.toString(),
                            Files.readString(file, StandardCharsets.UTF_8)), timeout);
                } catch (TimeoutException e) {
                    spec.commandLine().getErr().println(e.getMessage());
                    return 1;
                }
                print(out, file, decision);
                allAccepted &= decision.accepted();
            }
        }
        out.flush();
        return allAccepted ? 0 : 1;
    }

    /** Secure mode: each document through the catalog, as the credentials' principal; true when all were accepted. */
    private boolean throughCatalog(List<Path> files, PrintWriter out) throws IOException {
        CatalogRequests catalog = new CatalogRequests(mesh.catalogUrl, mesh.credentials().orElseThrow());
        boolean allAccepted = true;
        int i = 0;
        for (Path file : files) {
            out.printf("[%d/%d] applying %s …%n", ++i, files.size(), file);
            out.flush();
            Decision decision;
            try {
                decision = catalog.applyPolicy(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
            } catch (IllegalStateException e) {
                spec.commandLine().getErr().println(file + ": " + e.getMessage());
                spec.commandLine().getErr().flush();
                allAccepted = false;
                continue;
            }
            print(out, file, decision);
            allAccepted &= decision.accepted();
        }
        out.flush();
        return allAccepted;
    }

    private static void print(PrintWriter out, Path file, Decision decision) {
        out.printf("policy %s%s %s%s%n", decision.policy() == null ? file : decision.policy(),
                decision.version() == null ? "" : " v" + decision.version(), decision.outcome(),
                decision.accepted() && !decision.changed() ? " (unchanged)" : "");
        decision.reasons().forEach(reason -> out.println("  " + reason));
    }

    static List<Path> documents(List<Path> paths) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> inFolder = Files.list(path)) {
                    List<Path> found = inFolder.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
                    if (found.isEmpty()) {
                        throw new IllegalArgumentException("no *" + SUFFIX + " files in " + path);
                    }
                    files.addAll(found);
                }
            } else if (Files.isRegularFile(path)) {
                files.add(path);
            } else {
                throw new IllegalArgumentException(path + ": no such file or folder (expected a *" + SUFFIX + " file or a folder of them)");
            }
        }
        return files;
    }
}
