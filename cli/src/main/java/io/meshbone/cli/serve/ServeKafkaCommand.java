package io.meshbone.cli.serve;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import io.meshbone.cli.internal.DataDirModes;
import io.meshbone.cli.internal.SecureParts;
import io.meshbone.localkafka.LocalKafka;
import io.meshbone.localkafka.LocalKafkaSettings;
import io.meshbone.platform.security.CredentialStore;
import io.meshbone.platform.security.MeshPrincipals;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code meshbone serve kafka}: the embedded Kafka cluster as a process of its own, for development and tests. */
@Command(name = "kafka", mixinStandardHelpOptions = true, defaultValueProvider = ServeDefaults.class,
        description = {"Run the embedded Kafka cluster (KRaft, 1 or 3 brokers) as its own process until SIGTERM.",
                "With 3 brokers, lines 'stop-broker N' and 'start-broker N' (N = 1..3) on standard input stop and restart one broker."})
final class ServeKafkaCommand implements Callable<Integer> {

    @Option(names = "--brokers", defaultValue = "1",
            description = "Brokers: 1 (combined broker+controller) or 3 (three brokers, one controller). Default: ${DEFAULT-VALUE}.")
    int brokers;

    @Option(names = "--host", defaultValue = "localhost",
            description = "Host name the brokers listen on and advertise. Default: ${DEFAULT-VALUE}.")
    String host;

    @Option(names = "--port", defaultValue = "9092",
            description = "First broker's port; further brokers and the controller take the next ports; 0 picks free ports. Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Keep Kafka's data here so a restart finds it. Default: a temporary directory removed on exit.")
    Path dataDir;

    @Option(names = "--secure",
            description = "SASL/SCRAM-SHA-512 with ACLs: writes every principal's credentials to <data-dir>/credentials "
                    + "(needs --data-dir), registers them and grants the mesh services' ACLs.")
    boolean secure;

    @Override
    public Integer call() throws InterruptedException {
        if (secure && dataDir == null) {
            System.err.println("meshbone serve kafka: --secure needs --data-dir, where the credentials are written");
            return 2;
        }
        String modeProblem = DataDirModes.problem("meshbone serve kafka", dataDir, secure);
        if (modeProblem != null) {
            System.err.println(modeProblem);
            return 2;
        }
        StopSignal stop = StopSignal.install();
        long started = System.nanoTime();
        LocalKafkaSettings settings = new LocalKafkaSettings(brokers, host, port, dataDir, Map.of());
        CredentialStore credentials = secure ? CredentialStore.in(dataDir) : null;
        if (credentials != null) {
            settings = settings.withSecurity(credentials.ensure(MeshPrincipals.ADMIN).password());
        }
        try (LocalKafka kafka = new KafkaPart(settings).start()) {
            System.out.println("bootstrap.servers=" + kafka.bootstrapServers());
            if (credentials != null) {
                SecureParts.prepare(credentials, kafka.adminClientConfig());
                System.out.println("credentials: " + credentials.directory());
            }
            System.out.printf("meshbone serve kafka is up in %d ms (%d broker%s)%n", (System.nanoTime() - started) / 1_000_000,
                    kafka.brokerCount(), kafka.brokerCount() == 1 ? "" : "s");
            System.out.flush();
            BrokerControl.follow(kafka, System.in, System.out, System.err);
            stop.await();
        }
        System.out.println("meshbone serve kafka stopped.");
        return 0;
    }
}
