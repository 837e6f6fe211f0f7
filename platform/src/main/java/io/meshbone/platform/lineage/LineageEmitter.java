package io.meshbone.platform.lineage;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
    /** What each part ({@link LineageParts}; part 1 is the job itself) last reported, by part. */
    private final Map<Integer, Reported> parts = new TreeMap<>();

    /** A part's run and the inputs and outputs it last reported. */
    private record Reported(UUID runId, Set<String> inputs, Set<String> outputs) {
    }

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
    public void report(Collection<String> inputTopics, Collection<String> outputTopics) {
        report(1, inputTopics, outputTopics);
    }

    /**
     * Reports part {@code part} of the job's inputs and outputs, if they changed since that part's last report: part 1
     * is the job itself, a later part its own job {@code <job>.part-<n>} (keyed so) whose events name the job as their
     * {@code parent} run. For a job whose topics would outgrow one record of {@code _mesh.lineage}.
     */
    public synchronized void report(int part, Collection<String> inputTopics, Collection<String> outputTopics) {
        if (copiedFromClusterId != null && part != 1) {
            throw new IllegalArgumentException("a copy's lineage has one part");
        }
        Set<String> inputs = new TreeSet<>(inputTopics);
        Set<String> outputs = new TreeSet<>(outputTopics);
        Reported last = parts.get(part);
        if (last != null && inputs.equals(last.inputs()) && outputs.equals(last.outputs())) {
            return;
        }
        OpenLineage.RunEvent.EventType type = last == null
                ? OpenLineage.RunEvent.EventType.START : OpenLineage.RunEvent.EventType.RUNNING;
        Reported now = new Reported(last != null ? last.runId() : part == 1 ? runId : UUID.randomUUID(), inputs, outputs);
        send(part, event(part, type, now));
        parts.put(part, now);
    }

    private OpenLineage.RunEvent event(int part, OpenLineage.RunEvent.EventType type, Reported reported) {
        if (copiedFromClusterId != null) {
            return events.copyEvent(runId, type, jobName, jobType, copiedFromClusterId, reported.outputs());
        }
        return part == 1 ? events.runEvent(runId, type, jobName, jobType, reported.inputs(), reported.outputs())
                : events.partEvent(reported.runId(), runId, type, LineageParts.name(jobName, part), jobName, jobType,
                reported.inputs(), reported.outputs());
    }

    private void send(int part, OpenLineage.RunEvent event) {
        String key = LineageParts.name(jobName, part);
        producer.send(new ProducerRecord<>(MeshTopics.LINEAGE, key, LineageEvents.toJson(event)), (metadata, error) -> {
            if (error != null) {
                log.warn("could not publish lineage of {} to {}: {}", key, MeshTopics.LINEAGE, error.getMessage());
            }
        });
    }

    /** Sends {@code COMPLETE} for the run of every part reported, then closes the producer. */
    @Override
    public synchronized void close() {
        parts.forEach((part, reported) -> send(part, event(part, OpenLineage.RunEvent.EventType.COMPLETE, reported)));
        producer.close();
    }
}
