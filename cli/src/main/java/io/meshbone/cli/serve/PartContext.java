package io.meshbone.cli.serve;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import io.meshbone.platform.health.HealthRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.clients.admin.Admin;

/**
 * What a {@link MeshPart} starts against: the cluster and its client settings, the registry, where to listen and
 * keep state, and where to report meters and health.
 *
 * @param clientConfig Kafka client settings for every client of the part, at least {@code bootstrap.servers}
 * @param registryUrl  the schema registry's URL (null for the registry itself)
 * @param host         the address HTTP listeners bind to and announce
 * @param stateDir     where Kafka Streams apps keep local state
 * @param meters       the registry {@code /metrics} renders
 * @param health       where the part's pieces report their state
 */
public record PartContext(Map<String, Object> clientConfig, String registryUrl, String host, Path stateDir,
                          PrometheusMeterRegistry meters, HealthRegistry health) {

    public PartContext {
        clientConfig = Map.copyOf(clientConfig);
        if (!clientConfig.containsKey("bootstrap.servers")) {
            throw new IllegalArgumentException("clientConfig must contain bootstrap.servers");
        }
    }

    public String bootstrapServers() {
        return clientConfig.get("bootstrap.servers").toString();
    }

    public PartContext withRegistryUrl(String value) {
        return new PartContext(clientConfig, value, host, stateDir, meters, health);
    }

    /** The cluster's broker count now, from which replication factors follow. */
    public int brokers() {
        try (Admin admin = Admin.create(clientConfig)) {
            return admin.describeCluster().nodes().get().size();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot describe the cluster: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while describing the cluster", e);
        }
    }
}
