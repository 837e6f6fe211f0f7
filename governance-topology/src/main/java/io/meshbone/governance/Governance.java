package io.meshbone.governance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;

import io.meshbone.governance.internal.RegistryContracts;
import io.meshbone.governance.internal.PatientSchemaLookup;
import io.meshbone.governance.internal.RegistrySchemaLookup;
import io.meshbone.governance.internal.SchemaLookup;
import io.meshbone.platform.lifecycle.Closeables;
import io.meshbone.platform.lineage.LineageEmitter;
import io.meshbone.platform.control.MeshTopicPlans;
import io.meshbone.platform.provisioning.TopicReconciler;
import io.meshbone.platform.registry.SchemaRegistryClient;
import io.meshbone.platform.registry.SchemaRegistryClientSettings;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The governance services together: the contract gate, the record gate and the provisioner.
 *
 * <p>Starting them first makes sure the mesh's internal topics exist, so each service can rely on them.
 */
public final class Governance implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Governance.class);

    private final List<KafkaStreams> streams = new ArrayList<>();
    private Provisioner provisioner;
    private LineageEmitter lineage;

    private Governance() {
    }

    public static Governance start(GovernanceSettings settings) {
        Governance governance = new Governance();
        try {
            governance.startAll(settings);
            return governance;
        } catch (RuntimeException e) {
            governance.close();
            throw e;
        }
    }

    private void startAll(GovernanceSettings settings) {
        String clusterId = prepareInternalTopics(settings);
        SchemaRegistryClient registry = new SchemaRegistryClient(SchemaRegistryClientSettings.of(settings.registryUrl()));
        String stateDir = settings.stateDir().toString();

        provisioner = new Provisioner(settings.clientConfig(), settings.resync()).start();
        streams.add(start(ContractGate.topology(new RegistryContracts(registry)),
                withClientConfig(ContractGate.streamsConfig(settings.bootstrapServers(), stateDir), settings)));
        lineage = new LineageEmitter(settings.clientConfig(), clusterId, RecordGate.JOB_NAME, "RECORD_GATE");
        SchemaLookup schemas = PatientSchemaLookup.standard(new RegistrySchemaLookup(registry));
        streams.add(start(RecordGate.topology(schemas, settings.meters(), RecordGate.lineageReporter(lineage)),
                withClientConfig(RecordGate.streamsConfig(settings.bootstrapServers(), stateDir), settings)));
    }

    private static String prepareInternalTopics(GovernanceSettings settings) {
        try (Admin admin = Admin.create(settings.clientConfig())) {
            DescribeClusterResult cluster = admin.describeCluster();
            int brokers = cluster.nodes().get().size();
            new TopicReconciler(admin).reconcile(MeshTopicPlans.internal(brokers));
            return cluster.clusterId().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot reach Kafka at " + settings.bootstrapServers() + ": " + e.getCause().getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while preparing the mesh's topics", e);
        }
    }

    private static Properties withClientConfig(Properties streamsConfig, GovernanceSettings settings) {
        Properties merged = new Properties();
        settings.clientConfig().forEach(merged::put);
        merged.putAll(streamsConfig);
        return merged;
    }

    private static KafkaStreams start(org.apache.kafka.streams.Topology topology, Properties config) {
        KafkaStreams app = new KafkaStreams(topology, config);
        app.setUncaughtExceptionHandler(e -> {
            log.error("{} failed; replacing its stream thread: {}", config.get("application.id"), e.getMessage(), e);
            return org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        app.start();
        return app;
    }

    /** True once every Streams app is running (has its tasks assigned). */
    public boolean running() {
        return !streams.isEmpty() && streams.stream().allMatch(app -> app.state() == KafkaStreams.State.RUNNING);
    }

    public Provisioner provisioner() {
        return provisioner;
    }

    @Override
    public void close() {
        Closeables.closeTogether("governance app", streams.stream().<AutoCloseable>map(app -> () -> app.close(Duration.ofSeconds(30))).toList());
        if (provisioner != null) {
            provisioner.close();
        }
        if (lineage != null) {
            lineage.close();
        }
    }
}
