package io.meshbone.cli;

import java.time.Duration;

import picocli.CommandLine.Option;

/** What {@code product deprecate} and {@code product retire} share: who asks, and how long to wait for the decision. */
final class LifecycleOptions {

    @Option(names = "--principal", defaultValue = "${env:MESHBONE_PRINCIPAL:-User:meshbone-up}",
            description = "Who asks; must be who listed the product. Default: ${DEFAULT-VALUE}.")
    String principal;

    @Option(names = "--timeout", defaultValue = "60s", paramLabel = "DURATION",
            description = "How long to wait for the decision, e.g. 500ms, 30s, 5m. Default: ${DEFAULT-VALUE}.")
    Duration timeout;
}
