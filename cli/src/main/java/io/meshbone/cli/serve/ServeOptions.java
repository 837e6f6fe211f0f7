package io.meshbone.cli.serve;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The options every {@code serve} part but {@code kafka} takes: the cluster, the settings file and the listeners. */
final class ServeOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--bootstrap-server", defaultValue = "localhost:9092", paramLabel = "HOST:PORT[,...]",
            description = "Kafka bootstrap servers. Default: ${DEFAULT-VALUE}.")
    String bootstrapServer;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Properties file of settings (keys as flags without '--', Kafka client settings as kafka.<property>); "
                    + "flags and MESHBONE_* variables win over it. Default: $MESHBONE_CONFIG, else none.")
    Path config;

    @Option(names = "--management-port", paramLabel = "N",
            description = "Port of /metrics, /health/live and /health/ready; 0 picks a free port. "
                    + "Default: catalog 7080, registry 7081, connect 7083, governance 7090, domains 7091, demo 7092.")
    Integer managementPort;

    @Option(names = "--host", defaultValue = "localhost",
            description = "Address the HTTP listeners bind to and announce (0.0.0.0 for every interface). Default: ${DEFAULT-VALUE}.")
    String host;

    /** Kafka client settings for every client of the part: the pass-through settings plus {@code bootstrap.servers}. */
    Map<String, Object> clientConfig() {
        Map<String, String> environment = spec.defaultValueProvider() instanceof ServeDefaults defaults
                ? defaults.environment() : System.getenv();
        Properties file = config == null ? new Properties() : ServeEnvironment.load(config);
        Map<String, Object> settings = new HashMap<>(ServeEnvironment.kafkaClientSettings(environment, file));
        settings.put("bootstrap.servers", bootstrapServer);
        return settings;
    }

    int managementPort(int partDefault) {
        return managementPort == null ? partDefault : managementPort;
    }
}
