package io.meshbone.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import io.meshbone.connect.ConnectClient;
import io.meshbone.connect.ConnectClientException;
import io.meshbone.connect.ConnectorSecrets;
import io.meshbone.connect.ConnectorConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code meshbone connect}: apply and list Kafka Connect connectors through Connect's own REST API. */
@Command(name = "connect", mixinStandardHelpOptions = true,
        description = "Apply and list Kafka Connect connectors (JSON configs like connectors/config/*.json).",
        subcommands = {ConnectCommand.Apply.class, ConnectCommand.ListConnectors.class})
final class ConnectCommand {

    /** Options every connect verb shares. */
    abstract static class Verb implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--connect-url", paramLabel = "URL", defaultValue = "${env:MESHBONE_CONNECT_URL:-http://localhost:8083}",
                description = "Kafka Connect REST API (default ${DEFAULT-VALUE}; env MESHBONE_CONNECT_URL).")
        URI connectUrl;

        @Option(names = "--credentials", paramLabel = "FILE", defaultValue = "${env:MESHBONE_CREDENTIALS}",
                description = "A credentials file whose basic.auth.user.info signs in to a secure worker. "
                        + "Default: $MESHBONE_CREDENTIALS, else none.")
        Path credentials;

        @Override
        public Integer call() {
            try {
                Optional<String> userInfo = credentials == null ? Optional.empty() : Credentials.read(credentials).userInfo();
                return run(new ConnectClient(connectUrl, userInfo), spec.commandLine().getOut());
            } catch (ConnectClientException | IllegalArgumentException e) {
                PrintWriter err = spec.commandLine().getErr();
                err.println("error: " + e.getMessage());
                err.flush();
                return 1;
            }
        }

        abstract int run(ConnectClient client, PrintWriter out);
    }

    /** {@code meshbone connect apply -f FILE}: creates each connector or updates its settings. */
    @Command(name = "apply", mixinStandardHelpOptions = true,
            description = {"Create or update connectors from JSON files ({\"name\": ..., \"config\": {...}}).",
                    "Exit code 0 when Connect accepted every file, 1 otherwise."})
    static final class Apply extends Verb {

        @Option(names = {"-f", "--file"}, required = true, paramLabel = "FILE", description = "Connector config JSON; repeatable.")
        List<Path> files;

        @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a setting in every file, e.g. "
                + "--set value.converter.schema.registry.url=http://registry:8081; repeatable.")
        Map<String, String> overrides = new LinkedHashMap<>();

        @Option(names = "--secrets-dir", paramLabel = "DIR", defaultValue = "${env:MESHBONE_CONNECT_SECRETS_DIR}",
                description = "Folder on the worker's machine for connector secrets: ${file:NAME:key} placeholders with a "
                        + "relative NAME are read from it, and a literal *password (in a file or --set) is moved into "
                        + "DIR/<connector>.secrets.properties, so Connect only ever shows placeholders. "
                        + "Default: $MESHBONE_CONNECT_SECRETS_DIR, else each config file's own folder.")
        Path secretsDir;

        @Override
        int run(ConnectClient client, PrintWriter out) {
            for (Path file : files) {
                Path folder = secretsDir != null ? secretsDir : file.toAbsolutePath().getParent();
                ConnectorConfig connector = ConnectorSecrets.externalize(ConnectorConfig.read(file).with(overrides), folder);
                boolean created = client.apply(connector);
                out.printf("%s connector %s (%s)%n", created ? "created" : "updated", connector.name(), file);
                out.flush();
            }
            return 0;
        }
    }

    /** {@code meshbone connect list}: every connector with its state and its tasks' states. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List connectors with their and their tasks' states.")
    static final class ListConnectors extends Verb {

        @Override
        int run(ConnectClient client, PrintWriter out) {
            List<ConnectClient.ConnectorStatus> connectors = client.list();
            out.printf("%-32s %-7s %-12s %s%n", "NAME", "TYPE", "STATE", "TASKS");
            for (ConnectClient.ConnectorStatus status : connectors) {
                out.printf("%-32s %-7s %-12s %s%n", status.name(), status.type(), status.state(),
                        status.taskStates().isEmpty() ? "-" : String.join(",", status.taskStates()));
            }
            out.flush();
            return 0;
        }
    }
}
