package io.meshbone.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MirrorJobTest {

    @Test
    void readsTheRouteOfAMirrorJobName() {
        assertThat(MirrorJob.of("mirror:exchange->eu")).contains(new MirrorJob("exchange", "eu"));
    }

    @Test
    void takesNoOtherJobForACopy() {
        assertThat(MirrorJob.of("meshbone-record-gate")).isEmpty();
        assertThat(MirrorJob.of("mirror:exchange")).isEmpty();
        assertThat(MirrorJob.of("mirror:->eu")).isEmpty();
        assertThat(MirrorJob.of("mirror:a->b->c")).isEmpty();
    }
}
