package io.meshbone.cli.serve;

import java.util.concurrent.Callable;

import io.meshbone.http.HttpSecurity;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code meshbone serve connect}: a distributed Connect worker with the Meshbone plugin and Debezium. */
@Command(name = "connect", mixinStandardHelpOptions = true, defaultValueProvider = ServeDefaults.class,
        description = "Run a distributed Kafka Connect worker (group meshbone-connect) until SIGTERM; workers form one Connect cluster.")
final class ServeConnectCommand implements Callable<Integer> {

    static final int MANAGEMENT_PORT = 7083;

    @Mixin
    ServeOptions options;

    @Mixin
    RegistryUrlOption registry;

    @Mixin
    HttpUsersOption users;

    @Option(names = "--port", defaultValue = "8083",
            description = "Connect REST port; 0 picks a free port. Default: ${DEFAULT-VALUE}.")
    int port;

    @Override
    public Integer call() {
        return new PartProcess(options, registry.registryUrl, MANAGEMENT_PORT, false, null).run(new ConnectPart(port, HttpSecurity.open().withUsersFile(users.usersFile)), System.out, System.err);
    }
}
