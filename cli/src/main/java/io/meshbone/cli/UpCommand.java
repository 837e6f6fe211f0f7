package io.meshbone.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.Callable;

import io.meshbone.cli.internal.DataDirModes;
import io.meshbone.cli.serve.StopSignal;
import io.meshbone.localkafka.LocalKafkaSettings;
import io.meshbone.platform.security.CredentialStore;
import io.meshbone.platform.security.MeshPrincipals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code meshbone up}: the whole mesh in this JVM on the embedded Kafka, until Ctrl-C or SIGTERM. */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = "Run the whole mesh in one JVM on an embedded Kafka cluster until Ctrl-C or SIGTERM.")
final class UpCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(UpCommand.class);

    @Option(names = "--brokers", defaultValue = "1",
            description = "Embedded brokers: 1 (combined broker+controller) or 3 (three brokers, one controller). Default: ${DEFAULT-VALUE}.")
    int brokers;

    @Option(names = "--port", defaultValue = "9092",
            description = "First broker's port; further brokers and the controller take the next ports; 0 picks free ports. Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--host", defaultValue = "localhost",
            description = "Host name the brokers listen on and advertise. Default: ${DEFAULT-VALUE}.")
    String host;

    @Option(names = "--data-dir",
            description = "Keep Kafka's data and the Streams apps' state here so a restarted 'up' finds them again. Default: temporary directories removed on exit.")
    Path dataDir;

    @Option(names = "--registry-port", defaultValue = "8081",
            description = "Schema registry port; 0 picks a free port. Default: ${DEFAULT-VALUE}.")
    int registryPort;

    @Option(names = "--catalog-port", defaultValue = "8080",
            description = "Catalog (REST API, web page, /metrics) port; 0 picks a free port. Default: ${DEFAULT-VALUE}.")
    int catalogPort;

    @Option(names = "--connect-port", defaultValue = "8083",
            description = "Kafka Connect REST port; 0 picks a free port, -1 runs no Connect worker. Default: ${DEFAULT-VALUE}.")
    int connectPort;

    @Option(names = "--demo", defaultValue = "true", negatable = true, fallbackValue = "true",
            description = "Publish demo raw events for the example domain apps (--no-demo to turn off). Default: ${DEFAULT-VALUE}.")
    boolean demo;

    @Option(names = "--secure",
            description = "Require authentication and authorization: SASL/SCRAM-SHA-512 with ACLs on Kafka, one principal per "
                    + "service, domain app and team, credentials written to <data-dir>/credentials. Default: open mode, localhost only.")
    boolean secure;

    @Option(names = "--isolated",
            description = "Run the isolated deployment pattern: an 'eu' domain cluster (customers, shipping; their products resident in eu) and the exchange (the other domains), replicated with MirrorMaker 2.")
    boolean isolated;

    /** How long a signal during start-up may take to stop 'up' before the process is ended. */
    static final Duration STOP_DEADLINE = Duration.ofMillis(4500);

    @Override
    public Integer call() {
        // Handling the signals ourselves lets 'up' stop cleanly and exit 0, instead of the JVM's 130/143.
        StopSignal stop = StopSignal.install();

        LocalKafkaSettings settings = new LocalKafkaSettings(brokers, host, port, dataDir, Map.of());
        long started = System.nanoTime();
        if (!secure && !Loopback.is(host)) {
            System.err.println("meshbone up: --host " + host + " would open an unauthenticated mesh to the network; "
                    + "open mode binds localhost only (use --secure, or a loopback host)");
            return 2;
        }
        String modeProblem = DataDirModes.problem("meshbone up", dataDir, secure);
        if (modeProblem != null) {
            System.err.println(modeProblem);
            return 2;
        }
        String conversion = DataDirModes.notice(dataDir, secure);
        if (conversion != null) {
            System.out.println("  kafka      " + conversion);
        }
        if (isolated) {
            return IsolatedUp.run(settings, registryPort, catalogPort, connectPort, demo, secure, stop, started);
        }
        CredentialsHome credentialsHome = secure ? CredentialsHome.of(dataDir) : null;
        CredentialStore credentials = credentialsHome == null ? null : credentialsHome.store();
        if (credentials != null) {
            settings = settings.withSecurity(credentials.ensure(MeshPrincipals.ADMIN).password());
        }
        EmbeddedMesh.Settings mesh = new EmbeddedMesh.Settings(null, settings, registryPort, catalogPort, connectPort, demo,
                line -> System.out.println("  " + line), credentials);
        // Start-up looks at the latch between its steps, so a signal stops 'up' within seconds at any moment; a step
        // that cannot be cut short (the broker's own start) is cut by the watchdog instead.
        AtomicBoolean ready = new AtomicBoolean();
        StartupWatchdog.arm(stop, ready, STOP_DEADLINE);
        try (CredentialsHome home = credentialsHome; EmbeddedMesh up = EmbeddedMesh.start(mesh, stop::requested)) {
            ready.set(true);
            System.out.printf("Meshbone is up in %d ms%n", (System.nanoTime() - started) / 1_000_000);
            System.out.println("bootstrap.servers=" + up.bootstrapServers());
            System.out.println("schema.registry.url=" + up.registryUrl());
            System.out.println("catalog.url=" + up.catalogUrl());
            if (up.connectUrl() != null) {
                System.out.println("connect.url=" + up.connectUrl());
            }
            if (up.credentialsDirectory() != null) {
                System.out.println("secure mode: SASL/SCRAM-SHA-512 and ACLs, one principal per part; "
                        + "log in with a file of the credentials folder (admin.properties is the super user)");
                System.out.println("credentials: " + up.credentialsDirectory());
            } else {
                System.out.println("open mode: no authentication, every listener binds " + host
                        + " only (--secure to require credentials)");
            }
            System.out.println("Press Ctrl-C to stop.");
            System.out.flush();
            stop.await();
            log.info("stopping");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.TimeoutException | RuntimeException e) {
            if (stop.requested()) {
                // Stopped during start-up: what failed was the interrupted start, not the mesh.
                System.out.println("Meshbone stopped.");
                return 0;
            }
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            System.err.println("meshbone up: " + e.getMessage());
            return 1;
        }
        System.out.println("Meshbone stopped.");
        return 0;
    }
}
