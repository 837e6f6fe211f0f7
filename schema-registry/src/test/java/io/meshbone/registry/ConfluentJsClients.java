package io.meshbone.registry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Confluent's JavaScript schema-registry client and kafkajs' one, installed from the npm registry at pinned versions
 * into {@code target/confluent-js-clients} (kept across runs until {@code mvn clean}), running
 * {@code confluent-js/registry-calls.js}. Like governance's {@code KafkajsReader}, it fails naming what is missing when
 * node or npm is not on the machine: it never skips.
 */
final class ConfluentJsClients {

    static final String CONFLUENT = "@confluentinc/schemaregistry";
    static final String CONFLUENT_VERSION = "1.10.1";
    static final String KAFKAJS = "@kafkajs/confluent-schema-registry";
    static final String KAFKAJS_VERSION = "4.1.0";
    private static final String SCRIPT = "registry-calls.js";

    private final Path dir;

    private ConfluentJsClients(Path dir) {
        this.dir = dir;
    }

    /** Installs both clients into {@code dir} unless the pinned versions are there already. */
    static ConfluentJsClients install(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        try (InputStream script = ConfluentJsClients.class.getResourceAsStream("/confluent-js/" + SCRIPT)) {
            Files.copy(script, dir.resolve(SCRIPT), StandardCopyOption.REPLACE_EXISTING);
        }
        if (!installed(dir, CONFLUENT, CONFLUENT_VERSION) || !installed(dir, KAFKAJS, KAFKAJS_VERSION)) {
            Files.writeString(dir.resolve("package.json"), "{\"name\": \"confluent-js-check\", \"private\": true}\n");
            run(dir, 300, "npm", "install", "--no-audit", "--no-fund", "--loglevel=error",
                    CONFLUENT + "@" + CONFLUENT_VERSION, KAFKAJS + "@" + KAFKAJS_VERSION);
        }
        return new ConfluentJsClients(dir);
    }

    private static boolean installed(Path dir, String name, String version) throws IOException {
        Path manifest = dir.resolve("node_modules").resolve(name).resolve("package.json");
        return Files.exists(manifest) && version.equals(Http.JSON.readTree(manifest.toFile()).path("version").asText());
    }

    /** Runs the script with {@code input} (written to a file) and returns the one JSON line it printed. */
    JsonNode calls(JsonNode input) throws IOException, InterruptedException {
        Path file = Files.createTempFile(dir, "input-", ".json");
        String output;
        try {
            Http.JSON.writeValue(file.toFile(), input);
            output = run(dir, 120, "node", SCRIPT, file.getFileName().toString());
        } finally {
            Files.deleteIfExists(file);
        }
        String line = output.lines().filter(l -> l.startsWith("{")).reduce((first, second) -> second)
                .orElseThrow(() -> new IOException(SCRIPT + " printed no JSON line: " + output));
        return Http.JSON.readTree(line);
    }

    private static String run(Path dir, int seconds, String... command) throws IOException, InterruptedException {
        // Into a file, not a pipe nobody reads while it runs: a client logging more than a pipe holds would block.
        Path log = Files.createTempFile(dir, command[0] + "-", ".log");
        Process process;
        try {
            process = new ProcessBuilder(List.of(command)).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new IOException(command[0] + " could not be started (this test needs Node.js and npm on the PATH;"
                    + " scripts/install-test-deps.sh installs them): " + e.getMessage(), e);
        }
        process.getOutputStream().close();
        boolean finished = process.waitFor(seconds, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        if (!finished || process.exitValue() != 0) {
            String tail = output.length() > 4000 ? output.substring(output.length() - 4000) : output;
            throw new IOException(String.join(" ", command) + (finished ? " exited with " + process.exitValue()
                    : " did not finish within " + seconds + " s") + ": " + tail);
        }
        return output;
    }
}
