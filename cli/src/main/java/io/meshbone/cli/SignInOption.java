package io.meshbone.cli;

import java.nio.file.Path;

import io.meshbone.cli.check.Baselines;
import io.meshbone.cli.check.SignIn;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** The {@code --credentials} option of {@code product check} and {@code product plan}, taken as the other verbs take it. */
final class SignInOption {

    @Option(names = "--credentials", paramLabel = "FILE", defaultValue = "${env:MESHBONE_CREDENTIALS}",
            description = "A principal's credentials file (<data-dir>/credentials/<name>.properties from 'up --secure'): its "
                    + "basic.auth.user.info signs in to the catalog --against names and to its registry, its Kafka settings "
                    + "log in to its cluster, and it is who would apply unless --principal says. "
                    + "Default: $MESHBONE_CREDENTIALS, else none.")
    Path file;

    /** How to sign in to what {@code against} names: with the file when it is a catalog URL, else anonymous (nothing to ask). */
    SignIn signIn(String against) {
        if (file == null || against == null || !Baselines.isCatalog(against)) {
            return SignIn.ANONYMOUS;
        }
        Credentials credentials = Credentials.read(file);
        credentials.authorization(); // the file's clear error when it has no basic.auth.user.info
        return new SignIn(file, credentials.userInfo().orElseThrow(), credentials.kafkaSettings());
    }

    /**
     * Who would apply: {@code --principal} (or {@code MESHBONE_PRINCIPAL}) when given, else the signed-in principal, as
     * the catalog would stamp it on an apply, else the option's default.
     */
    static String principal(CommandSpec spec, String principal, SignIn signIn) {
        return MeshOptions.given(spec.commandLine().getParseResult(), "--principal", "MESHBONE_PRINCIPAL") ? principal
                : signIn.principal().orElse(principal);
    }
}
