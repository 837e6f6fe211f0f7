package io.meshbone.cli;

import java.nio.file.Path;
import java.util.concurrent.TimeoutException;

import io.meshbone.cli.serve.StopSignal;
import io.meshbone.localkafka.LocalKafkaSettings;

/** {@code meshbone up --isolated}: runs an {@link IsolatedMesh} until the latch is released, printing its addresses. */
final class IsolatedUp {

    private IsolatedUp() {
    }

    static int run(LocalKafkaSettings exchange, int registryPort, int catalogPort, int connectPort, boolean demo,
                   StopSignal stop, long started) {
        // The eu cluster takes free ports and, with --data-dir, a folder of its own beside it (<data-dir>-eu).
        Path euData = exchange.dataDir() == null ? null
                : exchange.dataDir().resolveSibling(exchange.dataDir().getFileName() + "-" + IsolatedMesh.EU);
        LocalKafkaSettings eu = new LocalKafkaSettings(1, exchange.host(), 0, euData, exchange.brokerConfigs());
        IsolatedMesh.Settings settings = new IsolatedMesh.Settings(exchange, eu, registryPort, catalogPort,
                Math.max(connectPort, 0), demo, line -> System.out.println("  " + line));
        try (IsolatedMesh mesh = IsolatedMesh.start(settings, stop::requested)) {
            System.out.printf("Meshbone is up in %d ms%n", (System.nanoTime() - started) / 1_000_000);
            mesh.lines().forEach(System.out::println);
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
