package io.meshbone.platform.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import io.meshbone.platform.contract.ContractException;
import io.meshbone.platform.contract.DataProduct;
import io.meshbone.platform.contract.ParsedDescriptor;
import io.meshbone.platform.contract.Problem;
import io.meshbone.platform.contract.ProductDescriptors;
import io.meshbone.platform.contract.SchemaFiles;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends contract requests to the mesh and waits for the gate's decision: what {@code product apply} does.
 */
public final class ContractClient implements AutoCloseable {

    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final KafkaProducer<String, String> producer;
    private final KafkaConsumer<String, String> decisions;
    private final List<TopicPartition> decisionPartitions;

    public ContractClient(Map<String, Object> clientConfig) {
        Map<String, Object> producerConfig = new HashMap<>(clientConfig);
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        this.producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer());
        KafkaConsumer<String, String> consumer = null;
        try {
            Map<String, Object> consumerConfig = new HashMap<>(clientConfig);
            consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            consumerConfig.put(ConsumerConfig.CLIENT_ID_CONFIG, "meshbone-apply-" + UUID.randomUUID());
            // A decision waits in a parked fetch for at most this long before the broker answers.
            consumerConfig.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50);
            consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new StringDeserializer());
            List<PartitionInfo> infos = consumer.partitionsFor(MeshTopics.DECISIONS, Duration.ofSeconds(30));
            if (infos == null || infos.isEmpty()) {
                throw new IllegalStateException("topic " + MeshTopics.DECISIONS + " not found: is the mesh running?");
            }
            this.decisionPartitions = infos.stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(decisionPartitions);
            this.decisions = consumer;
        } catch (RuntimeException | Error e) {
            // A constructor that throws is never closed by its caller: nothing it opened may outlive it.
            closeQuietly(consumer, e);
            closeQuietly(producer, e);
            throw e;
        }
    }

    private static void closeQuietly(AutoCloseable client, Throwable failure) {
        if (client == null) {
            return;
        }
        try {
            client.close();
        } catch (Exception e) {
            failure.addSuppressed(e);
        }
    }

    /** Sends the request and returns the gate's decision on it. */
    public Decision apply(ProductRequest request, Duration timeout) throws TimeoutException {
        return sendAndAwait(MeshTopics.PRODUCT_REQUESTS, request.descriptorPath(), request, request.requestId(),
                request.descriptorPath(), timeout);
    }

    /** Sends a policy request and returns the gate's decision on it. */
    public Decision apply(PolicyRequest request, Duration timeout) throws TimeoutException {
        return sendAndAwait(MeshTopics.POLICY_REQUESTS, request.documentPath(), request, request.requestId(),
                request.documentPath(), timeout);
    }

    /** Sends an access request, approval, denial or revocation and returns the gate's decision on it. */
    public Decision apply(AccessRequest request, Duration timeout) throws TimeoutException {
        String key = request.product() != null ? request.product() : request.requestId();
        return sendAndAwait(MeshTopics.ACCESS_REQUESTS, key, request, request.id(), request.type() + " " + key, timeout);
    }

    /** Sends a domain creation, transfer, approval or denial and returns the gate's decision on it. */
    public Decision apply(DomainRequest request, Duration timeout) throws TimeoutException {
        String key = request.domain() != null ? request.domain() : request.requestId();
        return sendAndAwait(MeshTopics.DOMAIN_REQUESTS, key, request, request.id(), request.type() + " " + key, timeout);
    }

    private Decision sendAndAwait(String topic, String key, Object request, String requestId, String shownAs,
                                  Duration timeout) throws TimeoutException {
        // Position at the end first: the decision can only come after the request is written.
        decisions.seekToEnd(decisionPartitions);
        decisionPartitions.forEach(decisions::position);
        try {
            producer.send(new ProducerRecord<>(topic, key, MeshJson.write(request))).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot write the request to " + topic + ": "
                    + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending the request", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> record : decisions.poll(Duration.ofMillis(200))) {
                Decision decision = read(record);
                if (decision != null && requestId.equals(decision.requestId())) {
                    return decision;
                }
            }
        }
        throw new TimeoutException("no decision on request " + requestId + " (" + shownAs
                + ") within " + timeout + ": is the contract gate running?");
    }

    /**
     * Sends every request before waiting, then hands each decision to {@code onDecision} as it arrives
     * (in the gate's order, on the caller's thread).
     *
     * @param timeout how long to wait for the next decision; the wait starts over with each one
     * @return the requests that got no decision in time, empty when every one was answered
     */
    public List<ProductRequest> applyAll(List<ProductRequest> requests, Duration timeout, Consumer<Decision> onDecision) {
        decisions.seekToEnd(decisionPartitions);
        decisionPartitions.forEach(decisions::position);
        Map<String, ProductRequest> waiting = new LinkedHashMap<>();
        List<Future<?>> sent = new ArrayList<>();
        for (ProductRequest request : requests) {
            waiting.put(request.requestId(), request);
            try {
                sent.add(producer.send(new ProducerRecord<>(MeshTopics.PRODUCT_REQUESTS, request.descriptorPath(),
                        MeshJson.write(request))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        producer.flush();
        for (Future<?> each : sent) {
            awaitSent(each, timeout);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!waiting.isEmpty() && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> record : decisions.poll(Duration.ofMillis(200))) {
                Decision decision = read(record);
                if (decision != null && waiting.remove(decision.requestId()) != null) {
                    onDecision.accept(decision);
                    deadline = System.nanoTime() + timeout.toNanos();
                }
            }
        }
        return List.copyOf(waiting.values());
    }

    private static void awaitSent(Future<?> send, Duration timeout) {
        try {
            send.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot write the request to " + MeshTopics.PRODUCT_REQUESTS + ": "
                    + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending the requests", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("cannot write the request to " + MeshTopics.PRODUCT_REQUESTS + " within " + timeout, e);
        }
    }

    private static Decision read(ConsumerRecord<String, String> record) {
        try {
            return MeshJson.read(record.value(), Decision.class);
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * An apply request for a descriptor file, carrying the schema files it names.
     *
     * <p>When the descriptor does not parse, every {@code .avsc} beside it goes along, so the gate
     * can still report every problem in one decision.
     *
     * @param shownAs how the descriptor is named in the decision, e.g. {@code orders/order-placed.product.yaml}
     */
    public static ProductRequest request(Path descriptor, String shownAs, String principal) {
        try {
            String yaml = Files.readString(descriptor, StandardCharsets.UTF_8);
            Path folder = descriptor.toAbsolutePath().getParent();
            ParsedDescriptor parsed = ProductDescriptors.parse(shownAs, yaml, SchemaFiles.directory(folder));
            List<String> names = parsed.product().map(DataProduct::schemaFiles).orElseGet(() -> avscFilesIn(folder));
            Map<String, String> files = new HashMap<>();
            List<Problem> outside = new ArrayList<>();
            for (String name : names) {
                Optional<String> leaves = SchemaFiles.leavesFolder(folder, name);
                Path file = folder.resolve(name);
                if (leaves.isPresent()) {
                    outside.add(new Problem(shownAs, fieldNaming(parsed, name), leaves.get() + " (expected " + SchemaFiles.PLAIN_FILE_NAME + ")"));
                } else if (Files.isRegularFile(file)) {
                    files.put(name, Files.readString(file, StandardCharsets.UTF_8));
                }
            }
            // Never send what lies outside the descriptor's folder: the gate would list it as the contract's schema.
            if (!outside.isEmpty()) {
                throw new ContractException(outside);
            }
            return ProductRequest.apply(principal, shownAs, yaml, files);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + descriptor, e);
        }
    }

    // The descriptor field that names the file, as the local parse reported it; spec.value.schema when it did not.
    private static String fieldNaming(ParsedDescriptor parsed, String name) {
        return parsed.problems().stream().filter(problem -> problem.message().contains("'" + name + "'"))
                .map(Problem::path).findFirst().orElse("spec.value.schema");
    }

    private static List<String> avscFilesIn(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".avsc")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    @Override
    public void close() {
        try {
            producer.close(CLOSE_TIMEOUT);
        } finally {
            decisions.close(CLOSE_TIMEOUT);
        }
    }
}
