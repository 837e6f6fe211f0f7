package io.meshbone.localkafka.testing;

import io.meshbone.localkafka.KafkaCluster;
import io.meshbone.localkafka.LocalKafka;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that shares one Kafka cluster across every test class of a JVM.
 *
 * <p>Tests take a {@link KafkaCluster} parameter and isolate themselves with
 * {@link TestTopics#unique(String)}. The cluster is {@link LocalKafka} unless the system
 * property {@code meshbone.kafka.cluster=testcontainers} asks for a container (Maven profile
 * {@code testcontainers}, which needs a Docker engine).
 */
public final class SharedKafka implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedKafka.class);

    private static KafkaCluster current;
    private static int holders;

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == KafkaCluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return cluster(context);
    }

    /** The JVM's shared cluster, started on first use and stopped when the test run ends. */
    public static KafkaCluster cluster(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(ClusterResource.class, key -> new ClusterResource(acquire()), ClusterResource.class)
                .cluster();
    }

    /**
     * The JVM's shared cluster for tests outside JUnit Jupiter (jqwik properties have no Jupiter extensions): started
     * if no one holds it, to be given back with {@link #release()}, after which the last holder stops it.
     */
    public static synchronized KafkaCluster acquire() {
        if (holders++ == 0) {
            current = startCluster();
        }
        return current;
    }

    /** Gives back what {@link #acquire()} handed out; the last holder stops the cluster. */
    public static synchronized void release() {
        if (holders == 0) {
            throw new IllegalStateException("SharedKafka.release() without acquire()");
        }
        if (--holders == 0) {
            KafkaCluster cluster = current;
            current = null;
            cluster.close();
        }
    }

    private static KafkaCluster startCluster() {
        String kind = System.getProperty("meshbone.kafka.cluster", "local");
        return switch (kind) {
            case "local" -> LocalKafka.startSingleNode();
            case "testcontainers" -> TestcontainersKafka.start();
            default -> throw new IllegalArgumentException(
                    "meshbone.kafka.cluster: expected 'local' or 'testcontainers', got '" + kind + "'");
        };
    }

    private record ClusterResource(KafkaCluster cluster) implements AutoCloseable {
        @Override
        public void close() {
            release();
        }
    }
}
