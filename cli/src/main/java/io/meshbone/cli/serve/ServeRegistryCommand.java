package io.meshbone.cli.serve;

import java.net.URI;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code meshbone serve registry}: the schema registry; any number of instances, any of them takes writes (forwarded to the writer). */
@Command(name = "registry", mixinStandardHelpOptions = true, defaultValueProvider = ServeDefaults.class,
        description = "Run the schema registry (state in the _schemas topic) until SIGTERM; instances share the topic.")
final class ServeRegistryCommand implements Callable<Integer> {

    static final int MANAGEMENT_PORT = 7081;

    @Mixin
    ServeOptions options;

    @Mixin
    HttpNamesOptions http;

    @Option(names = "--port", defaultValue = "8081",
            description = "Registry API port; 0 picks a free port. Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--advertised-url", paramLabel = "URL",
            description = "Where the other registry instances reach this one to forward writes while it is the writer, "
                    + "such as http://registry-1:8081. Default: http://<--host>:<port> (this machine's name for 0.0.0.0).")
    URI advertisedUrl;

    @Override
    public Integer call() {
        return new PartProcess(options, null, MANAGEMENT_PORT, false, null).run(new RegistryPart(port, http.security(), advertisedUrl), System.out, System.err);
    }
}
