package io.meshbone.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the packaged {@code meshbone.jar} as a child process, the way a user does: the whole mesh, then a clean stop. */
class UpCommandIT {

    private static final Path JAR = MeshboneJar.JAR;
    private static final List<String> EXAMPLES = List.of("customers.customer-history", "customers.customer-profile",
            "orders.order-placed", "orders.order-status", "orders.revenue-by-hour", "payments.payment-settled",
            "shipping.delivery-request");

    @Test
    void upBecomesReachableAndExitsZeroOnSigterm(@TempDir Path dir) throws Exception {
        assertThat(JAR).as("the shaded jar, built in the package phase").exists();
        // A file, not a pipe: the JDK closes a pipe under a concurrent reader when the child exits.
        Path log = dir.resolve("up.log");
        Process up = new ProcessBuilder(MeshboneJar.quick("up", "--port", "0", "--registry-port", "0", "--catalog-port", "0", "--connect-port", "0"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            String bootstrap = await().atMost(Duration.ofSeconds(60))
                    .until(() -> bootstrapLine(log), line -> line != null)
                    .substring("bootstrap.servers=".length());

            try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
                admin.createTopics(List.of(new NewTopic("reachable", 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
                // The broker's metadata catches up with the controller a moment after createTopics returns.
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(admin.listTopics().names().get()).contains("reachable"));
            }

            // The whole mesh: the catalog lists every example product, and the demo traffic flows through the gate.
            URI catalog = URI.create(await().atMost(Duration.ofSeconds(60)).until(() -> line(log, "catalog.url="), l -> l != null)
                    .substring("catalog.url=".length()));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                JsonNode products = Http.get(catalog, "/api/products").json().path("products");
                assertThat(products.findValuesAsText("name")).containsAll(EXAMPLES);
                for (String source : List.of("orders.order-placed", "payments.payment-settled", "customers.customer-profile")) {
                    JsonNode health = Http.get(catalog, "/api/products/" + source).json().path("health");
                    assertThat(health.path("recordsOutPerSec").asDouble()).as("%s out/s", source).isPositive();
                }
                // The demo's three hours of history close revenue hours at once, so the dashboard has figures to show.
                JsonNode revenue = Http.get(catalog, "/api/products/orders.revenue-by-hour").json().path("health");
                assertThat(revenue.path("totals").path("out").asLong()).as("closed revenue hours").isPositive();
            });

            // Connect runs in the same JVM with the dashboard sink applied (CI starts PostgreSQL before the tests).
            URI connect = URI.create(line(log, "connect.url=").substring("connect.url=".length()).replaceAll("/$", ""));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(Http.get(connect, "/connectors").body()).contains("\"dashboard-sink\""));

            long signalled = System.nanoTime();
            up.destroy(); // SIGTERM on POSIX
            assertThat(up.waitFor(10, TimeUnit.SECONDS)).as("exited within 10 s of SIGTERM").isTrue();
            assertThat(up.exitValue()).as("exit code; output:%n%s", Files.readString(log)).isZero();
            System.out.printf("meshbone up stopped %d ms after SIGTERM%n", (System.nanoTime() - signalled) / 1_000_000);
            assertThat(Files.readAllLines(log)).contains("Meshbone stopped.");
        } finally {
            up.destroyForcibly();
        }
    }

    @Test
    void aSignalDuringStartUpStopsUpWithinFiveSeconds(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("up.log");
        Process up = new ProcessBuilder(MeshboneJar.quick("up", "--port", "0", "--registry-port", "0",
                "--catalog-port", "0", "--connect-port", "-1", "--no-demo"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            // The broker is up, the rest of the mesh is still starting: the moment a slow start used to hold a signal.
            await().atMost(Duration.ofSeconds(60)).until(() -> line(log, "  kafka ") != null);
            assertThat(bootstrapLine(log)).as("still starting when signalled").isNull();

            long signalled = System.nanoTime();
            up.destroy();
            assertThat(up.waitFor(10, TimeUnit.SECONDS)).as("exited after SIGTERM").isTrue();
            long stoppedMs = (System.nanoTime() - signalled) / 1_000_000;
            System.out.printf("meshbone up stopped %d ms after a SIGTERM during start-up (exit %d)%n", stoppedMs, up.exitValue());
            assertThat(stoppedMs).as("ms from SIGTERM to exit; output:%n%s", Files.readString(log))
                    .isLessThan(UpCommand.STOP_DEADLINE.toMillis() + 1_000);
            // Either the start was cut short between steps and the mesh stopped cleanly, or the watchdog ended it.
            assertThat(up.exitValue()).isIn(0, StartupWatchdog.CUT_SHORT);
        } finally {
            up.destroyForcibly();
        }
    }

    @Test
    void versionPrintsMeshboneAndKafkaVersions() throws Exception {
        Process version = new ProcessBuilder(MeshboneJar.quick("version")).redirectErrorStream(true).start();
        String text = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(version.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(version.exitValue()).isZero();
        assertThat(text).containsPattern("meshbone \\d+\\.\\d+\\.\\d+").contains("kafka 4.1.1");
    }

    private static String bootstrapLine(Path log) throws IOException {
        return line(log, "bootstrap.servers=");
    }

    private static String line(Path log, String prefix) throws IOException {
        return Files.readAllLines(log).stream().filter(line -> line.startsWith(prefix)).findFirst().orElse(null);
    }
}
