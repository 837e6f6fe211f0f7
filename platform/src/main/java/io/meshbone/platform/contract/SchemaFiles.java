package io.meshbone.platform.contract;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Where a descriptor's Avro schema files are read from, by the relative names the descriptor uses. */
@FunctionalInterface
public interface SchemaFiles {

    /** The text of {@code relativeName}, or empty when there is no such file. */
    Optional<String> read(String relativeName) throws IOException;

    /** Files in {@code directory}, the descriptor's own folder. */
    static SchemaFiles directory(Path directory) {
        return name -> {
            try {
                return Optional.of(Files.readString(directory.resolve(name), StandardCharsets.UTF_8));
            } catch (NoSuchFileException e) {
                return Optional.empty();
            }
        };
    }

    /** Files held in memory, e.g. those sent with a registration request. */
    static SchemaFiles of(Map<String, String> textByName) {
        Map<String, String> copy = Map.copyOf(textByName);
        return name -> Optional.ofNullable(copy.get(name));
    }
}
