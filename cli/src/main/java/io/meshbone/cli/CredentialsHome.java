package io.meshbone.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.meshbone.platform.security.CredentialStore;
import org.apache.kafka.common.utils.Utils;

/**
 * Where a secure {@code up} keeps its credentials: in {@code --data-dir}, kept across restarts, or else in a
 * temporary directory that goes with the temporary cluster when {@code up} stops.
 */
record CredentialsHome(CredentialStore store, Path temporary) implements AutoCloseable {

    static CredentialsHome of(Path dataDir) {
        if (dataDir != null) {
            return new CredentialsHome(CredentialStore.in(dataDir), null);
        }
        try {
            Path temporary = Files.createTempDirectory("meshbone-up-");
            return new CredentialsHome(CredentialStore.in(temporary), temporary);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory for the credentials", e);
        }
    }

    @Override
    public void close() {
        if (temporary == null) {
            return;
        }
        try {
            Utils.delete(temporary.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the temporary credentials in " + temporary, e);
        }
    }
}
