package io.meshbone.connect.replication;

import java.util.HashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.meshbone.platform.control.MeshTopics;
import io.meshbone.platform.lineage.LineageEmitter;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports a route's copying to the target cluster's {@code _mesh.lineage} as the OpenLineage job
 * {@code mirror:<source>-><target>}: each copied topic an input on the source and an output on the target.
 *
 * <p>Written where the connector runs, so each cluster's lineage tells how its copies got there; a catalog reading
 * every cluster's lineage shows the hop between clusters.
 */
final class MirrorLineage implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MirrorLineage.class);
    /** The OpenLineage job type of a MirrorMaker 2 route. */
    static final String JOB_TYPE = "MIRROR";

    private final ReplicationSettings settings;
    private volatile LineageEmitter emitter;

    MirrorLineage(ReplicationSettings settings) {
        this.settings = settings;
    }

    /** The job name of a route: {@code mirror:eu->exchange}. */
    static String jobName(ReplicationRoute route) {
        return "mirror:" + route.source() + "->" + route.target();
    }

    /** Reports the topics the route copies now (none once the connector is deleted); unchanged sets send nothing. */
    void report(SortedSet<String> topics) {
        if (emitter == null && topics.isEmpty()) {
            return;
        }
        try {
            if (emitter == null) {
                Map<String, Object> target = config(settings.targetBootstrapServers());
                String targetId = lineageClusterId(target);
                if (targetId == null) {
                    log.info("Replication {}: no {} on the target, so no lineage for the copy", settings.route(),
                            MeshTopics.LINEAGE);
                    return;
                }
                // A send waits for the topic's metadata: never hold the replication loop for long on lineage.
                target.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
                emitter = LineageEmitter.forCopy(target, targetId,
                        clusterId(config(settings.sourceBootstrapServers())), jobName(settings.route()), JOB_TYPE);
            }
            emitter.report(topics, topics);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            // Lineage describes the copy; failing to write it must not stop the copy itself. Retried on the next change.
            log.warn("could not report the lineage of {}: {}", settings.route(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Map<String, Object> config(String bootstrapServers) {
        return new HashMap<>(settings.clientConfig(bootstrapServers));
    }

    /** The cluster's id when it has a {@code _mesh.lineage} topic (a gate runs there), else null. */
    private static String lineageClusterId(Map<String, Object> config)
            throws ExecutionException, InterruptedException, TimeoutException {
        try (Admin admin = Admin.create(config)) {
            if (!admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(MeshTopics.LINEAGE)) {
                return null;
            }
            return admin.describeCluster().clusterId().get(30, TimeUnit.SECONDS);
        }
    }

    private static String clusterId(Map<String, Object> config) throws ExecutionException, InterruptedException, TimeoutException {
        try (Admin admin = Admin.create(config)) {
            return admin.describeCluster().clusterId().get(30, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() {
        if (emitter != null) {
            emitter.close();
        }
    }
}
