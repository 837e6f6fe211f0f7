package io.meshbone.governance;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time of every thread of this JVM at one moment, so that a run's CPU can be split between the Streams app under
 * test (its stream thread, and its other threads: producer and consumer I/O, the global thread) and everything else
 * (the in-process broker and registry). On a 2-core machine a run's rate follows its CPU per record.
 */
final class ThreadCpu {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Map<Long, Long> nanosById;

    private ThreadCpu(Map<Long, Long> nanosById) {
        this.nanosById = nanosById;
    }

    static ThreadCpu now() {
        Map<Long, Long> nanos = new HashMap<>();
        for (long id : THREADS.getAllThreadIds()) {
            long cpu = THREADS.getThreadCpuTime(id);
            if (cpu >= 0) {
                nanos.put(id, cpu);
            }
        }
        return new ThreadCpu(nanos);
    }

    /** CPU used since {@code before}, split by whose it was: threads whose name holds {@code applicationId} are the app's. */
    Split since(ThreadCpu before, String applicationId) {
        long stream = 0;
        long app = 0;
        long rest = 0;
        long[] ids = nanosById.keySet().stream().mapToLong(Long::longValue).toArray();
        ThreadInfo[] infos = THREADS.getThreadInfo(ids);
        for (int i = 0; i < ids.length; i++) {
            if (infos[i] == null) {
                continue;
            }
            long used = nanosById.get(ids[i]) - before.nanosById.getOrDefault(ids[i], 0L);
            String name = infos[i].getThreadName();
            if (!name.contains(applicationId)) {
                rest += used;
            } else if (name.contains("-StreamThread-") && !name.contains("producer") && !name.contains("consumer")) {
                stream += used;
            } else {
                app += used;
            }
        }
        return new Split(stream, app, rest);
    }

    /** Nanoseconds of CPU: the app's stream thread, the app's other threads, every other thread of the JVM. */
    record Split(long streamThread, long appOther, long rest) {

        long total() {
            return streamThread + appOther + rest;
        }
    }
}
