package io.meshbone.cli.check;

import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.JsonNode;
import io.meshbone.platform.policy.ClusterFacts;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * How many brokers policies and topic plans see: as given, else asked of the cluster a catalog's products live on,
 * else one (a check offline knows no cluster).
 */
public final class ClusterSize {

    private static final int TIMEOUT_MS = 5_000;

    private ClusterSize() {
    }

    /**
     * @param brokers  the broker count given on the command line, or null
     * @param against  what is listed, or null
     * @param signIn   how to sign in to the catalog and log in to its cluster
     * @param err      where to say that the cluster could not be asked
     */
    public static ClusterFacts of(Integer brokers, String against, SignIn signIn, PrintWriter err) {
        if (brokers != null) {
            return new ClusterFacts(brokers);
        }
        if (against == null || !Baselines.isCatalog(against)) {
            return new ClusterFacts(1);
        }
        Optional<JsonNode> address = CatalogGet.address(against, signIn);
        if (address.isEmpty()) {
            return new ClusterFacts(1);
        }
        String bootstrap = address.get().path("bootstrapServers").asText("");
        Map<String, Object> config = new HashMap<>(signIn.kafkaSettings());
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
        try (Admin admin = Admin.create(config)) {
            return new ClusterFacts(admin.describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MS))
                    .nodes().get(TIMEOUT_MS, TimeUnit.MILLISECONDS).size());
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            err.printf("note: cannot ask the cluster at %s how many brokers it has (%s); assuming 1, pass --brokers N to say%n",
                    bootstrap, e.getMessage());
            err.flush();
            return new ClusterFacts(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking the cluster at " + bootstrap + " for its brokers", e);
        }
    }
}
