package io.meshbone.cli.internal;

import java.nio.file.Path;

import io.meshbone.localkafka.DataDirSecurity;

/**
 * What a command says about the mode its {@code --data-dir} was last run in: a secure dir does not start open (its
 * Kafka takes only SCRAM logins, and open listeners would hand its data to anyone); an open dir starts secure after
 * {@code LocalKafka} adds the admin's SCRAM credential to it.
 */
public final class DataDirModes {

    private DataDirModes() {
    }

    /** One line refusing to run {@code dataDir} in this mode, or null when it may. */
    public static String problem(String command, Path dataDir, boolean secure) {
        if (secure || DataDirSecurity.of(dataDir) != DataDirSecurity.SECURE) {
            return null;
        }
        return command + ": data dir " + dataDir + " was set up with --secure (its Kafka takes only SCRAM logins); "
                + "start it with --secure (credentials in " + dataDir.resolve("credentials") + "), "
                + "or give another --data-dir for open mode";
    }

    /** One line saying an open data dir is being made secure, or null when it is not. */
    public static String notice(Path dataDir, boolean secure) {
        if (!secure || DataDirSecurity.of(dataDir) != DataDirSecurity.OPEN) {
            return null;
        }
        return "data dir " + dataDir + " was last run open: adding the admin's SCRAM credential, then starting it secure";
    }
}
