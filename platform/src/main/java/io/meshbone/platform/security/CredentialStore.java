package io.meshbone.platform.security;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The credentials folder of a data directory, {@code <data-dir>/credentials}: one Kafka client properties file per
 * principal ({@code <name>.properties}) and {@code http-users.properties} ({@code <name>: <password>}, as Jetty's
 * {@code HashLoginService} and Kafka's {@code PropertyFileLoginModule} read it). Passwords are random, made once and
 * kept; the folder and its files are readable by their owner only.
 */
public final class CredentialStore {

    /** The folder's name inside a data directory. */
    public static final String FOLDER = "credentials";
    /** The HTTP users file's name inside the folder. */
    public static final String HTTP_USERS = "http-users.properties";

    private static final String SUFFIX = ".properties";
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");
    private static final Pattern JAAS_USER = Pattern.compile("username=\"([^\"]*)\"");
    private static final Pattern JAAS_PASSWORD = Pattern.compile("password=\"([^\"]*)\"");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path directory;

    private CredentialStore(Path directory) {
        this.directory = directory;
    }

    /** The store in {@code <dataDir>/credentials}, created (owner-only) if missing. */
    public static CredentialStore in(Path dataDir) {
        Path directory = dataDir.resolve(FOLDER).toAbsolutePath();
        try {
            Files.createDirectories(directory);
            restrict(directory, OWNER_DIR);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the credentials folder " + directory, e);
        }
        return new CredentialStore(directory);
    }

    /** The folder holding the files. */
    public Path directory() {
        return directory;
    }

    /** Where {@code name}'s client properties are. */
    public Path file(String name) {
        return directory.resolve(name + SUFFIX);
    }

    /** Where the HTTP users are. */
    public Path httpUsersFile() {
        return directory.resolve(HTTP_USERS);
    }

    /** {@code name}'s credentials: read back if its file exists, else made with a new random password and written. */
    public synchronized MeshCredentials ensure(String name) {
        Path file = file(name);
        if (Files.exists(file)) {
            return read(file);
        }
        MeshCredentials credentials = new MeshCredentials(name, randomPassword());
        writeOwnerOnly(file, text(credentials));
        return credentials;
    }

    /** {@link #ensure(String)} for each name, then {@code http-users.properties} rewritten with every principal here. */
    public synchronized List<MeshCredentials> ensureAll(List<String> names) {
        List<MeshCredentials> made = new ArrayList<>();
        names.forEach(name -> made.add(ensure(name)));
        writeHttpUsers();
        return made;
    }

    /** Every principal with a file in the folder, by name. */
    public synchronized List<MeshCredentials> all() {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(SUFFIX))
                    .filter(f -> !f.getFileName().toString().equals(HTTP_USERS))
                    .sorted().map(CredentialStore::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
    }

    private void writeHttpUsers() {
        TreeMap<String, String> users = new TreeMap<>();
        all().forEach(c -> users.put(c.name(), c.password()));
        StringBuilder text = new StringBuilder("# Meshbone HTTP basic-auth users: <name>: <password>\n");
        users.forEach((name, password) -> text.append(name).append(": ").append(password).append('\n'));
        writeOwnerOnly(httpUsersFile(), text.toString());
    }

    /**
     * Reads a principal's credentials from a client properties file: the SCRAM login in {@code sasl.jaas.config}, or
     * else {@code basic.auth.user.info}. Errors name the file and the missing key, never a value.
     */
    public static MeshCredentials read(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read credentials file " + file + ": " + e.getMessage(), e);
        }
        String jaas = properties.getProperty(MeshCredentials.SASL_JAAS_CONFIG);
        if (jaas != null) {
            Matcher user = JAAS_USER.matcher(jaas);
            Matcher password = JAAS_PASSWORD.matcher(jaas);
            if (user.find() && password.find()) {
                return new MeshCredentials(user.group(1), password.group(1));
            }
        }
        String userInfo = properties.getProperty(MeshCredentials.BASIC_AUTH_USER_INFO);
        if (userInfo != null && userInfo.indexOf(':') > 0) {
            int colon = userInfo.indexOf(':');
            return new MeshCredentials(userInfo.substring(0, colon).trim(), userInfo.substring(colon + 1).trim());
        }
        throw new IllegalArgumentException("credentials file " + file + ": expected " + MeshCredentials.SASL_JAAS_CONFIG
                + " with username and password, or " + MeshCredentials.BASIC_AUTH_USER_INFO);
    }

    /** 24 random bytes, URL-safe Base64: 32 characters that need no quoting anywhere they go. */
    static String randomPassword() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String text(MeshCredentials credentials) {
        StringBuilder text = new StringBuilder("# Meshbone credentials of " + credentials.principal()
                + ": Kafka client, schema registry and catalog settings\n");
        credentials.clientConfig().forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        return text.toString();
    }

    // Written to an owner-only temporary file and moved into place, so the password is never readable by others.
    private void writeOwnerOnly(Path file, String text) {
        try {
            Path temporary = Files.createTempFile(directory, ".write-", ".tmp");
            restrict(temporary, OWNER_FILE);
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void restrict(Path path, Set<PosixFilePermission> permissions) throws IOException {
        if (Files.getFileStore(path).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(path, permissions);
        }
    }
}
