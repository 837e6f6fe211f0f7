package io.meshbone.registry.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.meshbone.localkafka.LocalKafka;
import io.meshbone.platform.contract.Compatibility;
import io.meshbone.platform.registry.CompatibilityResult;
import io.meshbone.platform.registry.SchemaRegistryClient;
import io.meshbone.platform.registry.SchemaRegistryClientSettings;
import io.meshbone.registry.SchemaRegistryServer;
import io.meshbone.registry.SchemaRegistrySettings;
import io.meshbone.registry.internal.CompatibilityChecker;
import org.apache.avro.Schema;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Time to check a new version against 1,000 earlier versions under BACKWARD_TRANSITIVE: once in
 * process with Avro's checker, and once end to end through a real registry's HTTP API.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CompatibilityBenchmark {

    private static final int VERSIONS = 1_000;
    private static final String SUBJECT = "bench.evolving-value";

    private LocalKafka kafka;
    private SchemaRegistryServer registry;
    private SchemaRegistryClient client;
    private List<CompatibilityChecker.Previous> previous;
    private Schema candidate;
    private String candidateText;

    /** Version {@code n}: ten fixed fields plus one optional field that version added. */
    static String version(int n) {
        StringBuilder fields = new StringBuilder();
        for (int f = 0; f < 10; f++) {
            fields.append("{\"name\":\"base").append(f).append("\",\"type\":\"string\"},");
        }
        fields.append("{\"name\":\"added").append(n).append("\",\"type\":\"long\",\"default\":0}");
        return "{\"type\":\"record\",\"name\":\"Evolving\",\"namespace\":\"bench\",\"fields\":[" + fields + "]}";
    }

    @Setup(Level.Trial)
    public void start() {
        previous = new ArrayList<>();
        for (int n = 1; n <= VERSIONS; n++) {
            previous.add(new CompatibilityChecker.Previous(n, new Schema.Parser().parse(version(n))));
        }
        candidateText = version(VERSIONS + 1);
        candidate = new Schema.Parser().parse(candidateText);

        kafka = LocalKafka.startSingleNode();
        registry = SchemaRegistryServer.start(SchemaRegistrySettings.defaults(kafka.bootstrapServers())
                .withHost("127.0.0.1").withPort(0));
        client = new SchemaRegistryClient(SchemaRegistryClientSettings.of(registry.url().toString()));
        // Registering 1,000 versions under a transitive level would itself be quadratic: load them under NONE.
        client.setCompatibility(SUBJECT, "NONE");
        for (int n = 1; n <= VERSIONS; n++) {
            client.register(SUBJECT, version(n));
        }
        client.setCompatibility(SUBJECT, "BACKWARD_TRANSITIVE");
        CompatibilityResult warm = client.testCompatibility(SUBJECT, candidateText);
        if (!warm.compatible()) {
            throw new IllegalStateException("Benchmark candidate should be compatible: " + warm.messages());
        }
    }

    @TearDown(Level.Trial)
    public void stop() {
        registry.close();
        kafka.close();
    }

    @Benchmark
    public List<String> inProcessAgainst1000Versions() {
        return CompatibilityChecker.check(Compatibility.BACKWARD_TRANSITIVE, candidate, previous);
    }

    @Benchmark
    public CompatibilityResult overHttpAgainst1000Versions() {
        return client.testCompatibility(SUBJECT, candidateText);
    }
}
