package io.meshbone.cli;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;

import com.sun.management.UnixOperatingSystemMXBean;
import io.meshbone.governance.GovernanceSettings;
import io.meshbone.localkafka.KafkaCluster;
import io.meshbone.localkafka.LocalKafka;

/**
 * The scale benchmarks' Kafka: one in-process {@link LocalKafka} broker by default, or with
 * {@code -Dbench.broker.processes=N} a controller and N brokers in processes of their own ({@link BrokerProcesses}),
 * whose product topics get one copy each, spread over the brokers by Kafka's placement.
 */
final class BenchKafka {

    /** Broker processes asked for; 0 runs one broker inside this JVM. */
    static final int PROCESSES = Integer.getInteger("bench.broker.processes", 0);
    /** Open files a broker needs per partition: its active log segment. */
    private static final int FILES_PER_PARTITION = 1;
    /** Open files for everything else in a broker's (or, in-process, this) JVM: jars, sockets, the mesh's own topics. */
    private static final int FILES_BESIDE = 2_000;

    private BenchKafka() {
    }

    static KafkaCluster start(Path dir) throws Exception {
        if (PROCESSES < 0) {
            throw new IllegalArgumentException("bench.broker.processes: expected 0 (in process) or a broker count, got " + PROCESSES);
        }
        return PROCESSES == 0 ? LocalKafka.startSingleNode() : BrokerProcesses.start(PROCESSES, dir.resolve("kafka"));
    }

    /** One copy of each product topic when the brokers are processes: three copies would put every partition on each. */
    static GovernanceSettings replication(GovernanceSettings settings) {
        return PROCESSES == 0 ? settings : settings.withMaxReplication(1);
    }

    /** Why {@code partitions} one-partition topics cannot be held here, or null when they can. */
    static String tooManyFiles(long partitions) {
        long perProcess = partitions * FILES_PER_PARTITION / Math.max(1, PROCESSES) + FILES_BESIDE;
        long allowed = maxOpenFiles();
        if (perProcess <= allowed) {
            return null;
        }
        return String.format("not run: each broker process needs about %,d open files (one per partition's log segment), "
                + "a process may open %,d here (more -Dbench.broker.processes spreads them)", perProcess, allowed);
    }

    static String describe() {
        return PROCESSES == 0 ? "one JVM: LocalKafka, registry, provisioner, record gate, catalog"
                : "Kafka in " + PROCESSES + " broker processes and a controller process (product topics one copy each); "
                        + "one JVM: registry, provisioner, record gate, catalog";
    }

    /** Each broker process's peak open files, memory maps and resident memory; nothing when Kafka is in process. */
    static List<String> usage(KafkaCluster kafka) {
        return kafka instanceof BrokerProcesses processes ? processes.usage() : List.of();
    }

    private static long maxOpenFiles() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix
                ? unix.getMaxFileDescriptorCount() : Long.MAX_VALUE;
    }
}
