package io.meshbone.platform.contract;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import io.meshbone.platform.contract.internal.FolderFiles;

/** Where a descriptor's Avro schema files are read from, by the relative names the descriptor uses. */
@FunctionalInterface
public interface SchemaFiles {

    /** The text of {@code relativeName}, or empty when there is no such file. */
    Optional<String> read(String relativeName) throws IOException;

    /**
     * Files in {@code directory}, the descriptor's own folder; a name or link leading outside it is an
     * {@link IOException} that says where it leads.
     */
    static SchemaFiles directory(Path directory) {
        return name -> {
            Optional<String> outside = FolderFiles.leavesFolder(directory, name);
            if (outside.isPresent()) {
                throw new IOException(outside.get() + " (expected " + FolderFiles.EXPECTED + ")");
            }
            try {
                return Optional.of(Files.readString(directory.resolve(name), StandardCharsets.UTF_8));
            } catch (NoSuchFileException e) {
                return Optional.empty();
            }
        };
    }

    /** What a schema file name must be: a plain file name inside the descriptor's folder, for messages. */
    String PLAIN_FILE_NAME = FolderFiles.EXPECTED;

    /** True for a plain file name such as {@code payment-settled.avsc}: no folders, {@code ..} or absolute path. */
    static boolean isPlainFileName(String name) {
        return FolderFiles.isPlainFileName(name);
    }

    /**
     * Why {@code name} in {@code folder} leads outside it (a {@code ..} or absolute path, or a link out of the
     * folder or to nothing), or empty when reading or writing it stays inside.
     */
    static Optional<String> leavesFolder(Path folder, String name) throws IOException {
        return FolderFiles.leavesFolder(folder, name);
    }

    /** Files held in memory, e.g. those sent with a registration request. */
    static SchemaFiles of(Map<String, String> textByName) {
        Map<String, String> copy = Map.copyOf(textByName);
        return name -> Optional.ofNullable(copy.get(name));
    }
}
