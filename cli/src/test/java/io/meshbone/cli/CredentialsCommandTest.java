package io.meshbone.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code meshbone credentials create} without a running cluster: its arguments and its refusal without a password. */
class CredentialsCommandTest {

    @TempDir
    Path dataDir;

    @Test
    void parsesTheComposeInvocation() {
        CommandLine.ParseResult parsed = Meshbone.commandLine()
                .parseArgs("credentials", "create", "--data-dir", dataDir.toString(), "--bootstrap-server", "kafka-1:9092");
        List<CommandLine> chain = parsed.asCommandLineList();
        assertThat(chain.get(chain.size() - 1).getCommandName()).isEqualTo("create");
    }

    @Test
    void refusesToRunWithoutTheAdminsPassword() {
        CredentialsCommand.Create command = new CredentialsCommand.Create();
        command.dataDir = dataDir;
        command.bootstrapServer = "localhost:1";
        assertThat(command.call()).isEqualTo(2);
    }
}
