package io.meshbone.localkafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.apache.kafka.common.metadata.UserScramCredentialRecord;
import org.apache.kafka.metadata.bootstrap.BootstrapDirectory;
import org.apache.kafka.metadata.bootstrap.BootstrapMetadata;

/**
 * How a {@link LocalKafka} data dir was last run: never, open, or secure (its metadata holds the admin's SCRAM
 * credential, so clients must log in). Kept in the dir's {@code security.mode} file; a dir from before that file
 * is judged by what its log dirs were formatted with.
 */
public enum DataDirSecurity {

    /** No cluster was ever started there. */
    NEW,
    /** PLAINTEXT listeners, no authorizer, no SCRAM credential for the admin. */
    OPEN,
    /** SASL/SCRAM with ACLs; the admin's SCRAM credential is in the metadata. */
    SECURE;

    static final String FILE = "security.mode";
    private static final String CLUSTER_ID_FILE = "cluster.id";
    /** Node 0 is the controller in both layouts, so its metadata dir holds what the cluster was formatted with. */
    private static final String CONTROLLER_DIR = "node-0";

    /** The mode {@code dataDir} was last run in. */
    public static DataDirSecurity of(Path dataDir) {
        if (dataDir == null) {
            return NEW;
        }
        Path file = dataDir.resolve(FILE);
        try {
            if (Files.exists(file)) {
                String mode = Files.readString(file, StandardCharsets.UTF_8).trim().toUpperCase(Locale.ROOT);
                if (mode.equals(OPEN.name()) || mode.equals(SECURE.name())) {
                    return valueOf(mode);
                }
                throw new IllegalStateException(file + ": expected 'open' or 'secure', got '" + mode.toLowerCase(Locale.ROOT) + "'");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        if (!Files.exists(dataDir.resolve(CLUSTER_ID_FILE))) {
            return NEW;
        }
        return formattedWithAdminCredential(dataDir.resolve(CONTROLLER_DIR)) ? SECURE : OPEN;
    }

    /** Notes in {@code dataDir} that it now runs in {@code mode}. */
    static void remember(Path dataDir, DataDirSecurity mode) {
        Path file = dataDir.resolve(FILE);
        try {
            Files.writeString(file, mode.name().toLowerCase(Locale.ROOT) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The mode a cluster of {@code settings} runs in. */
    static DataDirSecurity of(LocalKafkaSettings settings) {
        return settings.secure() ? SECURE : OPEN;
    }

    // A secure format stores the admin's SCRAM credential among the bootstrap records; an open one has none.
    private static boolean formattedWithAdminCredential(Path controllerDir) {
        if (!Files.isDirectory(controllerDir)) {
            return false;
        }
        try {
            BootstrapMetadata bootstrap = new BootstrapDirectory(controllerDir.toString()).read();
            return bootstrap.records().stream()
                    .anyMatch(r -> r.message() instanceof UserScramCredentialRecord scram && KafkaSecurity.ADMIN.equals(scram.name()));
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the format-time metadata of " + controllerDir + ": " + e.getMessage(), e);
        }
    }
}
