package io.meshbone.cli;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.meshbone.localkafka.KafkaCluster;
import io.meshbone.localkafka.internal.FreePorts;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Utils;

/**
 * A Kafka cluster of one KRaft controller and N brokers, each a child JVM ({@link BenchKafkaNode}) on this JVM's
 * classpath, so no process holds every partition's open log segment: one process may open 20,000 files on the machine
 * this was written on, and 10,000 products have 30,000 partitions. Each node logs to {@code node-<id>.log} beside its
 * data; the children are stopped on {@link #close()} and killed by a shutdown hook if this JVM ends first.
 */
final class BrokerProcesses implements KafkaCluster {

    private static final long STOP_SECONDS = 30;
    private static final String BROKER_OPTIONS = System.getProperty("bench.broker.jvmOptions",
            "-Xmx2g -XX:+ExitOnOutOfMemoryError");
    private static final String CONTROLLER_OPTIONS = System.getProperty("bench.controller.jvmOptions",
            "-Xmx1g -XX:+ExitOnOutOfMemoryError");

    private final Path dir;
    private final int brokers;
    private final List<NodeProcess> nodes = new ArrayList<>();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "broker-process-sampler");
        thread.setDaemon(true);
        return thread;
    });
    private final Thread killer = new Thread(this::kill, "broker-process-killer");
    private String bootstrapServers;

    private BrokerProcesses(Path dir, int brokers) {
        this.dir = dir;
        this.brokers = brokers;
    }

    /** Starts the controller and {@code brokers} brokers and returns once every broker is registered. */
    static BrokerProcesses start(int brokers, Path dir) throws Exception {
        BrokerProcesses cluster = new BrokerProcesses(Files.createDirectories(dir), brokers);
        Runtime.getRuntime().addShutdownHook(cluster.killer);
        try {
            cluster.startNodes();
            cluster.awaitBrokers();
            return cluster;
        } catch (Exception | Error e) {
            cluster.close();
            throw e;
        }
    }

    private void startNodes() throws IOException {
        int[] ports = FreePorts.pick(brokers + 1);
        int controllerPort = ports[brokers];
        String clusterId = Uuid.randomUuid().toString();
        nodes.add(launch(0, "controller", controllerPort, 0, clusterId, CONTROLLER_OPTIONS));
        List<String> endpoints = new ArrayList<>();
        for (int i = 0; i < brokers; i++) {
            nodes.add(launch(i + 1, "broker", controllerPort, ports[i], clusterId, BROKER_OPTIONS));
            endpoints.add("localhost:" + ports[i]);
        }
        bootstrapServers = String.join(",", endpoints);
        sampler.scheduleWithFixedDelay(() -> nodes.forEach(NodeProcess::sampleFiles), 0, 1, TimeUnit.SECONDS);
        sampler.scheduleWithFixedDelay(() -> nodes.forEach(NodeProcess::sampleMaps), 0, 10, TimeUnit.SECONDS);
    }

    private NodeProcess launch(int nodeId, String role, int controllerPort, int clientPort, String clusterId, String options)
            throws IOException {
        Path nodeDir = Files.createDirectories(dir.resolve("node-" + nodeId));
        Path log = dir.resolve("node-" + nodeId + ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(Arrays.stream(options.trim().split("\\s+")).filter(option -> !option.isEmpty()).toList());
        command.addAll(List.of("-cp", classpath(), BenchKafkaNode.class.getName(), Integer.toString(nodeId), role,
                Integer.toString(controllerPort), Integer.toString(clientPort), clusterId, nodeDir.toString(),
                Integer.toString(brokers)));
        Process process = new ProcessBuilder(command).redirectOutput(log.toFile()).redirectErrorStream(true).start();
        System.out.printf("[broker processes] node %d (%s) is process %d, logging to %s%n", nodeId, role, process.pid(), log);
        return new NodeProcess(nodeId, role, process, log);
    }

    // exec:java runs the benchmark in Maven's JVM, on a class loader of its own: that loader holds the bench classpath.
    private static String classpath() {
        if (BenchKafkaNode.class.getClassLoader() instanceof URLClassLoader loader && loader.getURLs().length > 0) {
            List<String> entries = new ArrayList<>();
            for (URL url : loader.getURLs()) {
                try {
                    entries.add(Path.of(url.toURI()).toString());
                } catch (URISyntaxException e) {
                    throw new IllegalStateException("classpath entry " + url + " is not a file", e);
                }
            }
            return String.join(File.pathSeparator, entries);
        }
        return System.getProperty("java.class.path");
    }

    private void awaitBrokers() throws Exception {
        try (Admin admin = Admin.create(clientConfig())) {
            Bench.await(brokers + " brokers registered", () -> {
                nodes.forEach(NodeProcess::requireAlive);
                try {
                    return admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).size() == brokers;
                } catch (ExecutionException | TimeoutException notYet) {
                    return false;
                }
            });
        }
    }

    @Override
    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public int brokerCount() {
        return brokers;
    }

    /** Each node's peak open files and memory maps (sampled) and peak resident memory (the kernel's). */
    List<String> usage() {
        return nodes.stream().map(NodeProcess::usage).toList();
    }

    /** Stops the brokers, then the controller (each killed if it has not stopped within 30 s), and deletes their data but not their logs. */
    @Override
    public void close() {
        sampler.shutdownNow();
        nodes.stream().filter(node -> node.nodeId() != 0).forEach(NodeProcess::endInput);
        nodes.stream().filter(node -> node.nodeId() != 0).forEach(node -> node.stop(STOP_SECONDS));
        nodes.stream().filter(node -> node.nodeId() == 0).forEach(node -> {
            node.endInput();
            node.stop(STOP_SECONDS);
        });
        try {
            Runtime.getRuntime().removeShutdownHook(killer);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: it kills what is left
        }
        // The logs stay for a look afterwards; the data (tens of thousands of partition directories) goes.
        for (NodeProcess node : nodes) {
            try {
                Utils.delete(dir.resolve("node-" + node.nodeId()).toFile());
            } catch (IOException e) {
                System.err.println("cannot delete the data of Kafka node " + node.nodeId() + " in " + dir + ": " + e.getMessage());
            }
        }
    }

    private void kill() {
        nodes.forEach(node -> node.process().destroyForcibly());
    }

    /** One child JVM and what was sampled of it. */
    private record NodeProcess(int nodeId, String role, Process process, Path log, long[] peaks) {

        NodeProcess(int nodeId, String role, Process process, Path log) {
            this(nodeId, role, process, log, new long[2]);
        }

        void requireAlive() {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka node " + nodeId + " (" + role + ") exited with " + process.exitValue()
                        + ": see " + log);
            }
        }

        void sampleFiles() {
            try (var files = Files.list(proc("fd"))) {
                peaks[0] = Math.max(peaks[0], files.count());
            } catch (IOException | RuntimeException gone) {
                // the process ended between samples
            }
        }

        void sampleMaps() {
            try (var lines = Files.lines(proc("maps"))) {
                peaks[1] = Math.max(peaks[1], lines.count());
            } catch (IOException | RuntimeException gone) {
                // the process ended between samples
            }
        }

        String usage() {
            String rss = "?";
            try {
                rss = Files.readAllLines(proc("status")).stream().filter(line -> line.startsWith("VmHWM:"))
                        .map(line -> String.format("%,d MiB", Long.parseLong(line.replaceAll("\\D", "")) / 1024))
                        .findFirst().orElse("?");
            } catch (IOException | RuntimeException gone) {
                // the process ended
            }
            return String.format("node %d (%s, process %d): peak open files %,d, peak memory maps %,d, peak RSS %s", nodeId,
                    role, process.pid(), peaks[0], peaks[1], rss);
        }

        void endInput() {
            try {
                OutputStream input = process.getOutputStream();
                input.close();
            } catch (IOException ignored) {
                // the process is gone
            }
        }

        void stop(long seconds) {
            try {
                if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                    System.err.printf("Kafka node %d did not stop within %d s: killing it%n", nodeId, seconds);
                    process.destroyForcibly().waitFor(seconds, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }

        private Path proc(String entry) {
            return Path.of("/proc", Long.toString(process.pid()), entry);
        }
    }
}
