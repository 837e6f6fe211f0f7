package io.meshbone.governance;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** Runs the governance services in a JVM of their own, so a test can kill them with SIGKILL. */
public final class GovernanceMain {

    private GovernanceMain() {
    }

    /** Arguments: bootstrap servers, registry URL, state dir. Prints "governance running" when ready. */
    public static void main(String[] args) throws Exception {
        GovernanceSettings settings = new GovernanceSettings(Map.of("bootstrap.servers", args[0]), args[1], Path.of(args[2]),
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
