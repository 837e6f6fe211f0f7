package io.meshbone.cli.serve;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** {@code --data-dir}: where a part with Kafka Streams state keeps it across restarts. */
final class DataDirOption {

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Keep the Kafka Streams state in DIR/streams-state so a restart finds it. "
                    + "Default: a directory of this process's own, removed on exit.")
    Path dataDir;
}
