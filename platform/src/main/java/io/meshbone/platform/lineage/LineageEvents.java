package io.meshbone.platform.lineage;

import java.net.URI;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.UUID;

import io.openlineage.client.OpenLineage;
import io.openlineage.client.OpenLineageClientUtils;

/**
 * Builds OpenLineage run events for the mesh's streaming jobs (the record gate, the domain apps).
 *
 * <p>Datasets are Kafka topics in the namespace {@code kafka://<cluster id>}: the cluster id is
 * stable while bootstrap addresses come and go, so the graph stays one graph.
 */
public final class LineageEvents {

    /** Identifies Meshbone as the producer of its events, as the OpenLineage spec asks. */
    public static final URI PRODUCER = URI.create("https://github.com/meshbone/meshbone");

    private final OpenLineage openLineage = new OpenLineage(PRODUCER);
    private final String namespace;

    public LineageEvents(String clusterId) {
        this.namespace = "kafka://" + clusterId;
    }

    /** The namespace of the jobs and datasets of this cluster. */
    public String namespace() {
        return namespace;
    }

    /**
     * A run event of a streaming job reading {@code inputTopics} and writing {@code outputTopics}.
     *
     * @param jobType the job's kind, e.g. {@code RECORD_GATE} or {@code DOMAIN_STREAM}
     */
    public OpenLineage.RunEvent runEvent(UUID runId, OpenLineage.RunEvent.EventType type, String jobName, String jobType,
                                         Collection<String> inputTopics, Collection<String> outputTopics) {
        return event(runId, null, type, jobName, jobType, namespace, inputTopics, outputTopics);
    }

    /**
     * A run event of part {@code partName} ({@link LineageParts}) of a job: as {@link #runEvent}, plus the standard
     * {@code parent} run facet naming the whole job {@code parentJob} and its run {@code parentRunId}.
     */
    public OpenLineage.RunEvent partEvent(UUID runId, UUID parentRunId, OpenLineage.RunEvent.EventType type, String partName,
                                          String parentJob, String jobType, Collection<String> inputTopics,
                                          Collection<String> outputTopics) {
        OpenLineage.ParentRunFacet parent = openLineage.newParentRunFacet(openLineage.newParentRunFacetRun(parentRunId),
                openLineage.newParentRunFacetJob(namespace, parentJob));
        return event(runId, parent, type, partName, jobType, namespace, inputTopics, outputTopics);
    }

    /**
     * A run event of a job copying {@code topics} from the cluster {@code sourceClusterId} to this one under the same
     * names (MirrorMaker 2 with the identity policy): each topic is an input in the source's namespace and an output
     * in this one, so the copy is a hop between two datasets of one name.
     */
    public OpenLineage.RunEvent copyEvent(UUID runId, OpenLineage.RunEvent.EventType type, String jobName, String jobType,
                                          String sourceClusterId, Collection<String> topics) {
        return event(runId, null, type, jobName, jobType, "kafka://" + sourceClusterId, topics, topics);
    }

    private OpenLineage.RunEvent event(UUID runId, OpenLineage.ParentRunFacet parent, OpenLineage.RunEvent.EventType type,
                                       String jobName, String jobType, String inputNamespace, Collection<String> inputTopics,
                                       Collection<String> outputTopics) {
        OpenLineage.JobFacets jobFacets = openLineage.newJobFacetsBuilder()
                .jobType(openLineage.newJobTypeJobFacet("STREAMING", "MESHBONE", jobType))
                .build();
        OpenLineage.Job job = openLineage.newJobBuilder().namespace(namespace).name(jobName).facets(jobFacets).build();
        return openLineage.newRunEventBuilder()
                .eventTime(ZonedDateTime.now())
                .eventType(type)
                .run(parent == null ? openLineage.newRunBuilder().runId(runId).build()
                        : openLineage.newRunBuilder().runId(runId).facets(openLineage.newRunFacetsBuilder().parent(parent).build())
                        .build())
                .job(job)
                .inputs(inputTopics.stream().sorted()
                        .map(topic -> openLineage.newInputDatasetBuilder().namespace(inputNamespace).name(topic).build())
                        .toList())
                .outputs(outputTopics.stream().sorted()
                        .map(topic -> openLineage.newOutputDatasetBuilder().namespace(namespace).name(topic).build())
                        .toList())
                .build();
    }

    /** The event as the JSON the OpenLineage spec defines. */
    public static String toJson(OpenLineage.RunEvent event) {
        return OpenLineageClientUtils.toJson(event);
    }
}
