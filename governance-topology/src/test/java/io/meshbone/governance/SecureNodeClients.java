package io.meshbone.governance;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * kafkajs and kafkajs' schema-registry client, installed from the npm registry at the pinned versions into
 * {@code target/node-secure-clients} (kept until {@code mvn clean}), running {@code node-secure/secure-clients.js}:
 * a Node.js domain team's round trip on a secure mesh. Like {@link KafkajsReader}, it fails naming what is missing
 * when node or npm is not on the machine.
 */
final class SecureNodeClients {

    static final String KAFKAJS = "kafkajs@2.2.4";
    static final String REGISTRY_CLIENT = "@kafkajs/confluent-schema-registry@4.1.0";
    private static final String SCRIPT = "secure-clients.js";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;

    private SecureNodeClients(Path dir) {
        this.dir = dir;
    }

    /** Installs both clients into {@code dir} unless the pinned versions are there already. */
    static SecureNodeClients install(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        try (InputStream script = SecureNodeClients.class.getResourceAsStream("/node-secure/" + SCRIPT)) {
            Files.copy(script, dir.resolve(SCRIPT), StandardCopyOption.REPLACE_EXISTING);
        }
        if (!installed(dir, KAFKAJS) || !installed(dir, REGISTRY_CLIENT)) {
            Files.writeString(dir.resolve("package.json"), "{\"name\": \"node-secure-check\", \"private\": true}\n");
            KafkajsReader.run(dir, 300, "npm", "install", "--no-audit", "--no-fund", "--loglevel=error", KAFKAJS, REGISTRY_CLIENT);
        }
        return new SecureNodeClients(dir);
    }

    private static boolean installed(Path dir, String pinned) throws IOException {
        int at = pinned.lastIndexOf('@');
        Path manifest = dir.resolve("node_modules").resolve(pinned.substring(0, at)).resolve("package.json");
        return Files.exists(manifest) && pinned.substring(at + 1).equals(JSON.readTree(manifest.toFile()).path("version").asText());
    }

    /** Runs the script with {@code input} (written to a file) and returns the one JSON line it printed. */
    JsonNode run(JsonNode input) throws IOException, InterruptedException {
        Path file = Files.createTempFile(dir, "input-", ".json");
        String output;
        try {
            JSON.writeValue(file.toFile(), input);
            output = KafkajsReader.run(dir, 180, "node", SCRIPT, file.getFileName().toString());
        } finally {
            Files.deleteIfExists(file);
        }
        String line = output.lines().filter(l -> l.startsWith("{")).reduce((first, second) -> second)
                .orElseThrow(() -> new IOException(SCRIPT + " printed no JSON line: " + output));
        return JSON.readTree(line);
    }
}
