package io.meshbone.catalog.internal;

import java.util.Optional;

/** A MirrorMaker 2 route's lineage job, named {@code mirror:<source cluster>-><target cluster>}. */
record MirrorJob(String source, String target) {

    private static final String PREFIX = "mirror:";

    /** The route a job name stands for, when it names one. */
    static Optional<MirrorJob> of(String jobName) {
        if (!jobName.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] clusters = jobName.substring(PREFIX.length()).split("->", -1);
        if (clusters.length != 2 || clusters[0].isEmpty() || clusters[1].isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new MirrorJob(clusters[0], clusters[1]));
    }
}
