package io.meshbone.cli.serve;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code meshbone serve catalog}: the catalog API, web page and {@code /metrics}; instances are stateless readers. */
@Command(name = "catalog", mixinStandardHelpOptions = true, defaultValueProvider = ServeDefaults.class,
        description = "Run the catalog (REST API, web page, /metrics) until SIGTERM; instances are stateless readers.")
final class ServeCatalogCommand implements Callable<Integer> {

    static final int MANAGEMENT_PORT = 7080;

    @Mixin
    ServeOptions options;

    @Mixin
    RegistryUrlOption registry;

    @Mixin
    HttpNamesOptions http;

    @Option(names = "--port", defaultValue = "8080",
            description = "Catalog port; 0 picks a free port. Default: ${DEFAULT-VALUE}.")
    int port;

    @Override
    public Integer call() {
        return new PartProcess(options, registry.registryUrl, MANAGEMENT_PORT, false, null).run(new CatalogPart(port, http.security()), System.out, System.err);
    }
}
