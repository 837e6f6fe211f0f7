package io.meshbone.cli.serve;

import picocli.CommandLine.Option;

/** {@code --registry-url}: the schema registry a part registers and looks up schemas in. */
final class RegistryUrlOption {

    @Option(names = "--registry-url", defaultValue = "http://localhost:8081", paramLabel = "URL",
            description = "Schema registry URL. Default: ${DEFAULT-VALUE}.")
    String registryUrl;
}
