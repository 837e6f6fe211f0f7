package io.meshbone.cli.serve;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** {@code --http-users-file}: secure mode for a part's HTTP API (basic auth over the mesh's principals). */
final class HttpUsersOption {

    @Option(names = "--http-users-file", paramLabel = "FILE",
            description = "Secure mode: callers sign in with HTTP basic auth as a user of FILE ('<name>: <password>' lines, "
                    + "as 'up --secure' writes to <data-dir>/credentials/http-users.properties). Default: open mode.")
    Path usersFile;
}
