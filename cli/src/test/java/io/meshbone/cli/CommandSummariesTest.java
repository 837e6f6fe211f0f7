package io.meshbone.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The one-line summaries {@code meshbone <verb> --help} lists its subcommands with: picocli shows a description's first line. */
class CommandSummariesTest {

    @Test
    void everyCommandsFirstDescriptionLineIsAWholeSentence() {
        List<String> cut = new ArrayList<>();
        collect(Meshbone.commandLine(), cut);

        assertThat(cut).as("commands whose summary stops mid-sentence").isEmpty();
    }

    @Test
    void produceIsListedWithItsWholeFirstSentence() {
        String help = Meshbone.commandLine().getUsageMessage(CommandLine.Help.Ansi.OFF).replaceAll("\\s+", " ");

        assertThat(help).contains("produce Read JSON lines from stdin, encode each to Avro against the product's schema "
                + "and write it to the product's staging topic.");
    }

    private static void collect(CommandLine command, List<String> cut) {
        String[] description = command.getCommandSpec().usageMessage().description();
        if (description.length > 0 && !description[0].strip().endsWith(".")) {
            cut.add(command.getCommandSpec().qualifiedName() + ": " + description[0]);
        }
        for (CommandLine sub : command.getSubcommands().values()) {
            if (sub.getCommandSpec().parent() == command.getCommandSpec()) {
                collect(sub, cut);
            }
        }
    }
}
