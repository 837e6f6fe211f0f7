package io.meshbone.cli;

import java.nio.file.Path;
import java.util.concurrent.TimeoutException;

import io.meshbone.cli.serve.StopSignal;
import io.meshbone.localkafka.LocalKafkaSettings;
import io.meshbone.platform.security.CredentialStore;
import io.meshbone.platform.security.MeshPrincipals;

/** {@code meshbone up --isolated}: runs an {@link IsolatedMesh} until the latch is released, printing its addresses. */
final class IsolatedUp {

    private IsolatedUp() {
    }

    /**
     * Runs the isolated mesh; with {@code secure}, both clusters secure and one credentials folder
     * ({@code <data-dir>/credentials}, or a temporary one) for every principal on both.
     */
    static int run(LocalKafkaSettings exchange, int registryPort, int catalogPort, int connectPort, boolean demo,
                   boolean secure, StopSignal stop, long started) {
        // The eu cluster takes free ports and, with --data-dir, a folder of its own beside it (<data-dir>-eu).
        Path euData = exchange.dataDir() == null ? null
                : exchange.dataDir().resolveSibling(exchange.dataDir().getFileName() + "-" + IsolatedMesh.EU);
        LocalKafkaSettings eu = new LocalKafkaSettings(1, exchange.host(), 0, euData, exchange.brokerConfigs());
        CredentialsHome credentialsHome = secure ? CredentialsHome.of(exchange.dataDir()) : null;
        CredentialStore credentials = credentialsHome == null ? null : credentialsHome.store();
        if (credentials != null) {
            String adminPassword = credentials.ensure(MeshPrincipals.ADMIN).password();
            exchange = exchange.withSecurity(adminPassword);
            eu = eu.withSecurity(adminPassword);
        }
        IsolatedMesh.Settings settings = new IsolatedMesh.Settings(exchange, eu, registryPort, catalogPort,
                Math.max(connectPort, 0), demo, line -> System.out.println("  " + line), credentials);
        try (CredentialsHome home = credentialsHome; IsolatedMesh mesh = IsolatedMesh.start(settings, stop::requested)) {
            System.out.printf("Meshbone is up in %d ms%n", (System.nanoTime() - started) / 1_000_000);
            mesh.lines().forEach(System.out::println);
            if (mesh.credentialsDirectory() != null) {
                System.out.println("secure mode: SASL/SCRAM-SHA-512 and ACLs on every cluster, one principal per part; "
                        + "log in to any cluster with a file of the credentials folder (admin.properties is the super user)");
                System.out.println("credentials: " + mesh.credentialsDirectory());
            }
            System.out.println("Press Ctrl-C to stop.");
            System.out.flush();
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (TimeoutException | RuntimeException e) {
            if (!stop.requested()) {
                System.err.println("meshbone up --isolated: " + e.getMessage());
                return 1;
            }
        }
        System.out.println("Meshbone stopped.");
        return 0;
    }
}
