package io.meshbone.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

/** Runs the packaged {@code meshbone.jar} as a child process, the way a user does. */
class UpCommandIT {

    private static final Path JAR = Path.of("target", "meshbone.jar");

    @Test
    void upBecomesReachableAndExitsZeroOnSigterm() throws Exception {
        assertThat(JAR).as("the shaded jar, built in the package phase").exists();
        Process up = new ProcessBuilder(javaBinary(), "-jar", JAR.toString(), "up", "--port", "0")
                .redirectErrorStream(true)
                .start();
        List<String> output = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> readLines(up, output), "up-output");
        reader.start();
        try {
            String bootstrap = await().atMost(Duration.ofSeconds(60))
                    .until(() -> bootstrapLine(output), line -> line != null)
                    .substring("bootstrap.servers=".length());

            try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
                admin.createTopics(List.of(new NewTopic("reachable", 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
                assertThat(admin.listTopics().names().get()).contains("reachable");
            }

            long signalled = System.nanoTime();
            up.destroy(); // SIGTERM on POSIX
            assertThat(up.waitFor(10, TimeUnit.SECONDS)).as("exited within 10 s of SIGTERM").isTrue();
            assertThat(up.exitValue()).as("exit code; output:%n%s", String.join("\n", output)).isZero();
            System.out.printf("meshbone up stopped %d ms after SIGTERM%n", (System.nanoTime() - signalled) / 1_000_000);
            reader.join(5_000);
            assertThat(output).contains("Meshbone stopped.");
        } finally {
            up.destroyForcibly();
        }
    }

    @Test
    void versionPrintsMeshboneAndKafkaVersions() throws Exception {
        Process version = new ProcessBuilder(javaBinary(), "-jar", JAR.toString(), "version").redirectErrorStream(true).start();
        String text = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(version.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(version.exitValue()).isZero();
        assertThat(text).containsPattern("meshbone \\d+\\.\\d+\\.\\d+").contains("kafka 4.1.1");
    }

    private static String bootstrapLine(List<String> output) {
        return output.stream().filter(line -> line.startsWith("bootstrap.servers=")).findFirst().orElse(null);
    }

    private static void readLines(Process process, List<String> sink) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                sink.add(line);
            }
        } catch (IOException e) {
            sink.add("<output closed: " + e.getMessage() + ">");
        }
    }

    private static String javaBinary() {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return Files.isExecutable(java) ? java.toString() : "java";
    }
}
