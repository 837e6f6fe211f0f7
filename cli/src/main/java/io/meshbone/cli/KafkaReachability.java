package io.meshbone.cli;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.errors.SaslAuthenticationException;

/**
 * Asks a Kafka cluster for its id before a verb does anything else, so a wrong {@code --bootstrap-server} fails
 * within seconds with the address in one line instead of a client's 30 s metadata timeout.
 */
public final class KafkaReachability {

    public static final Duration WITHIN = Duration.ofSeconds(10);

    private KafkaReachability() {
    }

    /** Returns when the cluster at {@code bootstrapServers} answered within {@link #WITHIN}; throws naming the address otherwise. */
    public static void require(String bootstrapServers, Map<String, Object> clientConfig) {
        int millis = (int) WITHIN.toMillis();
        Map<String, Object> config = new java.util.HashMap<>(clientConfig);
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "meshbone-cli-reachability");
        try (QuietProbeLogs quiet = QuietProbeLogs.quiet()) {
            probe(bootstrapServers, config, millis);
        }
    }

    private static void probe(String bootstrapServers, Map<String, Object> config, int millis) {
        Admin admin;
        try {
            admin = Admin.create(config);
        } catch (org.apache.kafka.common.KafkaException e) {
            // An address the client cannot even parse or resolve fails here, before any request.
            throw unreachable(bootstrapServers, e);
        }
        try {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs(millis)).clusterId().get(millis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw unreachable(bootstrapServers, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reaching Kafka at " + bootstrapServers, e);
        } finally {
            admin.close(Duration.ZERO);
        }
    }

    private static IllegalStateException unreachable(String bootstrapServers, Exception cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof SaslAuthenticationException refused) {
                // The broker's message names the mechanism, never the password.
                return new IllegalStateException("Kafka at " + bootstrapServers + " refused the credentials: "
                        + refused.getMessage() + " (check the --credentials file)", cause);
            }
        }
        return new IllegalStateException("cannot reach Kafka at " + bootstrapServers + " within " + WITHIN.toSeconds()
                + "s (bootstrap.servers)", cause);
    }
}
