package io.meshbone.cli.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a mesh's Kafka Streams apps (gates and domain apps) keep their local state: beside Kafka's data
 * with {@code up --data-dir} (or {@code serve --data-dir}), so a restart finds both; otherwise a directory the mesh owns outside the OS temp
 * directory, which Kafka Streams warns about because the OS may clean it under a running app.
 */
public final class StreamsStateDir {

    private StreamsStateDir() {
    }

    /** {@code <dataDir>/streams-state}, or a fresh {@code ~/.meshbone/state/up-*} when {@code dataDir} is null. */
    public static Path create(Path dataDir) {
        try {
            if (dataDir != null) {
                return Files.createDirectories(dataDir.resolve("streams-state"));
            }
            Path owned = Path.of(System.getProperty("user.home"), ".meshbone", "state");
            try {
                return Files.createTempDirectory(Files.createDirectories(owned), "up-");
            } catch (IOException | SecurityException e) {
                // A read-only home (some containers) still gets a working mesh, with Kafka Streams' temp-dir warning.
                return Files.createTempDirectory("meshbone-up-");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the Kafka Streams state directory: " + e.getMessage(), e);
        }
    }
}
