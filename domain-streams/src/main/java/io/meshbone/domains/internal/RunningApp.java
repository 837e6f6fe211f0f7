package io.meshbone.domains.internal;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import io.meshbone.platform.health.PartReporter;
import io.meshbone.platform.health.StreamThreadSupervisor;
import io.meshbone.platform.lineage.LineageEmitter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A started domain app: its Kafka Streams instance, metrics binder and lineage emitter. */
public final class RunningApp implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RunningApp.class);

    private final KafkaStreams streams;
    private final StreamThreadSupervisor supervisor;
    private final KafkaStreamsMetrics metrics;
    private final LineageEmitter lineage;

    private RunningApp(KafkaStreams streams, StreamThreadSupervisor supervisor, KafkaStreamsMetrics metrics,
                       LineageEmitter lineage) {
        this.streams = streams;
        this.supervisor = supervisor;
        this.metrics = metrics;
        this.lineage = lineage;
    }

    /**
     * Starts the app; a failed stream thread is replaced after a backoff, a bounded number of times
     * ({@link StreamThreadSupervisor}), and the app's state is reported to {@code health}.
     */
    public static RunningApp start(String applicationId, Topology topology, Properties streamsConfig,
                                   Map<String, Object> clientConfig, String clusterId, MeterRegistry meters,
                                   PartReporter health) {
        KafkaStreams streams = new KafkaStreams(topology, streamsConfig);
        StreamThreadSupervisor supervisor = new StreamThreadSupervisor(health);
        streams.setUncaughtExceptionHandler(e -> supervisor.replaceThread(e)
                ? StreamThreadExceptionResponse.REPLACE_THREAD : StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
        streams.setStateListener((now, before) -> supervisor.stateChanged(now.name()));
        KafkaStreamsMetrics metrics = new KafkaStreamsMetrics(streams, Tags.of("domain.app", applicationId));
        metrics.bindTo(meters);
        LineageEmitter lineage = new LineageEmitter(clientConfig, clusterId, applicationId, "DOMAIN_STREAM");
        streams.start();
        lineage.report(topics(topology, true), topics(topology, false));
        log.info("started domain app {}", applicationId);
        return new RunningApp(streams, supervisor, metrics, lineage);
    }

    /** The topology's external source ({@code sources}) or sink topics; repartition topics are the app's own. */
    static Set<String> topics(Topology topology, boolean sources) {
        Set<String> topics = new TreeSet<>();
        for (TopologyDescription.Subtopology subtopology : topology.describe().subtopologies()) {
            for (TopologyDescription.Node node : subtopology.nodes()) {
                if (sources && node instanceof TopologyDescription.Source source && source.topicSet() != null) {
                    topics.addAll(source.topicSet());
                } else if (!sources && node instanceof TopologyDescription.Sink sink && sink.topic() != null) {
                    topics.add(sink.topic());
                }
            }
        }
        topics.removeIf(topic -> topic.endsWith("-repartition"));
        return topics;
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    @Override
    public void close() {
        supervisor.close();
        streams.close(Duration.ofSeconds(30));
        metrics.close();
        lineage.close();
    }
}
