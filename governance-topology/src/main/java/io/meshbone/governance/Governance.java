package io.meshbone.governance;

import static org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
import static org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;

import io.meshbone.governance.internal.GateLineage;
import io.meshbone.governance.internal.RegistryContracts;
import io.meshbone.governance.internal.OtherClusters;
import io.meshbone.governance.internal.PatientSchemaLookup;
import io.meshbone.governance.internal.RegistrySchemaLookup;
import io.meshbone.platform.health.HealthRegistry;
import io.meshbone.platform.health.PartReporter;
import io.meshbone.platform.health.StreamThreadSupervisor;
import io.meshbone.governance.internal.SchemaLookup;
import io.meshbone.platform.lifecycle.Closeables;
import io.meshbone.platform.lineage.LineageEmitter;
import io.meshbone.platform.control.MeshTopicPlans;
import io.meshbone.platform.policy.ClusterFacts;
import io.meshbone.platform.provisioning.TopicReconciler;
import io.meshbone.platform.registry.SchemaRegistryClient;
import io.meshbone.platform.registry.SchemaRegistryClientSettings;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The governance services together: the contract gate, the record gate and the provisioner.
 *
 * <p>Starting them first makes sure the mesh's internal topics exist, so each service can rely on them.
 */
public final class Governance implements AutoCloseable {

    /** Every governance service by the name it reports its health under. */
    public static final Set<String> SERVICES = Set.of(ContractGate.PART, RecordGate.PART, Provisioner.PART);

    private final List<KafkaStreams> streams = new ArrayList<>();
    private final List<StreamThreadSupervisor> supervisors = new ArrayList<>();
    private Provisioner provisioner;
    private LineageEmitter lineage;
    private RegistryContracts contracts;
    private GateLineage gateLineage;

    private Governance() {
    }

    public static Governance start(GovernanceSettings settings) {
        return start(settings, new HealthRegistry());
    }

    /** Starts the services, each reporting its health to {@code health}: {@code contract-gate}, {@code record-gate}, {@code provisioner}. */
    public static Governance start(GovernanceSettings settings, HealthRegistry health) {
        return start(settings, health, SERVICES);
    }

    /**
     * Starts only the named {@link #SERVICES}, so each can run in processes of its own (several instances of a gate
     * share its partitions through Kafka Streams).
     */
    public static Governance start(GovernanceSettings settings, HealthRegistry health, Set<String> services) {
        if (services.isEmpty() || !SERVICES.containsAll(services)) {
            throw new IllegalArgumentException("governance services: expected some of " + new TreeSet<>(SERVICES) + ", got " + services);
        }
        Governance governance = new Governance();
        try {
            governance.startAll(settings, health, services);
            return governance;
        } catch (RuntimeException e) {
            governance.close();
            throw e;
        }
    }

    private void startAll(GovernanceSettings settings, HealthRegistry health, Set<String> services) {
        Cluster cluster = prepareInternalTopics(settings);
        String clusterId = cluster.id();
        SchemaRegistryClient registry = new SchemaRegistryClient(
                SchemaRegistryClientSettings.of(settings.registryUrl(), settings.clientConfig()));
        String stateDir = settings.stateDir().toString();

        if (services.contains(Provisioner.PART)) {
            provisioner = new Provisioner(settings.clientConfig(), settings.resync(), health.part(Provisioner.PART),
                    settings.provisionAcls(), settings.extraAcls(), settings.maxReplication()).start();
        }
        if (services.contains(ContractGate.PART)) {
            contracts = new RegistryContracts(registry);
            streams.add(start(ContractGate.topology(contracts, new ClusterFacts(cluster.brokers()),
                            settings.clusters(), OtherClusters.of(settings.clusters(), settings.clientConfig())),
                    withClientConfig(ContractGate.streamsConfig(settings.bootstrapServers(), stateDir), settings),
                    health.part(ContractGate.PART)));
        }
        if (services.contains(RecordGate.PART)) {
            lineage = new LineageEmitter(settings.clientConfig(), clusterId, RecordGate.JOB_NAME, "RECORD_GATE");
            SchemaLookup schemas = PatientSchemaLookup.standard(new RegistrySchemaLookup(registry));
            gateLineage = new GateLineage(lineage);
            streams.add(start(RecordGate.topology(schemas, settings.meters(), gateLineage),
                    withClientConfig(RecordGate.streamsConfig(settings.bootstrapServers(), stateDir), settings),
                    health.part(RecordGate.PART)));
        }
    }

    private record Cluster(String id, int brokers) {
    }

    private static Cluster prepareInternalTopics(GovernanceSettings settings) {
        try (Admin admin = Admin.create(settings.clientConfig())) {
            DescribeClusterResult cluster = admin.describeCluster();
            int brokers = cluster.nodes().get().size();
            new TopicReconciler(admin).reconcile(MeshTopicPlans.internal(brokers));
            return new Cluster(cluster.clusterId().get(), brokers);
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

    private KafkaStreams start(org.apache.kafka.streams.Topology topology, Properties config, PartReporter health) {
        KafkaStreams app = new KafkaStreams(topology, config);
        StreamThreadSupervisor supervisor = new StreamThreadSupervisor(health);
        supervisors.add(supervisor);
        app.setUncaughtExceptionHandler(e -> supervisor.replaceThread(e) ? REPLACE_THREAD : SHUTDOWN_CLIENT);
        app.setStateListener((now, before) -> supervisor.stateChanged(now.name()));
        app.start();
        return app;
    }

    /** True once every Streams app is running (has its tasks assigned). */
    public boolean running() {
        return (!streams.isEmpty() || provisioner != null) && streams.stream().allMatch(app -> app.state() == KafkaStreams.State.RUNNING);
    }

    public Provisioner provisioner() {
        return provisioner;
    }

    @Override
    public void close() {
        supervisors.forEach(StreamThreadSupervisor::close);
        Closeables.closeTogether("governance app", streams.stream().<AutoCloseable>map(app -> () -> app.close(Duration.ofSeconds(30))).toList());
        if (provisioner != null) {
            provisioner.close();
        }
        if (gateLineage != null) {
            gateLineage.close();
        }
        if (lineage != null) {
            lineage.close();
        }
        if (contracts != null) {
            contracts.close();
        }
    }
}
