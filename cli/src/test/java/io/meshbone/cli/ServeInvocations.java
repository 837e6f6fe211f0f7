package io.meshbone.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.meshbone.cli.serve.ServeEnvironment;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/** Checks a container's arguments and environment against the {@code meshbone} command, as compose.yaml and the Kubernetes manifests run it. */
final class ServeInvocations {

    private ServeInvocations() {
    }

    /**
     * What would keep the container from starting as written: arguments picocli refuses, or a {@code MESHBONE_*}
     * variable the parsed command does not read (the allowed ones are {@code MESHBONE_CONFIG}, any
     * {@code MESHBONE_KAFKA_*} client property, and the variable of each of the command's long options).
     */
    static List<String> problems(List<String> arguments, Collection<String> environment) {
        ParseResult parsed;
        try {
            parsed = Meshbone.commandLine().parseArgs(arguments.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            return List.of("arguments " + arguments + ": " + e.getMessage());
        }
        List<CommandLine> chain = parsed.asCommandLineList();
        CommandSpec command = chain.get(chain.size() - 1).getCommandSpec();
        Set<String> readable = readableVariables(command);
        List<String> problems = new ArrayList<>();
        for (String variable : environment) {
            if (variable.startsWith("MESHBONE_") && !variable.startsWith("MESHBONE_KAFKA_") && !readable.contains(variable)) {
                problems.add(variable + " is not read by `" + command.qualifiedName() + "` (it reads " + new TreeSet<>(readable) + ")");
            }
        }
        return problems;
    }

    private static Set<String> readableVariables(CommandSpec command) {
        Set<String> variables = new HashSet<>();
        variables.add("MESHBONE_CONFIG");
        for (OptionSpec option : command.options()) {
            for (String name : option.names()) {
                if (name.startsWith("--")) {
                    variables.add(variableFor(name));
                }
            }
        }
        return variables;
    }

    static String variableFor(String longFlag) {
        return ServeEnvironment.variableFor(longFlag);
    }
}
