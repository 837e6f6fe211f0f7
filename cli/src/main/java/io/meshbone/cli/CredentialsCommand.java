package io.meshbone.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import io.meshbone.cli.internal.SecureParts;
import io.meshbone.cli.serve.ServeDefaults;
import io.meshbone.platform.security.CredentialStore;
import io.meshbone.platform.security.MeshCredentials;
import io.meshbone.platform.security.MeshPrincipals;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code meshbone credentials}: the credentials folder of a secure mesh on a cluster Meshbone does not run. */
@Command(name = "credentials", mixinStandardHelpOptions = true, subcommands = CredentialsCommand.Create.class,
        description = "Write and register the mesh principals' credentials on a secure cluster.")
final class CredentialsCommand {

    /** {@code meshbone credentials create}: what {@code serve kafka --secure} does once its brokers are up. */
    @Command(name = "create", mixinStandardHelpOptions = true, defaultValueProvider = ServeDefaults.class,
            description = {"Write every principal's credentials to <data-dir>/credentials (kept when present), register "
                    + "them as SCRAM-SHA-512 users and grant the mesh services' ACLs, logged in as the super user admin.",
                    "Give the admin's password as MESHBONE_ADMIN_PASSWORD: on the command line every process list shows it."})
    static final class Create implements Callable<Integer> {

        @Option(names = "--data-dir", paramLabel = "DIR", required = true,
                description = "The credentials go to DIR/credentials.")
        Path dataDir;

        @Option(names = "--bootstrap-server", defaultValue = "localhost:9092",
                description = "Kafka bootstrap servers. Default: ${DEFAULT-VALUE}.")
        String bootstrapServer;

        @Option(names = "--admin-password", paramLabel = "PASSWORD",
                description = "The password of User:admin, whose SCRAM credential the brokers were formatted with.")
        String adminPassword;

        @Override
        public Integer call() {
            if (adminPassword == null || adminPassword.isBlank()) {
                System.err.println("meshbone credentials create: needs the admin's password in MESHBONE_ADMIN_PASSWORD");
                return 2;
            }
            CredentialStore store = CredentialStore.in(dataDir);
            MeshCredentials admin = new MeshCredentials(MeshPrincipals.ADMIN, adminPassword);
            writeOwnerOnly(store.file(MeshPrincipals.ADMIN), admin.clientConfig());
            Map<String, Object> adminConfig = new HashMap<>(admin.kafkaClientConfig());
            adminConfig.put("bootstrap.servers", bootstrapServer);
            SecureParts.prepare(store, adminConfig);
            System.out.println("credentials: " + store.directory());
            return 0;
        }

        // The admin's file holds the password the brokers know, not one the store would make up.
        private static void writeOwnerOnly(Path file, Map<String, Object> properties) {
            StringBuilder text = new StringBuilder();
            properties.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
            try {
                Files.deleteIfExists(file);
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(file, text);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file, e);
            }
        }
    }
}
