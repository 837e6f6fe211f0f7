package io.meshbone.connect;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;

/**
 * Basic auth on a worker's REST API through Kafka's {@code connect-basic-auth-extension}: its JAAS entry
 * {@code KafkaConnect}, a {@code PropertyFileLoginModule} over the users file, installed in this JVM.
 *
 * <p>The extension reads the JVM's JAAS configuration once, when it first loads; so the entry is a view of the users
 * file given last, and every other entry is left to the configuration that was there before. One users file per JVM.
 */
final class RestUsers {

    static final String EXTENSION = "org.apache.kafka.connect.rest.basic.auth.extension.BasicAuthSecurityRestExtension";
    private static final String ENTRY = "KafkaConnect";
    private static final String LOGIN_MODULE = "org.apache.kafka.connect.rest.basic.auth.extension.PropertyFileLoginModule";
    private static volatile Path current;
    private static boolean prepared;

    private RestUsers() {
    }

    /**
     * Puts this JVM's JAAS configuration in place, its {@code KafkaConnect} entry empty until {@link #install}: called
     * before any worker starts, since the extension keeps whatever configuration there is when its class first loads.
     */
    static synchronized void prepare() {
        if (!prepared) {
            Configuration.setConfiguration(new WithConnectEntry(previous()));
            prepared = true;
        }
    }

    /** Makes the {@code KafkaConnect} JAAS entry check callers against {@code usersFile}. */
    static synchronized void install(Path usersFile) {
        if (!Files.isReadable(usersFile)) {
            throw new IllegalArgumentException("HTTP users file " + usersFile + " does not exist or cannot be read");
        }
        prepare();
        current = usersFile.toAbsolutePath();
    }

    /** The password of {@code user} in {@code usersFile}, as the login module reads it. */
    static Optional<String> password(Path usersFile, String user) {
        Properties users = new Properties();
        try (Reader reader = Files.newBufferedReader(usersFile, StandardCharsets.UTF_8)) {
            users.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read HTTP users file " + usersFile, e);
        }
        return Optional.ofNullable(users.getProperty(user));
    }

    private static Configuration previous() {
        try {
            return Configuration.getConfiguration();
        } catch (SecurityException noneConfigured) {
            return null;
        }
    }

    private static final class WithConnectEntry extends Configuration {

        private final Configuration others;

        WithConnectEntry(Configuration others) {
            this.others = others;
        }

        @Override
        public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
            Path usersFile = current;
            if (ENTRY.equals(name) && usersFile != null) {
                return new AppConfigurationEntry[] {new AppConfigurationEntry(LOGIN_MODULE,
                        AppConfigurationEntry.LoginModuleControlFlag.REQUIRED, Map.of("file", usersFile.toString()))};
            }
            return others == null ? null : others.getAppConfigurationEntry(name);
        }

        @Override
        public void refresh() {
            if (others != null) {
                others.refresh();
            }
        }
    }
}
