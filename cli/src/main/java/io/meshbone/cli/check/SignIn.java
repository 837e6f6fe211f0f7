package io.meshbone.cli.check;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import io.meshbone.platform.registry.SchemaRegistryClientSettings;
import io.meshbone.platform.security.BasicAuth;

/**
 * How {@code product check} and {@code product plan} sign in to a running mesh (secure mode): the HTTP user of a
 * {@code --credentials} file for the catalog and the registry its products name, and the file's Kafka client settings
 * for the cluster; {@link #ANONYMOUS} in open mode.
 *
 * @param file          the credentials file, named in messages; null when anonymous
 * @param userInfo      {@code <name>:<password>} of its {@code basic.auth.user.info}; null when anonymous
 * @param kafkaSettings its Kafka client settings (SASL and the like); empty when anonymous
 */
public record SignIn(Path file, String userInfo, Map<String, Object> kafkaSettings) {

    /** No sign-in: every call anonymous, as in open mode. */
    public static final SignIn ANONYMOUS = new SignIn(null, null, Map.of());

    public SignIn {
        kafkaSettings = Map.copyOf(kafkaSettings);
        if ((file == null) != (userInfo == null)) {
            throw new IllegalArgumentException("a sign-in needs both its credentials file and its user info, or neither");
        }
    }

    /** The signed-in principal, {@code User:<name>}; empty when anonymous. */
    public Optional<String> principal() {
        return Optional.ofNullable(userInfo).map(info -> "User:" + info.substring(0, info.indexOf(':')));
    }

    /** The {@code Authorization} header value; empty when anonymous. */
    public Optional<String> authorization() {
        return Optional.ofNullable(userInfo).map(BasicAuth::header);
    }

    /** Registry client settings for {@code registryUrl}, signed in as the catalog calls are. */
    public SchemaRegistryClientSettings registry(String registryUrl) {
        SchemaRegistryClientSettings settings = SchemaRegistryClientSettings.of(registryUrl);
        return userInfo == null ? settings : settings.withUserInfo(userInfo);
    }

    /**
     * The one-line error for a 401 or 403 answer of {@code service} ("the catalog at http://…"), naming
     * {@code --credentials}; {@code detail} is the service's message, shown for a 403 only. An
     * {@link IllegalStateException}, so that {@code plan} does not take it for a usage error.
     */
    public IllegalStateException refused(String service, int status, String detail) {
        if (status == 401) {
            return new IllegalStateException(file == null
                    ? service + " refused the credentials (401); sign in with --credentials FILE (or MESHBONE_CREDENTIALS)"
                    : service + " refused the credentials of --credentials " + file + " (401); check the user and password there");
        }
        String who = principal().orElse("an anonymous caller");
        return new IllegalStateException(service + " refused " + who + " (" + status + ")"
                + (detail == null || detail.isBlank() ? "" : ": " + detail)
                + (file == null ? "; sign in with --credentials FILE (or MESHBONE_CREDENTIALS)"
                        : "; --credentials " + file + " signs in as a principal not allowed this read"));
    }

    @Override
    public String toString() {
        return file == null ? "SignIn[anonymous]" : "SignIn[" + file + ", " + principal().orElseThrow() + "]";
    }
}
