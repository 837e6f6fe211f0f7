package io.meshbone.governance;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;

/** Runs the governance services in a JVM of their own, so a test can kill them with SIGKILL. */
public final class GovernanceMain {

    private GovernanceMain() {
    }

    /** Arguments: bootstrap servers, registry URL, state dir. Prints "governance running" when ready. */
    public static void main(String[] args) throws Exception {
        // After a SIGKILL the next process's gates wait for the killed members' sessions to expire: the record gate's
        // 10 s, and the same for the contract gate here instead of its default 45 s, which only made the test wait.
        Map<String, Object> client = Map.of("bootstrap.servers", args[0],
                StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 10_000);
        GovernanceSettings settings = new GovernanceSettings(client, args[1], Path.of(args[2]),
                new SimpleMeterRegistry(), Duration.ofSeconds(30));
        Governance governance = Governance.start(settings);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(120)).until(governance::running);
        System.out.println("governance running");
        System.out.flush();
        CountDownLatch forever = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            governance.close();
            forever.countDown();
        }));
        forever.await();
    }
}
