package io.meshbone.governance;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A kafkajs consumer, the Node.js client the mesh promises product topics to, as a test reads with it: kafkajs 2 installed
 * from the npm registry into a folder with nothing else (no codec plugin: kafkajs reads only uncompressed and gzip
 * batches without one), running {@code kafkajs/read-key.js}.
 */
final class KafkajsReader {

    private static final String KAFKAJS = "kafkajs@2.2.4";

    private final Path dir;

    private KafkajsReader(Path dir) {
        this.dir = dir;
    }

    /** Installs kafkajs into {@code dir}; fails naming what is missing when node or npm is not on the machine. */
    static KafkajsReader install(Path dir) throws IOException, InterruptedException {
        Files.writeString(dir.resolve("package.json"), "{\"name\": \"kafkajs-check\", \"private\": true}\n");
        try (InputStream script = KafkajsReader.class.getResourceAsStream("/kafkajs/read-key.js")) {
            Files.copy(script, dir.resolve("read-key.js"));
        }
        run(dir, 300, "npm", "install", "--no-audit", "--no-fund", "--loglevel=error", KAFKAJS);
        return new KafkajsReader(dir);
    }

    /** The headers of the first record keyed {@code key} on {@code topic}, as the script prints them (JSON). */
    String headersOf(String bootstrapServers, String topic, String key) throws IOException, InterruptedException {
        return run(dir, 120, "node", "read-key.js", bootstrapServers, topic, key, "90");
    }

    /** Runs {@code command} in {@code dir}; its output, or an exception with the output's end when it fails or hangs. */
    static String run(Path dir, int seconds, String... command) throws IOException, InterruptedException {
        // Into a file, not a pipe nobody reads while it runs: a client logging more than a pipe holds would block.
        Path log = Files.createTempFile(dir, command[0] + "-", ".log");
        Process process;
        try {
            process = new ProcessBuilder(List.of(command)).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new IOException(command[0] + " could not be started (this test needs Node.js and npm on the PATH): " + e.getMessage(), e);
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
