package io.meshbone.platform.lineage;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import io.meshbone.platform.control.MeshTopics;
import io.openlineage.client.OpenLineage;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a streaming job's OpenLineage run events to {@code _mesh.lineage}, keyed by job name.
 *
 * <p>A job reports its inputs and outputs whenever they change (a product listed, a topic added):
 * the first event of a run is {@code START}, later ones {@code RUNNING}, and {@link #close()}
 * sends {@code COMPLETE}. Repeating an unchanged set sends nothing.
 */
public final class LineageEmitter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LineageEmitter.class);

    private final LineageEvents events;
    private final String jobName;
    private final String jobType;
    private final KafkaProducer<String, String> producer;
    private final String copiedFromClusterId;
    private final UUID runId = UUID.randomUUID();
    private Set<String> lastInputs;
    private Set<String> lastOutputs;

    public LineageEmitter(Map<String, Object> clientConfig, String clusterId, String jobName, String jobType) {
        this(clientConfig, clusterId, jobName, jobType, null);
    }

    /**
     * An emitter for a job copying topics from the cluster {@code sourceClusterId} to the one {@code clientConfig}
     * names (id {@code clusterId}) under the same names: {@link #report} takes the copied topics as both inputs and
     * outputs, and each event has them as inputs in the source's namespace ({@link LineageEvents#copyEvent}).
     */
    public static LineageEmitter forCopy(Map<String, Object> clientConfig, String clusterId, String sourceClusterId,
                                         String jobName, String jobType) {
        return new LineageEmitter(clientConfig, clusterId, jobName, jobType, sourceClusterId);
    }

    private LineageEmitter(Map<String, Object> clientConfig, String clusterId, String jobName, String jobType,
                           String copiedFromClusterId) {
        this.copiedFromClusterId = copiedFromClusterId;
        this.events = new LineageEvents(clusterId);
        this.jobName = jobName;
        this.jobType = jobType;
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, jobName + "-lineage");
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    /** Reports the job's current inputs and outputs, if they changed since the last report. */
    public synchronized void report(Collection<String> inputTopics, Collection<String> outputTopics) {
        Set<String> inputs = new TreeSet<>(inputTopics);
        Set<String> outputs = new TreeSet<>(outputTopics);
        if (inputs.equals(lastInputs) && outputs.equals(lastOutputs)) {
            return;
        }
        OpenLineage.RunEvent.EventType type = lastInputs == null
                ? OpenLineage.RunEvent.EventType.START : OpenLineage.RunEvent.EventType.RUNNING;
        send(event(type, inputs, outputs));
        lastInputs = inputs;
        lastOutputs = outputs;
    }

    private OpenLineage.RunEvent event(OpenLineage.RunEvent.EventType type, Set<String> inputs, Set<String> outputs) {
        return copiedFromClusterId == null ? events.runEvent(runId, type, jobName, jobType, inputs, outputs)
                : events.copyEvent(runId, type, jobName, jobType, copiedFromClusterId, outputs);
    }

    private void send(OpenLineage.RunEvent event) {
        producer.send(new ProducerRecord<>(MeshTopics.LINEAGE, jobName, LineageEvents.toJson(event)), (metadata, error) -> {
            if (error != null) {
                log.warn("could not publish lineage of {} to {}: {}", jobName, MeshTopics.LINEAGE, error.getMessage());
            }
        });
    }

    /** Sends {@code COMPLETE} for the run, then closes the producer. */
    @Override
    public synchronized void close() {
        if (lastInputs != null) {
            send(event(OpenLineage.RunEvent.EventType.COMPLETE, lastInputs, lastOutputs));
        }
        producer.close();
    }
}
