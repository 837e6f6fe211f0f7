package io.meshbone.catalog.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * One product's per-second samples, stored only when its counts change: an idle product keeps a single sample however
 * long the series, so thousands of quiet products cost little; a busy one at most one per second of the window.
 */
final class SampleHistory {

    private final ArrayDeque<HealthMonitor.Sample> changes = new ArrayDeque<>();

    /** Records the counts measured at {@code sample.at()}; samples before {@code oldest} are dropped but the last of them. */
    synchronized void record(HealthMonitor.Sample sample, long oldest) {
        HealthMonitor.Sample last = changes.peekLast();
        if (last == null || last.in() != sample.in() || last.out() != sample.out() || last.dlq() != sample.dlq()
                || !last.dlqByCode().equals(sample.dlqByCode())) {
            changes.addLast(sample);
        }
        // The newest sample at or before the window's start stays: it is what the window's first second counts from.
        while (changes.size() > 1 && second().at() <= oldest) {
            changes.removeFirst();
        }
    }

    /** The counts as they were at each of {@code times} (ascending), one sample per time from the first one recorded. */
    synchronized List<HealthMonitor.Sample> at(List<Long> times) {
        List<HealthMonitor.Sample> series = new ArrayList<>(times.size());
        Iterator<HealthMonitor.Sample> next = changes.iterator();
        HealthMonitor.Sample current = null;
        HealthMonitor.Sample upcoming = next.hasNext() ? next.next() : null;
        for (long time : times) {
            while (upcoming != null && upcoming.at() <= time) {
                current = upcoming;
                upcoming = next.hasNext() ? next.next() : null;
            }
            if (current != null) {
                series.add(new HealthMonitor.Sample(time, current.in(), current.out(), current.dlq(), current.dlqByCode()));
            }
        }
        return series;
    }

    /** How many samples are stored. */
    synchronized int size() {
        return changes.size();
    }

    private HealthMonitor.Sample second() {
        Iterator<HealthMonitor.Sample> it = changes.iterator();
        it.next();
        return it.next();
    }
}
